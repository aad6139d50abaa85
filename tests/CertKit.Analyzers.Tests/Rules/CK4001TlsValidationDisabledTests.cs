using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK4001TlsValidationDisabledAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

public class CK4001TlsValidationDisabledTests
{
    // A Venafi TLS Protect Cloud worker building its HTTP, raw TLS and WebSocket connections.
    private const string VenafiClientFactory = """
        #pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, and still used by old integrations
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Net.WebSockets;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        namespace Acme.VenafiWorker;

        public sealed class VenafiCloudClientFactory
        {
            private readonly string _pinnedThumbprint;

            public VenafiCloudClientFactory(string pinnedThumbprint) => _pinnedThumbprint = pinnedThumbprint;

            public async Task<HttpClient> CreateAsync(Stream network, bool allowUntrusted)
            {
                var handler = new HttpClientHandler();
                var sockets = new SocketsHttpHandler();
                var webSocket = new ClientWebSocket();
        /*STATEMENT*/
                await Task.Yield();
                var client = new HttpClient(handler) { BaseAddress = new Uri(Environment.GetEnvironmentVariable("VENAFI_BASE_URL")!) };
                client.DefaultRequestHeaders.Add("tppl-api-key", Environment.GetEnvironmentVariable("VENAFI_API_KEY"));
                return client;
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

            private static bool AcceptAllBlock(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                return true;
            }

            private bool Pinned(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                errors == SslPolicyErrors.None || certificate?.Thumbprint == _pinnedThumbprint;

            private static bool ValidateOrThrow(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                if (errors != SslPolicyErrors.None)
                {
                    throw new AuthenticationException("Venafi certificate rejected: " + errors);
                }

                return true;
            }
        }
        """;

    private static string InFactory(string statement) => VenafiClientFactory.Replace("/*STATEMENT*/", statement);

