using System.Collections.Immutable;
using CertKit.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Tests.Flow;

/// <summary>
/// Live flow findings: a flow that stays inside one member body is reported while that body is analysed, from a descriptor
/// without the compilation-end tag, so an IDE asking one document's semantic diagnostics (as it does while the user types)
/// gets it; a flow across members is reported at compilation end only. Asked through the real analyzer driver.
/// </summary>
public class CredentialFlowTests
{
    private const string SameMethod = """
        using System.Net;
        class Mailer
        {
            NetworkCredential Credential()
            {
                var relay = "Xk9#mQ2$vL7p";
                return new NetworkCredential("relay", relay);
            }
        }
        """;

    private const string AcrossMethods = """
        using System.Net;
        class Mailer
        {
            private static string Relay() => "Xk9#mQ2$vL7p";

            NetworkCredential Credential() => new NetworkCredential("relay", Relay());
        }
        """;

    private const string KeySameMethod = """
        using System.Security.Cryptography;
        using System.Text;
        class Sealer
        {
            Aes Create()
            {
                var aes = Aes.Create();
                var data = "k3y-F0r-Payl0ads";
                aes.Key = Encoding.UTF8.GetBytes(data);
                return aes;
            }
        }
        """;

    private const string KeyArgumentSameMethod = """
        using System.Security.Cryptography;
        using System.Text;
        class Sealer
        {
            ICryptoTransform Create(byte[] iv)
            {
                var data = "k3y-F0r-Payl0ads";
                using var aes = Aes.Create();
                return aes.CreateEncryptor(Encoding.UTF8.GetBytes(data), iv);
            }
        }
        """;

    private const string CookieSameMethod = """
        using Microsoft.AspNetCore.Http;
        class Login
        {
            void SignIn(HttpResponse response)
            {
                var data = "Pr0d#Sync24";
                response.Cookies.Append("session", data);
            }
        }
        """;

