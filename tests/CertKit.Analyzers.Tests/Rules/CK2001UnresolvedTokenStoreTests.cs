using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verifier = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK2001PlaintextTokenStorageAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

public class CK2001UnresolvedTokenStoreTests
{
    // EF6 declared here (resolved) or not at all (the package was not restored: DbContext and DbSet do not bind).
    private const string Ef6Declared = """
        namespace System.Data.Entity
        {
            public class DbContext { public virtual int SaveChanges() => 0; }
            public class DbSet<TEntity> where TEntity : class { public virtual TEntity Add(TEntity entity) => entity; }
        }
        """;

    // An ASP.NET Web API integration that keeps its Adobe Sign tokens and logs through an EF6 repository.
    private static string Integration(string body, bool ef6Resolves = false) => (ef6Resolves ? Ef6Declared : string.Empty) + $$"""

        namespace Partner.Sync
        {
            public class OAuthTokenSet
            {
                public int Id { get; set; }
                public string accessToken { get; set; } = "";
                public string refreshToken { get; set; } = "";
                public string userName { get; set; } = "";
                public string licenseKey { get; set; } = "";
            }

            public class TransactionReport { public string TrxToken { get; set; } = ""; }

            public class PaymentResponse { public System.Net.ICredentials Credentials { get; set; } = null!; }

            public class AdobeSignLogEntity
            {
                public string Action { get; set; } = "";
                public string Request { get; set; } = "";
            }

            public class SyncContext : System.Data.Entity.DbContext
            {
                public System.Data.Entity.DbSet<OAuthTokenSet> OAuthTokenSets { get; set; } = null!;
                public System.Data.Entity.DbSet<AdobeSignLogEntity> AdobeSignLogs { get; set; } = null!;
            }

            public class Repository
            {
                public void AddAdobeSignLog(string action, string request)
                {
                    using var context = new SyncContext();
                    context.AdobeSignLogs.Add(new AdobeSignLogEntity { Action = action, Request = request });
                    context.SaveChanges();
                }

                public string Describe(string action, string request) => action + request;

                // The save verb spelled with a unicode escape: its text names no verb, its call is a save call all the same.
                public void Keep(string request)
                {
                    using var context = new SyncContext();
                    context.\u0053aveChanges();
                }
            }

            public class TokenStore
            {
                private readonly SyncContext db = new();
                private readonly Repository repository = new();

                public void Save(OAuthTokenSet set, string accessToken, string refreshToken, string userName, System.Func<string, string> protect)
                {
        {{body}}
                }

                private static string EncryptToken(string value) => value;
            }
        }
        """;

    private static DiagnosticResult Note(int location, string token, string target, string save) =>
        new DiagnosticResult(Descriptors.TokenStoreNotResolved).WithSeverity(DiagnosticSeverity.Info).WithLocation(location).WithArguments(token, target, save);

    private static Task RunAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verifier.CreateTest(source, null);
        // Without EF6 the compiler reports the missing types; only the analyzer's diagnostics are asserted.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task A_token_given_to_the_projects_method_whose_save_call_did_not_resolve_is_not_analysed() =>
        RunAsync(
            Integration("repository.AddAdobeSignLog(\"RefreshToken\", {|#0:$\"refreshToken={refreshToken}\"|});"),
            Note(0, "'refreshToken'", "Repository.AddAdobeSignLog", "'context.SaveChanges()' in it"));

    [Fact]
    public Task A_save_call_spelled_with_a_unicode_escape_is_found_in_the_projects_method() =>
        RunAsync(
            Integration("repository.Keep({|#0:refreshToken|});"),
            Note(0, "'refreshToken'", "Repository.Keep", "'context.\\u0053aveChanges()' in it"));

    [Fact]
    public Task A_token_member_written_where_the_save_call_did_not_resolve_is_not_analysed() =>
        RunAsync(
            Integration("{|#0:set.accessToken = accessToken|}; {|#1:set.refreshToken = refreshToken|}; db.SaveChanges();"),
            Note(0, "'accessToken'", "an object of type 'OAuthTokenSet'", "'db.SaveChanges()'"),
            Note(1, "'refreshToken'", "an object of type 'OAuthTokenSet'", "'db.SaveChanges()'"));

