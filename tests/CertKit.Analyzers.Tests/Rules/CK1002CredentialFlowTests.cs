using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Rules;

using Verify = AnalyzerVerifier<CK1002HardcodedCredentialAnalyzer>;

/// <summary>
/// CK1002 by flow: a literal under a neutral name that reaches a credential sink (a parameter or property named like a
/// credential, SecureString.AppendChar, AuthenticationHeaderValue, a connection string's Password) is reported at the
/// literal, with the sink as the additional location and named in the message. Values read from configuration, the
/// environment or a prompt reaching the same sinks are clean. Every secret here is fake.
/// </summary>
public class CK1002CredentialFlowTests
{
    internal const string Usings = """
        using System;
        using System.Data.Common;
        using System.Net;
        using System.Net.Http.Headers;
        using System.Security;
        using System.Security.Cryptography;
        using System.Security.Cryptography.X509Certificates;
        using System.Text;
        using Microsoft.Extensions.Configuration;

        """;

    // A sync job of a partner integration; each case adds members to it.
    internal static string Job(string members) => Usings + $$"""
        namespace Partner.Integration
        {
            public class SyncJob
            {
                private readonly IConfiguration _configuration;

                public SyncJob(IConfiguration configuration) => _configuration = configuration;

        {{members}}
            }

            public sealed class ServiceLogin
            {
                public ServiceLogin(string user, string password) { }
            }

            public sealed class SqlConnection
            {
                public SqlConnection(string connectionString) { }
            }
        }
        """;