    [Theory]
    [InlineData(SameMethod, "CK1002", "\"Xk9#mQ2$vL7p\"")]
    [InlineData(KeySameMethod, "CK1003", "\"k3y-F0r-Payl0ads\"")]
    [InlineData(CookieSameMethod, "CK2001", "data")]
    [InlineData(KeyArgumentSameMethod, "CK1003", "\"k3y-F0r-Payl0ads\"")]
    public async Task A_flow_inside_one_method_is_reported_while_the_document_is_analysed(string source, string id, string reportedText)
    {
        var code = new FlowTestCode(source);

        var live = await DocumentDiagnostics(code);

        var diagnostic = Assert.Single(live, d => d.Id == id);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
        Assert.Equal(reportedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public async Task A_flow_across_methods_waits_for_compilation_end()
    {
        var code = new FlowTestCode(AcrossMethods);

        Assert.DoesNotContain(await DocumentDiagnostics(code), d => d.Id == "CK1002");

        var all = await code.Compilation.WithAnalyzers(Analyzers(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(all, d => d.Id == "CK1002");
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
    }

    [Fact]
    public async Task A_literal_the_name_based_check_reports_is_not_reported_again_by_the_live_flow()
    {
        var code = new FlowTestCode("""
            using System.Net;
            class Mailer
            {
                NetworkCredential Credential()
                {
                    var password = "Xk9#mQ2$vL7p";
                    return new NetworkCredential("relay", password);
                }
            }
            """);

        var diagnostic = Assert.Single(await DocumentDiagnostics(code), d => d.Id == "CK1002");
        Assert.Same(Descriptors.HardcodedCredential, diagnostic.Descriptor);
    }

    private const string ThreeRulesInOneBody = """
        using System.Net;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        class Service
        {
            private static string Relay() => "Xk9#mQ2$vL7p";

            void Run(HttpResponse response)
            {
                var credential = new NetworkCredential("relay", Relay());
                var aes = Aes.Create();
                var data = "k3y-F0r-Payl0ads";
                aes.Key = Encoding.UTF8.GetBytes(data);
                var session = "Pr0d#Sync24";
                response.Cookies.Append("session", session);
            }
        }
        """;

    /// <summary>
    /// One analyzer runs the flow of CK1002, CK1003 and CK2001 (each operation read once): each rule's findings come out under
    /// its own id, the same whichever analyzer the driver runs first, and the same with the flow of that rule alone.
    /// </summary>
    [Fact]
    public async Task The_flow_reports_each_rule_in_its_own_category_together_or_alone()
    {
        var expected = new[] { ("CK1002", "\"Xk9#mQ2$vL7p\"", true), ("CK1003", "\"k3y-F0r-Payl0ads\"", false), ("CK2001", "session", false) };

        await AssertTogetherAndAlone(new FlowTestCode(ThreeRulesInOneBody), expected, Analyzers(), Analyzers(), Analyzers().Reverse().ToImmutableArray());
    }

    private const string ThreeRulesAcrossMembers = """
        using System.Net;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        class Service
        {
            private static string Relay() => "Xk9#mQ2$vL7p";

            private static string Seed() => "k3y-F0r-Payl0ads";

            private static string Session() => "Pr0d#Sync24";

            void Run(HttpResponse response)
            {
                var credential = new NetworkCredential("relay", Relay());
                var aes = Aes.Create();
                aes.Key = Encoding.UTF8.GetBytes(Seed());
                response.Cookies.Append("session", Session());
            }
        }
        """;

    /// <summary>
    /// At compilation end the flow resolves each category from one set of tables of the recorded values. Every rule's flow
    /// here crosses members, so each is resolved from the tables, with the three categories as with one alone.
    /// </summary>
    [Fact]
    public async Task Flows_across_members_of_the_three_rules_are_found_alike_together_and_alone()
    {
        var expected = new[] { ("CK1002", "\"Xk9#mQ2$vL7p\"", true), ("CK1003", "\"k3y-F0r-Payl0ads\"", true), ("CK2001", "Session()", true) };

        await AssertTogetherAndAlone(new FlowTestCode(ThreeRulesAcrossMembers), expected, Analyzers(), Analyzers().Reverse().ToImmutableArray());
    }

    /// <summary>
    /// Runs the three rules and the flow together in each given order, then each rule alone with the flow of its category only,
    /// on the same compilation: together they report <paramref name="expected"/> (id, text at the location, compilation-end
    /// tag), alone each reports its own part of it.
    /// </summary>
    private static async Task AssertTogetherAndAlone(FlowTestCode code, (string, string, bool)[] expected, params ImmutableArray<DiagnosticAnalyzer>[] orders)
    {
        foreach (var analyzers in orders)
        {
            var together = await code.Compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(expected, Describe(together));
        }

        foreach (var analyzer in Rules())
        {
            var id = analyzer.SupportedDiagnostics[0].Id;
            var pair = ImmutableArray.Create(analyzer, new CredentialFlowAnalyzer(id));
            var alone = await code.Compilation.WithAnalyzers(pair, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(expected.Where(e => e.Item1 == id), Describe(alone));
        }

    }

    private static IEnumerable<(string, string, bool)> Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)))
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// A rule turned off for the whole compilation is left out of the flow (its sinks are not judged) and the other two still
    /// report; a rule turned off in the compilation's options but on in no file's options counts as off, one on stays on.
    /// </summary>
    [Fact]
    public async Task A_rule_turned_off_for_the_compilation_is_left_out_of_the_flow_and_the_others_still_report()
    {
        var code = new FlowTestCode(ThreeRulesAcrossMembers);
        var off = code.Compilation.WithOptions(code.Compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["CK1003"] = ReportDiagnostic.Suppress }));

        var diagnostics = await off.WithAnalyzers(Analyzers(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(new[] { ("CK1002", "\"Xk9#mQ2$vL7p\"", true), ("CK2001", "Session()", true) }, Describe(diagnostics));
        Assert.True(CredentialFlowAnalyzer.IsOffEverywhere(off, "CK1003", CancellationToken.None));
        Assert.False(CredentialFlowAnalyzer.IsOffEverywhere(off, "CK1002", CancellationToken.None));
        Assert.False(CredentialFlowAnalyzer.IsOffEverywhere(code.Compilation, "CK1003", CancellationToken.None));
    }

    private static ImmutableArray<DiagnosticAnalyzer> Rules() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new CK1002HardcodedCredentialAnalyzer(), new CK1003HardcodedSecretContentAnalyzer(), new CK2001PlaintextTokenStorageAnalyzer());

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers() => Rules().Add(new CredentialFlowAnalyzer());

    /// <summary>What an IDE gets for one open document: its semantic diagnostics, without compilation-end actions.</summary>
    private static async Task<ImmutableArray<Diagnostic>> DocumentDiagnostics(FlowTestCode code)
    {
        var tree = code.Compilation.SyntaxTrees.Single();
        var analyzers = code.Compilation.WithAnalyzers(Analyzers(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        var syntax = await analyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        var semantic = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(code.Compilation.GetSemanticModel(tree), null, CancellationToken.None);
        return syntax.AddRange(semantic);
    }
}
