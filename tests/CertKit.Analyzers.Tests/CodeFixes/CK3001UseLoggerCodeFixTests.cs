using CertKit.Analyzers.CodeFixes;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Verify = CertKit.Analyzers.Tests.Verifiers.CodeFixVerifier<CertKit.Analyzers.Rules.CK3001NonProductionOutputAnalyzer, CertKit.Analyzers.CodeFixes.CK3001UseLoggerCodeFix>;

namespace CertKit.Analyzers.Tests.CodeFixes;

public class CK3001UseLoggerCodeFixTests
{
    private const string ClientWithLogger = """
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        namespace Acme.AdobeSign;

        public sealed class AgreementClient
        {
            private readonly ILogger<AgreementClient> _logger;

            public AgreementClient(ILogger<AgreementClient> logger) => _logger = logger;

            public void Sent(string agreementId, int participantCount, object response)
            {
                /*STATEMENT*/
            }
        }
        """;

    private static string InClient(string statement) => ClientWithLogger.Replace("/*STATEMENT*/", statement);

    [Theory]
    [InlineData("""{|CK3001:Console.WriteLine("Agreement sent")|};""", """_logger.LogInformation("Agreement sent");""")]
    [InlineData("""{|CK3001:Console.WriteLine($"Agreement {agreementId} sent")|};""", """_logger.LogInformation("{Message}", $"Agreement {agreementId} sent");""")]
    [InlineData("""{|CK3001:Console.WriteLine("Agreement " + agreementId)|};""", """_logger.LogInformation("{Message}", "Agreement " + agreementId);""")]
    [InlineData("""{|CK3001:Console.WriteLine(response)|};""", """_logger.LogInformation("{Message}", response);""")]
    [InlineData("""{|CK3001:Console.WriteLine("{\"agreementId\": 1}")|};""", """_logger.LogInformation("{Message}", "{\"agreementId\": 1}");""")]
    [InlineData("""{|CK3001:Console.WriteLine("Agreement {0} sent to {1}", agreementId, participantCount)|};""", """_logger.LogInformation("Agreement {0} sent to {1}", agreementId, participantCount);""")]
    [InlineData("""{|CK3001:Console.Write(participantCount)|};""", """_logger.LogInformation("{Message}", participantCount);""")]
    [InlineData("""{|CK3001:Console.Error.WriteLine("Adobe Sign rejected the agreement")|};""", """_logger.LogError("Adobe Sign rejected the agreement");""")]
    [InlineData("""{|CK3001:Console.Out.WriteLine(agreementId)|};""", """_logger.LogInformation("{Message}", agreementId);""")]
    [InlineData("""{|CK3001:Debug.WriteLine(agreementId)|};""", """_logger.LogDebug("{Message}", agreementId);""")]
    [InlineData("""{|CK3001:Debug.Print("Agreement {0}", agreementId)|};""", """_logger.LogDebug("Agreement {0}", agreementId);""")]
    [InlineData("""{|CK3001:Trace.WriteLine("agreement sent")|};""", """_logger.LogTrace("agreement sent");""")]
    [InlineData("""{|CK3001:Trace.TraceInformation("agreement sent")|};""", """_logger.LogInformation("agreement sent");""")]
    [InlineData("""{|CK3001:Trace.TraceWarning("Slow Adobe Sign answer for {0}", agreementId)|};""", """_logger.LogWarning("Slow Adobe Sign answer for {0}", agreementId);""")]
    [InlineData("""{|CK3001:Trace.TraceError(agreementId)|};""", """_logger.LogError("{Message}", agreementId);""")]
    [InlineData("""if (participantCount == 0) {|CK3001:Console.WriteLine("no participants")|}; // keep this comment""", """if (participantCount == 0) _logger.LogInformation("no participants"); // keep this comment""")]
    public Task Output_becomes_a_logger_call(string statement, string fixedStatement) =>
        Verify.VerifyAsync(InClient(statement), InClient(fixedStatement));

    [Theory]
    [InlineData("""{|CK3001:Console.WriteLine()|};""")]
    [InlineData("""{|CK3001:Debug.WriteLine(agreementId, "adobe-sign")|};""")]
    [InlineData("""{|CK3001:Debug.WriteLineIf(participantCount > 1, agreementId)|};""")]
    [InlineData("""{|CK3001:Debugger.Break()|};""")]
    [InlineData("""{|CK3001:Console.Out.WriteLineAsync(agreementId)|}.Wait();""")]
    [InlineData("""{|CK3001:Console.WriteLine(value: agreementId)|};""")]
    [InlineData("""var format = "Agreement {0}"; {|CK3001:Console.WriteLine(format, agreementId)|};""")]
    public Task Shapes_without_a_safe_rewrite_get_no_fix(string statement) =>
        Verify.VerifyAsync(InClient(statement), InClient(statement));

    [Fact]
    public Task A_class_without_a_logger_gets_no_fix()
    {
        const string source = """
            using System;

            namespace Acme.AdobeSign;

            public sealed class AgreementClient
            {
                public void Sent(string agreementId) => {|CK3001:Console.WriteLine(agreementId)|};
            }
            """;
        return Verify.VerifyAsync(source, source);
    }

    [Fact]
    public Task A_static_method_cannot_use_an_instance_logger()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            namespace Acme.AdobeSign;

            public sealed class AgreementClient(ILogger<AgreementClient> logger)
            {
                private readonly ILogger _logger = logger;