    [Fact]
    public Task A_write_of_the_object_is_a_save_call_and_a_write_of_an_exception_is_not() =>
        RunAsync(
            Integration("UnresolvedDebugHelper.WriteException(null); {|#0:set.accessToken = accessToken|}; UnresolvedStore.WriteObject(set);"),
            Note(0, "'accessToken'", "an object of type 'OAuthTokenSet'", "'UnresolvedStore.WriteObject(…)'"));

    [Fact]
    public Task A_token_in_an_anonymous_parameter_object_is_named_as_such() =>
        RunAsync(
            Integration("var row = new { {|#0:refreshToken = refreshToken|} }; db.SaveChanges();"),
            Note(0, "'refreshToken'", "an anonymous object", "'db.SaveChanges()'"));

    // The note and the rule are one analyzer: where the persistence types resolve, CK2001 judges the store itself.
    [Fact]
    public Task Where_the_persistence_types_resolve_the_rule_reports_the_store_not_a_note() =>
        RunAsync(
            Integration("{|#0:set.accessToken = accessToken|}; db.SaveChanges(); {|#1:repository.AddAdobeSignLog(\"RefreshToken\", $\"refreshToken={refreshToken}\")|};", ef6Resolves: true),
            new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithLocation(0).WithArguments("'accessToken'", "a database column (entity 'OAuthTokenSet')"),
            new DiagnosticResult(Descriptors.PlaintextTokenStorageFlow).WithLocation(1).WithArguments("'refreshToken'", "a database column (entity 'AdobeSignLogEntity') (through the 'request' parameter of Repository.AddAdobeSignLog)"));

    [Fact]
    public Task Where_the_persistence_types_resolve_an_added_entity_is_the_rules() =>
        RunAsync(
            Integration("db.OAuthTokenSets.Add(new OAuthTokenSet { {|#0:refreshToken = refreshToken|} });", ef6Resolves: true),
            new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithLocation(0).WithArguments("'refreshToken'", "a database column (entity 'OAuthTokenSet')"));

    [Theory]
    [InlineData("set.userName = userName; db.SaveChanges();")] // not a token
    [InlineData("set.accessToken = EncryptToken(accessToken); db.SaveChanges();")] // protected first
    [InlineData("set.accessToken = accessToken;")] // no save call in this body
    [InlineData("repository.AddAdobeSignLog(\"RefreshToken\", $\"user={userName}\");")] // no token given
    [InlineData("repository.AddAdobeSignLog(\"RefreshToken\", EncryptToken(refreshToken));")] // protected first
    [InlineData("repository.Describe(\"RefreshToken\", refreshToken);")] // a method that stores nothing
    [InlineData("db.OAuthTokenSets.Add(new OAuthTokenSet { refreshToken = refreshToken }); var rows = new UnresolvedList(); rows.Add(set);")] // Add alone: a list's as often as a set's
    [InlineData("var http = new UnresolvedHttpClient(); http.PutAsJsonAsync(\"tokens\", set); http.Execute(set);")] // an HTTP PUT, a gateway's request
    [InlineData("var report = new TransactionReport { TrxToken = userName }; db.SaveChanges();")] // a payment's transaction token on a report row
    [InlineData("var preAuth = new PaymentResponse(); preAuth.Credentials = System.Net.CredentialCache.DefaultCredentials; db.SaveChanges();")] // not text
    [InlineData("set.licenseKey = accessToken; db.SaveChanges();")] // a licence key is stored and shown by design
    [InlineData("set.accessToken = accessToken; UnresolvedDebugHelper.WriteException(null); UnresolvedConsole.WriteLine(set);")] // diagnostic output, not a store
    public Task Values_that_are_not_tokens_are_protected_or_never_saved_are_not_noted(string body) =>
        RunAsync(Integration(body));
}
