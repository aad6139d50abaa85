using Verify = CertKit.Analyzers.Tests.Verifiers.CodeFixVerifier<CertKit.Analyzers.Rules.CK4001TlsValidationDisabledAnalyzer, CertKit.Analyzers.CodeFixes.CK4001RemoveValidationCallbackCodeFix>;

namespace CertKit.Analyzers.Tests.CodeFixes;

public class CK4001RemoveValidationCallbackCodeFixTests
{
    private const string Factory = """
        #pragma warning disable SYSLIB0014
        using System;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;

        namespace Acme.VenafiWorker;

        public static class VenafiHandlers
        {
            public static HttpMessageHandler Create(Stream network)
            {
        /*BODY*/
            }
        }
        """;

    private static string InFactory(string body) => Factory.Replace("/*BODY*/", body);

    [Fact]
    public Task The_assignment_statement_is_removed() => Verify.VerifyAsync(
        InFactory("""
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|CK4001:(message, certificate, chain, errors) => true|};
                    return handler;
            """),
        InFactory("""
                    var handler = new HttpClientHandler();
                    return handler;
            """));

    [Fact]
    public Task The_dangerous_validator_assignment_is_removed() => Verify.VerifyAsync(
        InFactory("""
                    var handler = new HttpClientHandler();
                    handler.ServerCertificateCustomValidationCallback = {|CK4001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                    handler.CheckCertificateRevocationList = true;
                    return handler;
            """),
        InFactory("""
                    var handler = new HttpClientHandler();
                    handler.CheckCertificateRevocationList = true;
                    return handler;
            """));

    [Fact]
    public Task A_ServicePointManager_subscription_is_removed() => Verify.VerifyAsync(
        InFactory("""
                    ServicePointManager.ServerCertificateValidationCallback += {|CK4001:(sender, certificate, chain, errors) => true|};
                    return new HttpClientHandler();
            """),
        InFactory("""
                    return new HttpClientHandler();
            """));

    [Fact]
    public Task A_member_of_an_object_initializer_is_removed() => Verify.VerifyAsync(
        InFactory("""
                    return new SocketsHttpHandler
                    {
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                        SslOptions = new SslClientAuthenticationOptions
                        {
                            TargetHost = "venafi-gateway",
                            RemoteCertificateValidationCallback = {|CK4001:delegate { return true; }|},
                        },
                    };
            """),
        InFactory("""
                    return new SocketsHttpHandler
                    {
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                        SslOptions = new SslClientAuthenticationOptions
                        {
                            TargetHost = "venafi-gateway",
                        },
                    };
            """));

    [Fact]
    public Task An_initializer_left_empty_becomes_a_plain_construction() => Verify.VerifyAsync(
        InFactory("""
                    var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => true|} };
                    return handler;
            """),
        InFactory("""
                    var handler = new HttpClientHandler();
                    return handler;
            """));

    [Fact]
    public Task A_target_typed_initializer_left_empty_becomes_new() => Verify.VerifyAsync(
        InFactory("""
                    HttpClientHandler handler = new() { ServerCertificateCustomValidationCallback = {|CK4001:(m, c, ch, e) => true|} };
                    return handler;
            """),
        InFactory("""
                    HttpClientHandler handler = new();
                    return handler;
            """));

    [Fact]
    public Task The_first_member_of_a_one_line_initializer_is_removed() => Verify.VerifyAsync(
        InFactory("""
                    return new HttpClientHandler { ServerCertificateCustomValidationCallback = {|CK4001:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|}, CheckCertificateRevocationList = true };
            """),
        InFactory("""
                    return new HttpClientHandler { CheckCertificateRevocationList = true };
            """));

    [Fact]
    public Task A_callback_passed_to_SslStream_gets_no_fix()
    {
        var source = InFactory("""
                    using var tls = new SslStream(network, false, {|CK4001:(s, c, ch, e) => true|});
                    return new HttpClientHandler();
            """);
        return Verify.VerifyAsync(source, source);
    }

    [Fact]
    public Task A_callback_stored_in_a_variable_gets_no_fix()
    {
        var source = InFactory("""
                    RemoteCertificateValidationCallback trustAll = {|CK4001:(s, c, ch, e) => true|};
                    using var tls = new SslStream(network, false, trustAll);
                    return new HttpClientHandler();
            """);
        return Verify.VerifyAsync(source, source);
    }
}