                public static void Sent(string agreementId) => {|CK3001:Console.WriteLine(agreementId)|};
            }
            """;
        return Verify.VerifyAsync(source, source);
    }

    [Fact]
    public Task A_static_logger_serves_a_static_method() => Verify.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Logging.Abstractions;

        namespace Acme.AdobeSign;

        public static class TokenRefresh
        {
            private static readonly ILogger Log = NullLogger.Instance;

            public static void Refreshed(string agreementId) => {|CK3001:Console.WriteLine("access token refreshed")|};
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Logging.Abstractions;

        namespace Acme.AdobeSign;

        public static class TokenRefresh
        {
            private static readonly ILogger Log = NullLogger.Instance;

            public static void Refreshed(string agreementId) => Log.LogInformation("access token refreshed");
        }
        """);

    [Fact]
    public Task A_primary_constructor_logger_is_used_inside_a_lambda() => Verify.VerifyAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        namespace Acme.CommercetoolsConnect;

        public sealed class OrderSync(ILogger<OrderSync> logger)
        {
            public void Sync(List<string> orderIds) => orderIds.ForEach(id => {|CK3001:Console.WriteLine($"synced {id}")|});
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        namespace Acme.CommercetoolsConnect;

        public sealed class OrderSync(ILogger<OrderSync> logger)
        {
            public void Sync(List<string> orderIds) => orderIds.ForEach(id => logger.LogInformation("{Message}", $"synced {id}"));
        }
        """);

    [Fact]
    public Task An_inherited_logger_property_is_used_and_the_using_is_added() => Verify.VerifyAsync(
        """
        using System;

        namespace Acme.VenafiWorker;

        public abstract class WorkerBase
        {
            protected Microsoft.Extensions.Logging.ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public sealed class CertificateRenewal : WorkerBase
        {
            public void Renewed(string certificateId) => {|CK3001:Console.Error.WriteLine(certificateId)|};
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        namespace Acme.VenafiWorker;

        public abstract class WorkerBase
        {
            protected Microsoft.Extensions.Logging.ILogger Logger { get; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public sealed class CertificateRenewal : WorkerBase
        {
            public void Renewed(string certificateId) => Logger.LogError("{Message}", certificateId);
        }
        """);

    [Fact]
    public Task A_Venafi_worker_service_logs_through_its_injected_logger()
    {
        // A Worker SDK executable: console output is flagged there, and the hosted service has a logger to use instead.
        var test = new CodeFixVerifier<CK3001NonProductionOutputAnalyzer, CK3001UseLoggerCodeFix>.Test
        {
            TestCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Logging;

                namespace Acme.VenafiWorker;

                public sealed class CertificateRenewalWorker(ILogger<CertificateRenewalWorker> logger) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            {|CK3001:Console.WriteLine($"Checking Venafi TLS Protect Cloud for expiring certificates at {DateTimeOffset.UtcNow:O}")|};
                            await Task.Delay(TimeSpan.FromMinutes(15), stoppingToken);
                        }
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Logging;

                namespace Acme.VenafiWorker;

                public sealed class CertificateRenewalWorker(ILogger<CertificateRenewalWorker> logger) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            logger.LogInformation("{Message}", $"Checking Venafi TLS Protect Cloud for expiring certificates at {DateTimeOffset.UtcNow:O}");
                            await Task.Delay(TimeSpan.FromMinutes(15), stoppingToken);
                        }
                    }
                }
                """,
            References = TestReferences.AspNetCore80,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWorker = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_rewrites_every_call_in_the_document() => Verify.VerifyAsync(
        InClient("""
            {|CK3001:Console.WriteLine("Agreement sent")|};
                    {|CK3001:Debug.WriteLine(agreementId)|};
                    {|CK3001:Console.Error.WriteLine(response)|};
            """),
        InClient("""
            _logger.LogInformation("Agreement sent");
                    _logger.LogDebug("{Message}", agreementId);
                    _logger.LogError("{Message}", response);
            """));

    [Fact]
    public Task Fix_all_skips_a_call_it_cannot_rewrite_and_fixes_the_others()
    {
        // The first call has no safe rewrite; Fix All (and dotnet format, which starts from the first diagnostic) must not stop there.
        var test = new Verify.Test
        {
            TestCode = InClient("""
                {|CK3001:Console.WriteLine()|};
                        {|CK3001:Console.WriteLine("Agreement sent")|};
                        {|CK3001:Debug.WriteLine(agreementId)|};
                """),
            FixedCode = InClient("""
                {|CK3001:Console.WriteLine()|};
                        _logger.LogInformation("Agreement sent");
                        _logger.LogDebug("{Message}", agreementId);
                """),
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_skips_a_class_without_a_logger_and_fixes_the_one_with_a_logger() => Verify.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Logging;

        namespace Acme.AdobeSign;

        public static class Startup
        {
            public static void Announce() => {|CK3001:Console.WriteLine("starting")|};
        }

        public sealed class AgreementClient(ILogger<AgreementClient> logger)
        {
            public void Sent(string agreementId) => {|CK3001:Console.WriteLine(agreementId)|};
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Logging;

        namespace Acme.AdobeSign;

        public static class Startup
        {
            public static void Announce() => {|CK3001:Console.WriteLine("starting")|};
        }

        public sealed class AgreementClient(ILogger<AgreementClient> logger)
        {
            public void Sent(string agreementId) => logger.LogInformation("{Message}", agreementId);
        }
        """);
}
