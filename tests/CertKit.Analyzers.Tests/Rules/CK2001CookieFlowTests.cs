using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verifier = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK2001PlaintextTokenStorageAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

/// <summary>
/// CK2001 for authentication cookies: a hardcoded credential (a literal, through locals, fields, method returns and
/// parameters, across files) or a credential-named value that reaches a cookie named for authentication
/// (<c>Response.Cookies.Append</c>, <c>new Cookie</c>, <c>new HttpCookie</c>, <c>new CookieHeaderValue</c>) is a plaintext
/// credential in the browser. The flow is reported at the cookie, the literal as the additional location.
/// </summary>
public class CK2001CookieFlowTests
{
    private static string Controller(string members) => $$"""
        using System;
        using System.Net;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Net.Http.Headers;

        namespace System.Web
        {
            public sealed class HttpCookie
            {
                public HttpCookie(string name, string value) { }
            }
        }

        namespace Partner.Portal
        {
            public class LoginController
            {
                private readonly IConfiguration _configuration;
                private readonly IDataProtector _protector;

                public LoginController(IConfiguration configuration, IDataProtector protector)
                {
                    _configuration = configuration;
                    _protector = protector;
                }

        {{members}}
            }
        }
        """;

    public static TheoryData<string, string> Flagged() => new()
    {
        {
            """        public void SignIn(HttpResponse response) { var data = {|#0:"Pr0d#Sync24"|}; response.Cookies.Append("session", {|#1:data|}); }""",
            "the authentication cookie 'session'"
        },
        {
            """        public Cookie SignIn() { var data = {|#0:"Pr0d#Sync24"|}; return new Cookie("sid", {|#1:data|}); }""",
            "the authentication cookie 'sid'"
        },
        {
            """        public System.Web.HttpCookie SignIn() => new System.Web.HttpCookie("auth", {|#1:{|#0:"Pr0d#Sync24"|}|});""",
            "the authentication cookie 'auth'"
        },
        {
            """        public CookieHeaderValue SignIn() { var data = {|#0:"Pr0d#Sync24"|}; return new CookieHeaderValue("jwt", {|#1:data|}); }""",
            "the authentication cookie 'jwt'"
        },
        // across methods: a return value, a field, a parameter
        {
            """        private static string GoodSource() => {|#0:"Pr0d#Sync24"|};  public void SignIn(HttpResponse response) => response.Cookies.Append(".Portal.Session", {|#1:GoodSource()|});""",
            "the authentication cookie '.Portal.Session'"
        },
        {
            """        private static readonly string Data = {|#0:"Pr0d#Sync24"|};  public Cookie SignIn() => new Cookie("remember_me", {|#1:Data|});""",
            "the authentication cookie 'remember_me'"
        },
        {
            """        public void SignIn(HttpResponse response) => Issue(response, {|#0:"Pr0d#Sync24"|});  private static void Issue(HttpResponse response, string data) => response.Cookies.Append("session", {|#1:data|});""",
            "the authentication cookie 'session' (through the 'data' parameter of LoginController.Issue)"
        },
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public Task Hardcoded_credential_in_an_authentication_cookie_is_reported(string members, string sink)
    {
        var test = Verifier.CreateTest(Controller(members), null);
        test.References = TestReferences.StorageAndLogging;
        test.ExpectedDiagnostics.Add(Flow(sink));
        return test.RunAsync();
    }

    public static TheoryData<string> Clean() => new()
    {
        """        public void SignIn(HttpResponse response) { var data = _protector.Protect(_configuration["Portal:Ticket"]!); response.Cookies.Append("session", data); }""",
        """        public Cookie SignIn() => new Cookie("sid", Guid.NewGuid().ToString("N"));""",
        """        public void SignIn(HttpResponse response) { var data = "true"; response.Cookies.Append("remember_me", data); }""",
        """        public void SignIn(HttpResponse response) { var data = "en-US-Pr0d"; response.Cookies.Append("culture", data); }""",
        """        public CookieHeaderValue SignIn() { var data = "deleted"; return new CookieHeaderValue("jwt", data); }""",
        """        private static readonly string Data = "Pr0d#Sync24";  public Cookie Theme() => new Cookie("theme", Data);""",
        """        public void SignIn(HttpResponse response) => Issue(response, _protector.Protect(Guid.NewGuid().ToString()));  private static void Issue(HttpResponse response, string data) => response.Cookies.Append("session", data);""",
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public Task Protected_or_generated_cookie_values_are_clean(string members)
    {
        var test = Verifier.CreateTest(Controller(members), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Fact]
    public Task Credential_named_value_in_a_new_cookie_is_reported()
    {
        var test = Verifier.CreateTest(Controller("""
                    public Cookie Remember(string password) => {|CK2001:new Cookie("auth", password)|};
                    public System.Web.HttpCookie Token(string accessToken) => {|CK2001:new System.Web.HttpCookie("jwt", accessToken)|};
            """), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    /// <summary>
    /// A cookie the name-based check reports (a credential-named value) is not reported again by the flow at compilation
    /// end, though a literal reaches it through another method (<see cref="CertKit.Analyzers.Rules.CredentialFlowAnalyzer"/>
    /// reads the cookies CK2001 reported from the compilation's <c>ReportedByName</c>).
    /// </summary>
    [Fact]
    public Task Cookie_the_name_based_check_reports_is_reported_once_when_a_literal_reaches_it_across_members()
    {
        var test = Verifier.CreateTest(Controller("""
                    private static string Session() => "Pr0d#Sync24";
                    public void SignIn(HttpResponse response) { var accessToken = Session(); {|CK2001:response.Cookies.Append("session", accessToken)|}; }
            """), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Fact]
    public Task Literal_in_one_file_reaching_a_cookie_in_another_is_reported()
    {
        var test = Verifier.CreateTest(Controller("""        public void SignIn(HttpResponse response) => response.Cookies.Append("auth_ticket", {|#1:PortalDefaults.Ticket|});"""), null);
        test.References = TestReferences.StorageAndLogging;
        test.TestState.Sources.Add(("/0/PortalDefaults.cs", """
            namespace Partner.Portal
            {
                internal static class PortalDefaults
                {
                    public const string Ticket = {|#0:"Pr0d#Sync24"|};
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Flow("the authentication cookie 'auth_ticket'"));
        return test.RunAsync();
    }

    // Juliet CWE-315 (cleartext storage in a cookie): the good variants hash the credential before the cookie, in the same
    // method or in the sink method that receives it; the bad variant stores what it read.
    private const string JulietHashInTheSameMethod = """
                public void GoodB2G(HttpResponse response, System.IO.TextReader reader)
                {
                    string data = "";
                    data = reader.ReadLine()!;
                    using (var sha512 = System.Security.Cryptography.SHA512.Create())
                    {
                        var buffer = System.Text.Encoding.UTF8.GetBytes(string.Concat("ThisIsMySalt", data));
                        var hashedCredsAsBytes = sha512.ComputeHash(buffer);
                        data = Convert.ToBase64String(hashedCredsAsBytes);
                    }

                    response.Cookies.Append("auth", data);
                }
        """;

    private const string JulietHashInTheSinkMethod = """
                public void GoodB2G(HttpResponse response, System.IO.TextReader reader) => GoodB2GSink(reader.ReadLine()!, response);

                private static void GoodB2GSink(string data, HttpResponse response)
                {
                    using (var sha512 = System.Security.Cryptography.SHA512.Create())
                    {
                        var buffer = System.Text.Encoding.UTF8.GetBytes(string.Concat("ThisIsMySalt", data));
                        data = BitConverter.ToString(sha512.ComputeHash(buffer));
                    }

                    response.Cookies.Append("auth", data);
                }
        """;

    [Theory]
    [InlineData(JulietHashInTheSameMethod)]
    [InlineData(JulietHashInTheSinkMethod)]
    public Task Juliet_good_cases_hash_the_credential_before_the_auth_cookie(string members)
    {
        var test = Verifier.CreateTest(Controller(members), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Fact]
    public Task Juliet_bad_case_stores_what_it_read_in_the_auth_cookie()
    {
        var test = Verifier.CreateTest(Controller("""
                    public void Bad(HttpResponse response, System.IO.TextReader reader)
                    {
                        string data = "";
                        data = reader.ReadLine()!;
                        {|CK2001:response.Cookies.Append("auth", data)|};
                    }
            """), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    private static DiagnosticResult Flow(string sink) =>
        new DiagnosticResult(Descriptors.PlaintextTokenStorageFlow).WithLocation(1).WithLocation(0).WithArguments("A hardcoded credential", sink);
}