    [Theory]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(message, certificate, chain, errors) => true|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(_, _, _, _) => true|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:static (m, c, ch, e) => true|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:delegate { return true; }|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => { return true; }|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => { Console.Error.WriteLine(e); return true; }|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => { if (e != SslPolicyErrors.None) { Console.Error.WriteLine(e); } return true; }|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => { var valid = e == SslPolicyErrors.None; return true; }|};""")]
    [InlineData("""const bool Trust = true; handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => Trust|};""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = {|CK4001:AcceptAllBlock|};""")]
    [InlineData("""bool TrustEverything(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => true; handler.ServerCertificateCustomValidationCallback = {|CK4001:TrustEverything|};""")]
    [InlineData("""bool TrustEverything(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) { if (e == SslPolicyErrors.None) { return true; } return true; } handler.ServerCertificateCustomValidationCallback = {|CK4001:TrustEverything|};""")]
    [InlineData("""if (allowUntrusted) { handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => true|}; }""")]
    [InlineData("""handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => true|} };""")]
    [InlineData("""handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|CK4001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|} };""")]
    [InlineData("""sockets.SslOptions.RemoteCertificateValidationCallback = {|CK4001:(sender, certificate, chain, errors) => true|};""")]
    [InlineData("""sockets.SslOptions = new SslClientAuthenticationOptions { TargetHost = "venafi", RemoteCertificateValidationCallback = {|CK4001:(s, c, ch, e) => true|} };""")]
    [InlineData("""var options = new SslClientAuthenticationOptions(); options.RemoteCertificateValidationCallback = {|CK4001:AcceptAll|};""")]
    [InlineData("""var serverOptions = new SslServerAuthenticationOptions { RemoteCertificateValidationCallback = {|CK4001:(s, c, ch, e) => true|} };""")]
    [InlineData("""ServicePointManager.ServerCertificateValidationCallback = {|CK4001:(s, c, ch, e) => true|};""")]
    [InlineData("""ServicePointManager.ServerCertificateValidationCallback += {|CK4001:(s, c, ch, e) => true|};""")]
    [InlineData("""using var tls = new SslStream(network, false, {|CK4001:(s, c, ch, e) => true|});""")]
    [InlineData("""using var tls = new SslStream(network, false, {|CK4001:AcceptAll|});""")]
    [InlineData("""using var tls = new SslStream(network, false, new RemoteCertificateValidationCallback({|CK4001:AcceptAll|}));""")]
    [InlineData("""RemoteCertificateValidationCallback trustAll = {|CK4001:(s, c, ch, e) => true|}; using var tls = new SslStream(network, false, trustAll);""")]
    [InlineData("""webSocket.Options.RemoteCertificateValidationCallback = {|CK4001:(s, c, ch, e) => true|};""")]
    [InlineData("""Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> trustAll = {|CK4001:(m, c, ch, e) => true|};""")]
    public Task Callbacks_that_accept_every_certificate_are_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));

    [Theory]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None || c?.Thumbprint == _pinnedThumbprint;""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = Pinned;""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { if (e == SslPolicyErrors.None) { return true; } return c?.GetCertHashString() == _pinnedThumbprint; };""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => false;""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { if (e != SslPolicyErrors.None) { throw new AuthenticationException(e.ToString()); } return true; };""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => throw new NotSupportedException("custom trust is not configured");""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => c is not null && ch is not null && ch.Build(c);""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None && c!.Issuer.Contains("Venafi");""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { Func<bool> unused = () => true; return e == SslPolicyErrors.None; };""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = null;""")]
    [InlineData("""handler.ClientCertificateOptions = ClientCertificateOption.Manual;""")]
    [InlineData("""bool Validate(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => e == SslPolicyErrors.None; handler.ServerCertificateCustomValidationCallback = Validate;""")]
    [InlineData("""using var tls = new SslStream(network, false, ValidateOrThrow);""")]
    [InlineData("""using var tls = new SslStream(network, false, (s, c, ch, e) => e == SslPolicyErrors.None);""")]
    [InlineData("""using var tls = new SslStream(network, false);""")]
    [InlineData("""sockets.SslOptions.RemoteCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.RemoteCertificateNameMismatch && c?.Subject == "CN=venafi-gateway";""")]
    [InlineData("""sockets.SslOptions = new SslClientAuthenticationOptions { TargetHost = "venafi" };""")]
    [InlineData("""sockets.SslOptions.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust };""")]
    [InlineData("""webSocket.Options.RemoteCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;""")]
    [InlineData("""Func<string, bool> isVenafiZone = zone => true;""")]
    [InlineData("""Predicate<X509Certificate2> anyCertificate = certificate => true;""")]
    [InlineData("""Func<X509Certificate2, X509Chain, bool> chainCheck = (certificate, chain) => true;""")]
    [InlineData("""ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None;""")]
    [InlineData("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { return e switch { SslPolicyErrors.None => true, _ => false }; };""")]
    public Task Callbacks_that_validate_are_not_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));

    // SslPolicyErrors as a parameter of a generic delegate's definition, or only as a type argument of a constructed one.
    [Fact]
    public Task Generic_validation_delegates_are_recognised_by_definition_and_by_type_argument() => Verify.VerifyAsync("""
        using System.Net.Security;

        public delegate bool CheckWithErrors<TSender>(TSender sender, SslPolicyErrors errors);

        public delegate bool Check<TSender, TErrors>(TSender sender, TErrors errors);

        public static class Trust
        {
            public static readonly CheckWithErrors<string> ByDefinition = {|CK4001:(s, e) => true|};
            public static readonly Check<object, SslPolicyErrors> ByTypeArgument = {|CK4001:(s, e) => true|};
            public static readonly Check<object, string> NotAboutCertificates = (s, e) => true;
        }
        """);

    [Theory]
    [InlineData("""
        #if DEBUG
                handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
        #endif
        """)]
    [InlineData("""
        #if DEBUG
                handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        #endif
        """)]
    [InlineData("""
        #if !DEBUG
                handler.CheckCertificateRevocationList = true;
        #else
                using var tls = new SslStream(network, false, AcceptAll);
        #endif
        """)]
    public Task Callbacks_inside_if_DEBUG_are_not_flagged_in_a_debug_build(string statement) =>
        Verify.CreateTest(InFactory(statement), editorConfig: null).WithDebugSymbol().RunAsync();

    [Fact]
    public Task A_callback_in_the_else_branch_of_if_DEBUG_is_flagged_in_a_release_build() => Verify.VerifyAsync(InFactory("""
        #if DEBUG
                handler.CheckCertificateRevocationList = false;
        #else
                handler.ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => true|};
        #endif
        """));

    [Fact]
    public Task A_Conditional_DEBUG_helper_is_not_flagged() => Verify.VerifyAsync("""
        using System.Diagnostics;
        using System.Net.Http;

        namespace Acme.VenafiWorker;

        public static class LocalDevelopment
        {
            [Conditional("DEBUG")]
            public static void TrustLocalGateway(HttpClientHandler handler) =>
                handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
        }
        """);

    [Fact]
    public Task A_static_field_holding_an_accept_all_callback_is_flagged() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        namespace Acme.VenafiWorker;

        public static class Trust
        {
            private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> TrustAll = {|CK4001:(_, _, _, _) => true|};

            public static HttpClientHandler Handler() => new() { ServerCertificateCustomValidationCallback = TrustAll };
        }
        """);

    [Fact]
    public Task A_method_group_declared_in_another_file_is_checked_by_its_syntax()
    {
        var test = Verify.CreateTest("""
            using System.Net.Http;

            namespace Acme.VenafiWorker;

            public static class Handlers
            {
                public static HttpClientHandler Trusting() => new() { ServerCertificateCustomValidationCallback = {|CK4001:CertificateChecks.AcceptAny|} };
                public static HttpClientHandler Checking() => new() { ServerCertificateCustomValidationCallback = CertificateChecks.RequireValid };
            }
            """, editorConfig: null);
        test.TestState.Sources.Add(("/0/CertificateChecks.cs", """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            namespace Acme.VenafiWorker;

            public static class CertificateChecks
            {
                public static bool AcceptAny(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e)
                {
                    return true;
                }

                public static bool RequireValid(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e)
                {
                    return e == SslPolicyErrors.None;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Interface_and_abstract_validators_are_not_flagged() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        namespace Acme.VenafiWorker;

        public interface ICertificatePolicy
        {
            bool Validate(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e);
        }

        public static class Handlers
        {
            public static HttpClientHandler Create(ICertificatePolicy policy) => new() { ServerCertificateCustomValidationCallback = policy.Validate };
        }
        """);

    [Fact]
    public Task Kestrel_client_certificate_validation_that_accepts_all_is_flagged_and_a_development_guard_clears_it()
    {
        var test = Verify.CreateTest("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Server.Kestrel.Https;
            using Microsoft.Extensions.Hosting;
            using System.Net.Http;

            namespace Acme.CommercetoolsConnect;

            public static class Tls
            {
                public static void Configure(WebApplicationBuilder builder, HttpClientHandler outbound)
                {
                    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        https.ClientCertificateValidation = {|CK4001:(certificate, chain, errors) => true|};
                    }));

                    if (builder.Environment.IsDevelopment())
                    {
                        outbound.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                    }
                }
            }
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        return test.RunAsync();
    }

    [Fact]
    public Task A_development_only_local_HTTP_client_after_an_early_return_is_not_flagged()
    {
        var test = Verify.CreateTest("""
            using System.Net.Http;
            using Microsoft.Extensions.Hosting;

            namespace Acme.CommercetoolsConnect;

            public static class LocalGateway
            {
                public static HttpClientHandler Create(IHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    if (!environment.IsDevelopment())
                    {
                        return handler;
                    }

                    // The local commercetools emulator serves a throwaway certificate.
                    handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
                    return handler;
                }

                public static HttpClientHandler CreateForStaging(IHostEnvironment environment)
                {
                    var handler = new HttpClientHandler();
                    if (environment.IsStaging())
                    {
                        handler.ServerCertificateCustomValidationCallback = {|CK4001:(message, certificate, chain, errors) => true|};
                    }

                    return handler;
                }
            }
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        return test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_property()
    {
        var source = InFactory("""handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;""");
        return Verify.VerifyAsync(source, new DiagnosticResult(Descriptors.TlsValidationDisabled).WithSpan(25, 53, 25, 74).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback"));
    }

    [Fact]
    public Task The_message_names_the_constructor_parameter()
    {
        var source = InFactory("""using var tls = new SslStream(network, false, AcceptAll);""");
        return Verify.VerifyAsync(source, new DiagnosticResult(Descriptors.TlsValidationDisabled).WithSpan(25, 47, 25, 56).WithArguments("The userCertificateValidationCallback of new SslStream(...)"));
    }

    [Fact]
    public Task Test_projects_are_not_analysed() =>
        Verify.CreateTest(InFactory("handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;"), editorConfig: null)
            .WithGlobalConfig("build_property.IsTestProject = true").RunAsync();

    [Theory]
    [InlineData("handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) =>")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { return")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = (m, c) => true;")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = delegate { return; };")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = UnknownMethod;")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = AcceptAll;")]
    [InlineData("using var tls = new SslStream(network, false, (s, c, ch, e) => { if (e) return true; });")]
    [InlineData("bool Local(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) handler.ServerCertificateCustomValidationCallback = Local;")]
    [InlineData("ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true")]
    [InlineData("#if DEBUG\nhandler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;")]
    [InlineData("handler.ServerCertificateCustomValidationCallback = HttpClientHandler.")]
    public Task Broken_code_does_not_throw(string statement) =>
        BrokenCodeRunner.AssertNoAnalyzerExceptionAsync(new CK4001TlsValidationDisabledAnalyzer(), InFactory(statement), TestReferences.Net80, "DEBUG");

    // Deprecated protocols enabled in the same worker: SSL 3, TLS 1.0 and TLS 1.1.
    [Theory]
    [InlineData("""ServicePointManager.SecurityProtocol |= {|CK4001:SecurityProtocolType.Tls|} | {|CK4001:SecurityProtocolType.Tls11|};""")]
    [InlineData("""ServicePointManager.SecurityProtocol = {|CK4001:SecurityProtocolType.Ssl3|};""")]
    [InlineData("""ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | {|CK4001:SecurityProtocolType.Tls11|};""")]
    [InlineData("""handler.SslProtocols = {|CK4001:SslProtocols.Tls11|} | SslProtocols.Tls12;""")]
    [InlineData("""handler = new HttpClientHandler { SslProtocols = {|CK4001:SslProtocols.Tls|} };""")]
    [InlineData("""var protocols = {|CK4001:SslProtocols.Default|};""")]
    [InlineData("""using var tls = new SslStream(network); await tls.AuthenticateAsClientAsync("venafi", null, {|CK4001:SslProtocols.Tls11|}, false);""")]
    public Task Deprecated_protocols_enabled_are_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));

    [Theory]
    [InlineData("""ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);""")]
    [InlineData("""ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;""")]
    [InlineData("""ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;""")]
    [InlineData("""handler.SslProtocols = SslProtocols.None;""")]
    [InlineData("""using var tls = new SslStream(network); if (tls.SslProtocol == SslProtocols.Tls11) { throw new AuthenticationException("TLS 1.1 negotiated"); }""")]
    [InlineData("""if (handler.SslProtocols.HasFlag(SslProtocols.Tls)) { handler.SslProtocols &= ~SslProtocols.Tls; }""")]
    public Task Modern_protocols_and_removing_deprecated_ones_are_not_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));
    // Shapes met on public payment and API-gateway integrations (docs/quality.md, session 8): a merchant API's web-client
    // factory, a bill-payment site's helpers, and an API-gateway SDK whose callback pins the certificate on chain errors.
    [Theory]
    [InlineData("""ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | {|CK4001:SecurityProtocolType.Tls11|} | {|CK4001:SecurityProtocolType.Tls|}; ServicePointManager.ServerCertificateValidationCallback = {|CK4001:delegate { return true; }|};""")]
    [InlineData("""ServicePointManager.ServerCertificateValidationCallback = {|CK4001:delegate (object s, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors) { return true; }|};""")]
    [InlineData("""ServicePointManager.ServerCertificateValidationCallback += {|CK4001:(sender, certificate, chain, sslPolicyErrors) => true|}; ServicePointManager.ServerCertificateValidationCallback = {|CK4001:AcceptAll|};""")]
    public Task Integration_shapes_that_disable_validation_or_enable_old_protocols_are_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));

    [Theory]
    [InlineData("""bool PinnedOrValid(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { if (e == SslPolicyErrors.None) { return true; } if (e == SslPolicyErrors.RemoteCertificateChainErrors) { foreach (var status in ch!.ChainStatus) { Console.Error.WriteLine(status.Status); } return c?.GetCertHashString() == _pinnedThumbprint; } return false; } ServicePointManager.ServerCertificateValidationCallback += new RemoteCertificateValidationCallback(PinnedOrValid);""")]
    [InlineData("""ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;""")]
    [InlineData("""ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;""")]
    public Task Integration_shapes_that_validate_or_enable_tls12_only_are_not_flagged(string statement) => Verify.VerifyAsync(InFactory(statement));
    // Protocols kept in a field or property and written out elsewhere (a proxy's allowed-protocols field, a utility's
    // "all protocols" property, both seen in public code).
    private static string Holders(string allowed, string all, string obsolete, string use) => $$"""
        #pragma warning disable SYSLIB0014, SYSLIB0039, CS0618 // obsolete protocols and ServicePointManager, still used by old integrations
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        namespace Acme.VenafiWorker;

        public static class Protocols
        {
            private static readonly SslProtocols Allowed = {{allowed}};

            public static SslProtocols All => {{all}};

            public static SecurityProtocolType Obsolete { get; } = {{obsolete}};

            public static HttpClientHandler Create()
            {
                var handler = new HttpClientHandler();
                {{use}}
                return handler;
            }
        }
        """;

    [Theory]
    [InlineData("{|CK4001:SslProtocols.Tls|} | SslProtocols.Tls12", "SslProtocols.Tls12", "SecurityProtocolType.Tls12", "handler.SslProtocols = Allowed;")]
    [InlineData("SslProtocols.Tls12", "{|CK4001:SslProtocols.Tls11|} | SslProtocols.Tls12 | SslProtocols.Tls13", "SecurityProtocolType.Tls12", "handler = new HttpClientHandler { SslProtocols = All };")]
    [InlineData("SslProtocols.Tls12", "SslProtocols.Tls12", "{|CK4001:SecurityProtocolType.Ssl3|} | {|CK4001:SecurityProtocolType.Tls|}", "ServicePointManager.SecurityProtocol |= Obsolete;")]
    public Task Deprecated_protocols_kept_in_a_field_or_property_that_is_written_out_are_flagged(string allowed, string all, string obsolete, string use) =>
        Verify.VerifyAsync(Holders(allowed, all, obsolete, use));

    [Theory]
    [InlineData("SslProtocols.Tls | SslProtocols.Tls12", "SslProtocols.Tls12", "SecurityProtocolType.Tls12", "if (handler.SslProtocols == Allowed) { handler.SslProtocols = SslProtocols.Tls12; }")]
    [InlineData("SslProtocols.Tls12", "SslProtocols.Tls12", "SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11", "ServicePointManager.SecurityProtocol &= ~Obsolete;")]
    [InlineData("SslProtocols.Tls | SslProtocols.Tls11", "SslProtocols.Tls | SslProtocols.Tls12", "SecurityProtocolType.Tls11", "handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;")]
    public Task Deprecated_protocols_kept_as_a_mask_a_test_or_never_used_are_not_flagged(string allowed, string all, string obsolete, string use) =>
        Verify.VerifyAsync(Holders(allowed, all, obsolete, use));
}