    public static TheoryData<string, string> Flagged() => new()
    {
        {
            """        public NetworkCredential Credential() { string data = {|#0:"Pr0d#Sync24"|}; return new NetworkCredential("svc-sync", {|#1:data|}, "ACME"); }""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public X509Certificate2 Load(string path) { var pfx = {|#0:"p@55w0rd"|}; return new X509Certificate2(path, {|#1:pfx|}); }""",
            "the 'password' parameter of X509Certificate2"
        },
        {
            """        public X509Certificate2 Load(string path) => new X509Certificate2(path, {|#1:{|#0:"p@55w0rd"|}|});""",
            "the 'password' parameter of X509Certificate2"
        },
        {
            """        public byte[] Derive(byte[] salt) { var text = {|#0:"Winter#2031"|}; using var kdf = new Rfc2898DeriveBytes({|#1:text|}, salt, 100000, HashAlgorithmName.SHA256); return kdf.GetBytes(32); }""",
            "the 'password' parameter of Rfc2898DeriveBytes"
        },
        {
            """        public byte[] Derive(byte[] salt) { var text = {|#0:"Winter#2031"|}; using var kdf = new Rfc2898DeriveBytes({|#1:Encoding.UTF8.GetBytes(text)|}, salt, 100000, HashAlgorithmName.SHA256); return kdf.GetBytes(32); }""",
            "the 'password' parameter of Rfc2898DeriveBytes"
        },
        {
            """        public byte[] Derive(byte[] salt) { var text = {|#0:"Winter#2031"|}; using var kdf = new PasswordDeriveBytes({|#1:text|}, salt); return kdf.GetBytes(32); }""",
            "the 'strPassword' parameter of PasswordDeriveBytes"
        },
        {
            """        public SecureString Secure() { var secure = new SecureString(); foreach (var c in {|#0:"Winter#2031"|}) { secure.AppendChar({|#1:c|}); } return secure; }""",
            "SecureString.AppendChar"
        },
        {
            """        public SecureString Secure() { var data = {|#0:"Winter#2031"|}; var secure = new SecureString(); for (var i = 0; i < data.Length; i++) { secure.AppendChar({|#1:data[i]|}); } return secure; }""",
            "SecureString.AppendChar"
        },
        {
            """        public Uri Endpoint() { var builder = new UriBuilder("https", "db.partner.example"); var data = {|#0:"Tr1cky!Pass"|}; {|#1:builder.Password = data|}; return builder.Uri; }""",
            "UriBuilder.Password"
        },
        {
            """        public AuthenticationHeaderValue Header() { var data = {|#0:"c3ZjOlByMGQjU3luYzI0"|}; return new AuthenticationHeaderValue("Basic", {|#1:data|}); }""",
            "the 'parameter' of AuthenticationHeaderValue"
        },
        {
            """        public string Build() { var data = {|#0:"Pr0d#Sync24"|}; var builder = new DbConnectionStringBuilder(); {|#1:builder["Password"] = data|}; return builder.ConnectionString; }""",
            "DbConnectionStringBuilder[\"Password\"]"
        },
        {
            """        public SqlConnection Open() { var data = {|#0:"Pr0d#Sync24"|}; return new SqlConnection({|#1:"Data Source=db;User ID=sa;Password=" + data|}); }""",
            "the Password of the connection string given to SqlConnection"
        },
        {
            """        public SqlConnection Open() { var data = {|#0:"Pr0d#Sync24"|}; var connection = $"Server=db;Uid=sa;Pwd={data};"; return new SqlConnection({|#1:connection|}); }""",
            "the Password of the connection string given to SqlConnection"
        },
        {
            """        public DbConnectionStringBuilder Open() { var data = {|#0:"Pr0d#Sync24"|}; return new DbConnectionStringBuilder { {|#1:ConnectionString = $"Server=db;User ID=sa;Password={data}"|} }; }""",
            "the Password of DbConnectionStringBuilder.ConnectionString"
        },
        {
            """        public void Connect() { var login = new ServiceLogin("svc-sync", _configuration["Sync:Password"]!); Use(login, {|#0:"Summer#2032"|}); }  private static void Use(ServiceLogin login, string data) => new ServiceLogin("svc-sync", {|#1:data|});""",
            "the 'password' parameter of ServiceLogin (through the 'data' parameter of SyncJob.Use)"
        },
        {
            """        public NetworkCredential Credential() { return new NetworkCredential("svc-sync", {|#1:Local()|}); static string Local() => {|#0:"Pr0d#Sync24"|}; }""",
            "the 'password' parameter of NetworkCredential"
        },
        // returns: an async method's result, a getter with statements, a return inside try and switch, a local function of a void method
        {
            """        private static async System.Threading.Tasks.Task<string> SourceAsync() { await System.Threading.Tasks.Task.Yield(); return {|#0:"Pr0d#Sync24"|}; }  public async System.Threading.Tasks.Task<NetworkCredential> Credential() => new NetworkCredential("svc-sync", {|#1:await SourceAsync()|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private string Data { get { if (_configuration["Sync:Source"] == "inline") { return {|#0:"Pr0d#Sync24"|}; } return _configuration["Sync:Password"]!; } }  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Data|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private static string Source(int slot) { switch (slot) { case 1: try { return {|#0:"Pr0d#Sync24"|}; } finally { slot = 0; } default: return string.Empty; } }  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Source(1)|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public void Connect() { _ = new ServiceLogin("svc-sync", {|#1:Local()|}); static string Local() { return {|#0:"Pr0d#Sync24"|}; } }""",
            "the 'password' parameter of ServiceLogin"
        },
        // across methods: a method's return, a field, a property, a parameter (two levels)
        {
            """        private static string GoodSource() => {|#0:"Pr0d#Sync24"|};  public NetworkCredential Credential() { var data = GoodSource(); return new NetworkCredential("svc-sync", {|#1:data|}); }""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private static readonly string Data = {|#0:"Pr0d#Sync24"|};  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Data|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private const string Data = {|#0:"Pr0d#Sync24"|};  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Data|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private string Data { get; } = {|#0:"Pr0d#Sync24"|};  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Data|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        private string _data = "";  public void Init() { _data = {|#0:"Pr0d#Sync24"|}; }  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:_data|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public void Run() { var data = {|#0:"Pr0d#Sync24"|}; Sink(data); }  private static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", {|#1:data|});""",
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of SyncJob.Sink)"
        },
        {
            """        public void Run() => Outer({|#0:"Pr0d#Sync24"|});  private static void Outer(string value) => Sink(value.Trim());  private static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", {|#1:data|});""",
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of SyncJob.Sink) (through the 'value' parameter of SyncJob.Outer)"
        },
        // connection strings across methods: the part after Password= comes from a method's return or a parameter
        {
            """        private static string Source() => {|#0:"Pr0d#Sync24"|};  public SqlConnection Open() => new SqlConnection({|#1:"Data Source=db;User ID=sa;Password=" + Source()|});""",
            "the Password of the connection string given to SqlConnection"
        },
        {
            """        public SqlConnection Run() => Open({|#0:"Pr0d#Sync24"|});  private static SqlConnection Open(string data) => new SqlConnection({|#1:$"Server=db;Uid=sa;Pwd={data};"|});""",
            "the Password of the connection string given to SqlConnection (through the 'data' parameter of SyncJob.Open)"
        },
        // through arrays and collections built in the method
        {
            """        public NetworkCredential Credential() { var data = new[] { {|#0:"Pr0d#Sync24"|} }; return new NetworkCredential("svc-sync", {|#1:data[0]|}); }""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public NetworkCredential Credential() { var data = new System.Collections.Generic.List<string>(); data.Add({|#0:"Pr0d#Sync24"|}); return new NetworkCredential("svc-sync", {|#1:data[0]|}); }""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public NetworkCredential Credential() { var data = new System.Collections.Generic.Dictionary<string, string> { ["host"] = "smtp.partner.example", ["relay"] = {|#0:"Pr0d#Sync24"|} }; return new NetworkCredential("svc-sync", {|#1:data["relay"]|}); }""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public NetworkCredential Credential() { var data = new System.Collections.Generic.Dictionary<string, string>(); data["relay"] = {|#0:"Pr0d#Sync24"|}; return new NetworkCredential("svc-sync", {|#1:data["relay"]|}); }""",
            "the 'password' parameter of NetworkCredential"
        },
        // into overrides of an abstract or virtual method and implementations of an interface member
        {
            """        public abstract class Source { public abstract string Relay(); }  public sealed class Fixed : Source { public override string Relay() => {|#0:"Pr0d#Sync24"|}; }  public NetworkCredential Credential(Source source) => new NetworkCredential("svc-sync", {|#1:source.Relay()|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public interface IRelay { string Value { get; } }  public sealed class Fixed : IRelay { public string Value => {|#0:"Pr0d#Sync24"|}; }  public NetworkCredential Credential(IRelay relay) => new NetworkCredential("svc-sync", {|#1:relay.Value|});""",
            "the 'password' parameter of NetworkCredential"
        },
        {
            """        public abstract class Sender { public abstract NetworkCredential Send(string data); }  public sealed class Smtp : Sender { public override NetworkCredential Send(string data) => new NetworkCredential("svc-sync", {|#1:data|}); }  public NetworkCredential Run(Sender sender) => sender.Send({|#0:"Pr0d#Sync24"|});""",
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of Smtp.Send)"
        },
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public Task Literal_reaching_a_sink_is_reported_at_the_literal(string members, string sink) =>
        Verify.VerifyAsync(Job(members), Flow(sink));

    public static TheoryData<string> Clean() => new()
    {
        // configuration, the environment, a prompt, a decrypt call: not hardcoded
        """        public NetworkCredential Credential() { var data = _configuration["Sync:Password"]; return new NetworkCredential("svc-sync", data, "ACME"); }""",
        """        public X509Certificate2 Load(string path) { var pfx = Environment.GetEnvironmentVariable("PFX_PASSWORD"); return new X509Certificate2(path, pfx); }""",
        """        public byte[] Derive(byte[] salt) { var text = Console.ReadLine()!; using var kdf = new Rfc2898DeriveBytes(text, salt, 100000, HashAlgorithmName.SHA256); return kdf.GetBytes(32); }""",
        """        public SecureString Secure() { var secure = new SecureString(); foreach (var c in Console.ReadLine()!) { secure.AppendChar(c); } return secure; }""",
        """        public Uri Endpoint() { var builder = new UriBuilder("https", "db.partner.example"); builder.Password = _configuration["Db:Password"]; return builder.Uri; }""",
        """        public AuthenticationHeaderValue Header() => new AuthenticationHeaderValue("Basic", _configuration["Sync:BasicCredential"]);""",
        """        public string Build() { var builder = new DbConnectionStringBuilder(); builder["Password"] = _configuration["Db:Password"]; builder["User ID"] = "svc-sync"; return builder.ConnectionString; }""",
        """        public SqlConnection Open() { var data = _configuration["Db:Password"]; return new SqlConnection("Data Source=db;User ID=sa;Password=" + data); }""",
        """        public SqlConnection Open() { var user = "svc-sync"; return new SqlConnection($"Server=db;Uid={user};Pwd={_configuration["Db:Password"]};"); }""",
        """        public SqlConnection Open() => new SqlConnection(_configuration.GetConnectionString("Sync")!);""",
        """        public ServiceLogin Login() => new ServiceLogin("svc-sync", Decrypt(_configuration["Sync:Password"]!));  private static string Decrypt(string cipher) => Encoding.UTF8.GetString(ProtectedBytes(Convert.FromBase64String(cipher)));  private static byte[] ProtectedBytes(byte[] data) => data;""",
        // across methods and through fields, from configuration
        """        private string GoodSource() => _configuration["Sync:Password"]!;  public NetworkCredential Credential() { var data = GoodSource(); return new NetworkCredential("svc-sync", data); }""",
        """        private static readonly string Data = Environment.GetEnvironmentVariable("SYNC_PASSWORD") ?? "";  public NetworkCredential Credential() => new NetworkCredential("svc-sync", Data);""",
        """        public void Run() => Sink(_configuration["Sync:Password"]!);  private static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", data);""",
        // a helper that returns its argument is not a sink for every caller; user names, hosts and labels are not passwords
        """        private static string Normalize(string value) => value.Trim();  public NetworkCredential Credential() => new NetworkCredential(Normalize("svc-sync"), Normalize(_configuration["Sync:Password"]!));  public string Label() => Normalize("Sync job");""",
        """        public NetworkCredential Credential() { var user = "svc-sync"; var domain = "ACME"; return new NetworkCredential(user, _configuration["Sync:Password"], domain); }""",
        // what a lambda returns is not what the method around it returns
        """        private static string Source() { Func<string> label = () => "Pr0d#Sync24"; return Environment.GetEnvironmentVariable("SYNC_PASSWORD") ?? label().Length.ToString(); }  public NetworkCredential Credential() => new NetworkCredential("svc-sync", Source());""",
        // a whole connection string held by a field, a property, a parameter or a method's return is not a password:
        // only the part after Password= is (a literal one is judged by the name-based check, see below)
        """        private const string Connection = "Server=db;Database=sync;Integrated Security=true";  public SqlConnection Open() => new SqlConnection(Connection);""",
        """        public sealed class DbSettings { public string ConnectionString { get; set; } = ""; }  private static readonly DbSettings Sqlite = new DbSettings { ConnectionString = "Data Source=:memory:" };  public SqlConnection Open() => new SqlConnection(Sqlite.ConnectionString);""",
        """        public SqlConnection Run() => Open("Data Source=:memory:");  private static SqlConnection Open(string connection) => new SqlConnection(connection);""",
        """        private static string Connection() => "Server=db;Database=sync;Trusted_Connection=true";  public SqlConnection Open() { var connection = Connection(); return new SqlConnection(connection); }""",
        // placeholders and empty values are not credentials
        """        public NetworkCredential Credential() { var data = "changeme"; return new NetworkCredential("svc-sync", data); }""",
        """        public NetworkCredential Credential() { var data = ""; return new NetworkCredential("svc-sync", data); }""",
        // a collection of configured values; a key the collection was not given a literal under
        """        public NetworkCredential Credential() { var data = new System.Collections.Generic.List<string>(); data.Add(_configuration["Sync:Password"]!); return new NetworkCredential("svc-sync", data[0]); }""",
        """        public NetworkCredential Credential() { var data = new System.Collections.Generic.Dictionary<string, string> { ["host"] = "smtp.partner.example" }; data["relay"] = _configuration["Sync:Password"]!; return new NetworkCredential("svc-sync", data["relay"]); }""",
        """        public abstract class Source { public abstract string Relay(); }  public sealed class FromConfiguration : Source { public override string Relay() => Environment.GetEnvironmentVariable("SYNC_PASSWORD")!; }  public NetworkCredential Credential(Source source) => new NetworkCredential("svc-sync", source.Relay());""",
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public Task Value_from_configuration_reaching_the_same_sink_is_clean(string members) =>
        Verify.VerifyAsync(Job(members));

    [Fact]
    public Task Literal_in_one_file_reaching_a_sink_in_another_is_reported() =>
        VerifyAcrossFiles(
            """        public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Defaults.Data|});""",
            "/0/Defaults.cs",
            """
            namespace Partner.Integration
            {
                public static class Defaults
                {
                    public static readonly string Data = {|#0:"Pr0d#Sync24"|};
                }
            }
            """,
            "the 'password' parameter of NetworkCredential");

    [Fact]
    public Task Literal_passed_in_one_file_to_a_method_whose_parameter_reaches_a_sink_in_another_is_reported() =>
        VerifyAcrossFiles(
            """        public static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", {|#1:data|});""",
            "/0/Startup.cs",
            """
            namespace Partner.Integration
            {
                public static class Startup
                {
                    public static void Run()
                    {
                        var data = {|#0:"Pr0d#Sync24"|};
                        SyncJob.Sink(data);
                    }
                }
            }
            """,
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of SyncJob.Sink)");

    // What a call leaves to the parameter's default has no syntax of its own (the compiler's argument carries the call's): it
    // is reported at that call.
    [Fact]
    public Task Literal_default_of_a_parameter_a_call_leaves_out_is_reported_at_that_call() =>
        VerifyAcrossFiles(
            """        public static NetworkCredential Sink(string data = "Pr0d#Sync24") => new NetworkCredential("svc-sync", {|#1:data|});""",
            "/0/Startup.cs",
            """
            namespace Partner.Integration
            {
                public static class Startup
                {
                    public static void Run() => {|#0:SyncJob.Sink()|};
                }
            }
            """,
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of SyncJob.Sink)");

    [Fact]
    public Task Literal_given_inside_a_lambda_in_one_file_to_a_method_whose_parameter_reaches_a_sink_is_reported() =>
        VerifyAcrossFiles(
            """        public static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", {|#1:data|});""",
            "/0/Startup.cs",
            """
            namespace Partner.Integration
            {
                public static class Startup
                {
                    public static System.Func<System.Net.NetworkCredential> Later()
                    {
                        var data = {|#0:"Pr0d#Sync24"|};
                        return () => SyncJob.Sink((data));
                    }
                }
            }
            """,
            "the 'password' parameter of NetworkCredential (through the 'data' parameter of SyncJob.Sink)");

    [Fact]
    public Task Literal_assigned_through_a_local_in_one_file_to_a_property_that_reaches_a_sink_in_another_is_reported() =>
        VerifyAcrossFiles(
            """        public static string Relay { get; set; } = "";  public NetworkCredential Credential() => new NetworkCredential("svc-sync", {|#1:Relay|});""",
            "/0/Startup.cs",
            """
            namespace Partner.Integration
            {
                public static class Startup
                {
                    public static void Run()
                    {
                        var data = {|#0:"Pr0d#Sync24"|};
                        SyncJob.Relay = data;
                    }
                }
            }
            """,
            "the 'password' parameter of NetworkCredential");

    [Fact]
    public Task Configuration_value_passed_in_one_file_to_a_sink_in_another_is_clean() =>
        VerifyAcrossFiles(
            """        public static NetworkCredential Sink(string data) => new NetworkCredential("svc-sync", data);""",
            "/0/Startup.cs",
            """
            using Microsoft.Extensions.Configuration;

            namespace Partner.Integration
            {
                public static class Startup
                {
                    public static void Run(IConfiguration configuration) => SyncJob.Sink(configuration["Sync:Password"]!);
                }
            }
            """,
            sink: null);

    [Fact]
    public Task Literal_given_positionally_to_a_parameter_named_password_is_reported_once() =>
        Verify.VerifyAsync(Job("""        public ServiceLogin Login() => new ServiceLogin("svc-sync", {|CK1002:"Winter#2031"|});"""));

    [Fact]
    public Task Credential_as_a_case_label_or_a_switch_arm_is_reported() =>
        Verify.VerifyAsync(Job("""
                    public bool IsMaster(string password)
                    {
                        switch (password)
                        {
                            case {|CK1002:"Winter#2031"|}:
                                return true;
                            case "":
                                return false;
                            default:
                                return false;
                        }
                    }

                    public bool IsMasterArm(string password) => password switch
                    {
                        {|CK1002:"Summer#2032"|} => true,
                        _ => false,
                    };

                    public int Mode(string mode) => mode switch { "Winter#2031" => 1, _ => 0 };
            """));

    [Fact]
    public Task Literal_the_name_based_check_reports_is_reported_once() =>
        Verify.VerifyAsync(Job("""        public NetworkCredential Credential() { var password = {|CK1002:"Pr0d#Sync24"|}; return new NetworkCredential("svc-sync", password); }"""));

    /// <summary>
    /// Across members the flow is resolved at compilation end by another analyzer (<see cref="CredentialFlowAnalyzer"/>): it
    /// still leaves out a literal the name-based check reported (read from the compilation's <c>ReportedByName</c>).
    /// </summary>
    [Fact]
    public Task Literal_the_name_based_check_reports_is_reported_once_when_it_flows_across_members() =>
        Verify.VerifyAsync(Job("""        private static readonly string password = {|CK1002:"Pr0d#Sync24"|};  public NetworkCredential Credential() => new NetworkCredential("svc-sync", password);"""));

    [Fact]
    public Task Connection_string_with_a_password_held_in_a_const_is_reported_once_at_the_password() =>
        Verify.VerifyAsync(Job("""        private const string Connection = "Server=db;User ID=sa;Password={|CK1002:Pr0d#Sync24|}";  public SqlConnection Open() => new SqlConnection(Connection);"""));

    // A naming rule (jellyfin's ExtraRule): its 'token' is matched against file names, not a credential.
    private const string NamingRule = """
                public enum RuleKind { Suffix, DirectoryName }

                public sealed class ExtraRule
                {
                    public ExtraRule(RuleKind kind, string token) { Kind = kind; Token = token; }

                    public RuleKind Kind { get; }

                    public string Token { get; set; }
                }

                public sealed class ApiClient
                {
                    public ApiClient(string token) { }
                }
        """;

    [Fact]
    public Task Words_given_to_the_token_of_a_naming_rule_are_not_credentials() =>
        Verify.VerifyAsync(Job(NamingRule + """
                    public ExtraRule[] Rules()
                    {
                        var suffix = "-trailer";
                        var rule = new ExtraRule(RuleKind.Suffix, ".trailer") { Token = "_trailer" };
                        return new[] { new ExtraRule(RuleKind.DirectoryName, "theme-music"), new ExtraRule(RuleKind.Suffix, suffix), rule, Make("behind-the-scenes") };
                    }

                    private static ExtraRule Make(string token) => new ExtraRule(RuleKind.DirectoryName, token);
            """));

    [Fact]
    public Task Typed_values_given_to_the_token_of_a_naming_rule_are_not_credentials() =>
        Verify.VerifyAsync(Job(NamingRule + """
                    public ExtraRule[] Rules() { var codec = "x264-Hi10P"; var episode = "S01E02x"; return new[] { new ExtraRule(RuleKind.Suffix, codec), new ExtraRule(RuleKind.Suffix, episode) }; }
            """));

    [Fact]
    public Task A_generated_value_given_to_the_token_of_a_naming_rule_is_a_credential() =>
        Verify.VerifyAsync(Job(NamingRule + """
                    public ExtraRule Rule() { var data = {|#0:"9fQ2xL7vR4wT8kM3pZ6b"|}; return new ExtraRule(RuleKind.Suffix, {|#1:data|}); }
            """), Flow("the 'token' parameter of ExtraRule"));

    [Fact]
    public Task A_typed_value_given_to_the_token_of_an_api_client_is_a_credential() =>
        Verify.VerifyAsync(Job(NamingRule + """
                    public ApiClient Client() { var data = {|#0:"Pr0d-Sync-24x"|}; return new ApiClient({|#1:data|}); }
            """), Flow("the 'token' parameter of ApiClient"));

    // The job with members, and a second file of the compilation; the flow finding expected, if any, runs from the literal
    // (#0) to the sink (#1), whichever file each sits in.
    private static Task VerifyAcrossFiles(string members, string otherPath, string otherSource, string? sink)
    {
        var test = Verify.CreateTest(Job(members), editorConfig: null);
        test.TestState.Sources.Add((otherPath, otherSource));
        if (sink is not null)
        {
            test.ExpectedDiagnostics.Add(Flow(sink));
        }

        return test.RunAsync();
    }

    internal static DiagnosticResult Flow(string sink) =>
        new DiagnosticResult(Descriptors.HardcodedCredentialFlow).WithLocation(0).WithLocation(1).WithArguments(sink);
}
