using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK3001NonProductionOutputAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

public class CK3001NonProductionOutputTests
{
    // An Adobe Sign REST v6 client library: every statement under test runs after the agreement call.
    private const string AdobeSignClient = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Acme.AdobeSign;

        public sealed class AdobeSignClient
        {
            private readonly HttpClient _http;

            public AdobeSignClient(HttpClient http) => _http = http;

            public async Task<string> SendAgreementAsync(string agreementName, int participantCount, List<string> agreementIds)
            {
                var response = await _http.PostAsync("agreements", new StringContent(agreementName));
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
        /*STATEMENT*/
                return body;
            }
        }
        """;

    private static string InClient(string statement) => AdobeSignClient.Replace("/*STATEMENT*/", statement);

    [Theory]
    [InlineData("""{|CK3001:Console.WriteLine("Agreement sent")|};""")]
    [InlineData("""{|CK3001:Console.WriteLine($"Agreement {agreementName} sent to {participantCount} participants")|};""")]
    [InlineData("""{|CK3001:Console.Write(status)|};""")]
    [InlineData("""{|CK3001:Console.WriteLine("Adobe Sign answered {0}", status)|};""")]
    [InlineData("""{|CK3001:Console.WriteLine()|};""")]
    [InlineData("""{|CK3001:System.Console.WriteLine(body)|};""")]
    [InlineData("""{|CK3001:Console.Error.WriteLine("Adobe Sign returned " + status)|};""")]
    [InlineData("""{|CK3001:Console.Error.Write(body)|};""")]
    [InlineData("""{|CK3001:Console.Out.WriteLine(body)|};""")]
    [InlineData("""await {|CK3001:Console.Out.WriteLineAsync(body)|};""")]
    [InlineData("""await {|CK3001:Console.Error.WriteAsync("agreement failed")|};""")]
    [InlineData("""{|CK3001:Debug.WriteLine(body)|};""")]
    [InlineData("""{|CK3001:Debug.Write("sending agreement")|};""")]
    [InlineData("""{|CK3001:Debug.Print("Agreement {0}", agreementName)|};""")]
    [InlineData("""{|CK3001:Debug.WriteLineIf(status >= 400, body)|};""")]
    [InlineData("""{|CK3001:Debug.WriteIf(status >= 400, body, "adobe-sign")|};""")]
    [InlineData("""{|CK3001:Trace.WriteLine(body)|};""")]
    [InlineData("""{|CK3001:Trace.Write(status)|};""")]
    [InlineData("""{|CK3001:Trace.WriteLineIf(participantCount > 10, "large agreement")|};""")]
    [InlineData("""{|CK3001:Trace.TraceInformation("Agreement sent")|};""")]
    [InlineData("""{|CK3001:Trace.TraceWarning("Slow answer: {0}", status)|};""")]
    [InlineData("""{|CK3001:Trace.TraceError(body)|};""")]
    [InlineData("""{|CK3001:Debugger.Launch()|};""")]
    [InlineData("""{|CK3001:Debugger.Break()|};""")]
    [InlineData("""{|CK3001:Debugger.Log(0, "adobe-sign", body)|};""")]
    [InlineData("""agreementIds.ForEach({|CK3001:Console.WriteLine|});""")]
    [InlineData("""await Task.Run(() => {|CK3001:Console.WriteLine(body)|});""")]
    [InlineData("""if (status >= 400) { {|CK3001:Console.Error.WriteLine(body)|}; }""")]
    public Task Output_in_a_client_library_is_flagged(string statement) => Verify.VerifyAsync(InClient(statement));

    [Theory]
    [InlineData("""var answer = Console.ReadLine();""")]
    [InlineData("""Console.Out.Flush();""")]
    [InlineData("""Console.ForegroundColor = ConsoleColor.Red; Console.ResetColor();""")]
    [InlineData("""Console.SetOut(new StringWriter());""")]
    [InlineData("""Debug.Assert(status > 0, "status must be set");""")]
    [InlineData("""if (status == 0) Debug.Fail("no status");""")]
    [InlineData("""Trace.Assert(body is not null);""")]
    [InlineData("""if (Debugger.IsAttached) { status = 0; }""")]
    [InlineData("""var log = new StringWriter(); log.WriteLine(body);""")]
    [InlineData("""using (var file = new StreamWriter(Stream.Null)) { file.WriteLine(agreementName); }""")]
    [InlineData("""var text = "Console.WriteLine(body)"; // Console.WriteLine(body)""")]
    [InlineData("""var name = nameof(Console.WriteLine);""")]
    [InlineData("""Console.Beep();""")]
    public Task Non_output_calls_are_not_flagged(string statement) => Verify.VerifyAsync(InClient(statement));

    [Theory]
    [InlineData("""
        #if DEBUG
                Console.WriteLine(body);
        #endif
        """)]
    [InlineData("""
        #if DEBUG
                Debug.WriteLine(body);
                Debugger.Break();
        #endif
        """)]
    [InlineData("""
        #if !DEBUG
                status = 0;
        #else
                Trace.WriteLine(body);
        #endif
        """)]
    [InlineData("""
        #if DEBUG && VERBOSE_AGREEMENTS
        #else
                status = 0;
        #endif
        #if (DEBUG)
                Console.Error.WriteLine(body);
        #endif
        """)]
    public Task Output_inside_if_DEBUG_is_not_flagged_in_a_debug_build(string statement)
    {
        var test = Verify.CreateTest(InClient(statement), editorConfig: null).WithDebugSymbol();
        return test.RunAsync();
    }

    [Fact]
    public Task Output_in_the_else_branch_of_if_DEBUG_is_flagged()
    {
        var source = InClient("""
            #if DEBUG
                    Debug.WriteLine(body);
            #else
                    {|CK3001:Console.WriteLine(body)|};
            #endif
            """);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Output_under_a_TRACE_symbol_is_still_flagged()
    {
        var source = InClient("""
            #if TRACE || DEBUG
                    {|CK3001:Trace.WriteLine(body)|};
            #endif
            """);
        var test = Verify.CreateTest(source, editorConfig: null).WithDebugSymbol();
        return test.RunAsync();
    }

    [Fact]
    public Task Output_in_a_Conditional_DEBUG_method_is_not_flagged() => Verify.VerifyAsync("""
        using System;
        using System.Diagnostics;

        namespace Acme.AdobeSign;

        public sealed class AgreementDump
        {
            [Conditional("DEBUG")]
            public static void Dump(string agreementId, string status)
            {
                Console.WriteLine($"{agreementId}: {status}");
                Action<string> write = line => Debug.WriteLine(line);
                write(status);
            }
        }
        """);

    [Fact]
    public Task A_user_type_named_Console_is_not_flagged() => Verify.VerifyAsync("""
        namespace Acme.AdobeSign.Diagnostics
        {
            public static class Console
            {
                public static void WriteLine(string line) { }
            }

            public sealed class Reporter
            {
                public void Report(string agreementId) => Console.WriteLine(agreementId);
            }
        }
        """);

    [Fact]
    public Task Using_static_Console_is_flagged() => Verify.VerifyAsync("""
        using static System.Console;

        namespace Acme.AdobeSign;

        public sealed class RefreshTokenJob
        {
            public void Run(string agreementId) => {|CK3001:WriteLine(agreementId)|};
        }
        """);

    [Fact]
    public Task ILogger_calls_are_not_flagged() => Verify.VerifyAsync("""
        using Microsoft.Extensions.Logging;

        namespace Acme.AdobeSign;

        public sealed class WebhookHandler(ILogger<WebhookHandler> logger)
        {
            public void Handle(string agreementId, string eventType) =>
                logger.LogInformation("Agreement {AgreementId} raised {EventType}", agreementId, eventType);
        }
        """);

    [Fact]
    public Task Generated_code_is_not_analysed() => Verify.VerifyAsync("""
        // <auto-generated/>
        namespace Acme.AdobeSign;

        public static class GeneratedTrace
        {
            public static void Write(string line) => System.Console.WriteLine(line);
        }
        """);

    // ---- Telling a command-line tool from a service -------------------------------------------------------------

    private const string CertkitLikeTool = """
        using System;

        var agreementId = args.Length > 0 ? args[0] : "none";
        Console.WriteLine($"Checking agreement {agreementId}");
        Console.Error.WriteLine("warning: no token cache found");
        await Console.Out.WriteLineAsync("done");
        """;

    private const string FlaggedTool = """
        using System;

        var agreementId = args.Length > 0 ? args[0] : "none";
        {|CK3001:Console.WriteLine($"Checking agreement {agreementId}")|};
        {|CK3001:Console.Error.WriteLine("warning: no token cache found")|};
        await {|CK3001:Console.Out.WriteLineAsync("done")|};
        """;

    [Fact]
    public Task A_console_tool_may_write_to_the_console()
    {
        var test = Verify.CreateTest(CertkitLikeTool, editorConfig: null);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_console_tool_detected_from_OutputType_may_write_to_the_console()
    {
        var test = Verify.CreateTest(CertkitLikeTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = \nbuild_property.UsingMicrosoftNETSdkWorker = false");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_console_tool_still_may_not_use_Debug_Trace_or_the_debugger()
    {
        var test = Verify.CreateTest("""
            using System;
            using System.Diagnostics;

            Console.WriteLine("checking");
            {|CK3001:Debug.WriteLine("checked")|};
            {|CK3001:Trace.TraceInformation("checked")|};
            {|CK3001:Debugger.Launch()|};
            """, editorConfig: null);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_web_SDK_executable_is_a_service()
    {
        var test = Verify.CreateTest(FlaggedTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = true");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_worker_SDK_executable_is_a_service()
    {
        var test = Verify.CreateTest(FlaggedTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWorker = True");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task An_executable_that_references_ASP_NET_Core_hosting_is_a_service()
    {
        var test = Verify.CreateTest("""
            using System;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/connect/events", (string payload) =>
            {
                {|CK3001:Console.WriteLine($"commercetools event: {payload}")|};
                return "ok";
            });
            {|CK3001:Console.WriteLine("commercetools Connect service starting")|};
            app.Run();
            """, editorConfig: null);
        test.References = TestReferences.AspNetCore80;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_tool_that_parses_its_command_line_with_a_library_is_a_tool_even_with_a_generic_host()
    {
        // GitVersion's CLI: System.CommandLine for its arguments, Microsoft.Extensions.Hosting for dependency injection.
        var test = Verify.CreateTest(CertkitLikeTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.CertKitProjectReferences = Microsoft.Extensions.Hosting,System.CommandLine");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_project_file_that_references_hosting_makes_an_ad_hoc_compiled_executable_a_service()
    {
        var test = Verify.CreateTest(FlaggedTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.CertKitProjectReferences = Microsoft.Extensions.Hosting");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task The_project_files_references_decide_over_the_references_an_ad_hoc_compilation_was_given()
    {
        // The certkit tool compiles a project MSBuild cannot load against ASP.NET Core whatever the project uses; the project
        // file (an Exe with no package references: a setup builder) says it is a tool.
        var test = Verify.CreateTest(CertkitLikeTool, editorConfig: null)
            .WithGlobalConfig("build_property.OutputType = Exe\nbuild_property.CertKitProjectReferences = ");
        test.References = TestReferences.AspNetCore80;
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_service_that_cannot_start_may_say_why_on_the_console_before_it_exits()
    {
        var source = InClient("""
            try
            {
                System.IO.Directory.CreateDirectory(body);
            }
            catch (System.IO.IOException ex)
            {
                Console.Error.WriteLine("Error whilst attempting to create folder");
                Console.Error.WriteLine(ex.ToString());
                Environment.Exit(1);
            }

            {|CK3001:Console.WriteLine("created")|};
            """);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task A_console_write_is_flagged_when_the_exit_is_elsewhere()
    {
        var source = InClient("""
            if (body.Length == 0)
            {
                Environment.Exit(1);
            }

            {|CK3001:Console.Error.WriteLine("empty body")|};
            """);
        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task A_samples_console_output_is_what_it_shows_its_reader()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/src/Examples/V2/MeterEventStream.cs", """
            using System;
            using System.Diagnostics;

            public static class MeterEventStream
            {
                public static void Run(string session)
                {
                    Console.WriteLine($"Meter event session created: {session}");
                    {|CK3001:Debug.WriteLine(session)|};
                }
            }
            """));
        test.TestState.Sources.Add(("/src/Stripe.net/Services/MeterEventService.cs", """
            using System;

            public static class MeterEventService
            {
                public static void Create(string session) => {|CK3001:Console.WriteLine(session)|};
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task A_console_adapter_implementing_an_interface_is_the_tools_output_channel()
    {
        return Verify.VerifyAsync("""
            using System;

            public interface IConsole
            {
                void WriteLine(string? message);
                void Write(string? message);
            }

            internal sealed class ConsoleAdapter : IConsole
            {
                public void WriteLine(string? message) => Console.WriteLine(message);

                void IConsole.Write(string? message) => Console.Write(message);

                public void Trace(string message) => {|CK3001:Console.WriteLine(message)|};
            }

            internal sealed class Helper
            {
                public void WriteLine(string message) => {|CK3001:Console.WriteLine(message)|};
            }
            """);
    }

    [Fact]
    public Task A_logger_implementing_an_sdks_logging_interface_is_its_output_channel_and_other_log_methods_are_not()
    {
        return Verify.VerifyAsync("""
            using System;

            namespace Gateway.Sdk
            {
                public interface ISdkLogger
                {
                    void Log(string message);
                    void Log(string message, Exception e);
                }

                internal sealed class ConsoleSdkLogger : ISdkLogger
                {
                    public void Log(string message) => Console.WriteLine(message);

                    public void Log(string message, Exception e) => Console.WriteLine(message + ": " + e.Message);

                    public void Dump(string message) => {|CK3001:Console.WriteLine(message)|};
                }

                public static class AuditTrail
                {
                    // Not an interface's member: a static logging helper of the library's own.
                    public static void Log(string message) => {|CK3001:Console.WriteLine(message)|};
                }
            }
            """);
    }

    [Fact]
    public Task A_logger_whose_interface_did_not_resolve_is_taken_as_the_adapter_it_is_declared_to_be()
    {
        // A PCL whose core library is missing: Gateway.Core.ISdkLogger does not bind, so no interface member can be found.
        var test = Verify.CreateTest("""
            using System;

            namespace Gateway.Sdk
            {
                internal sealed class ConsoleSdkLogger : Gateway.{|CS0234:Core|}.ISdkLogger
                {
                    public void Log(string message) => Console.WriteLine(message);

                    private void Trace(string message) => {|CK3001:Console.WriteLine(message)|};

                    internal static void LogStatic(string message) => {|CK3001:Console.WriteLine(message)|};
                }

                internal sealed class Resolved
                {
                    public void Log(string message) => {|CK3001:Console.WriteLine(message)|};
                }
            }
            """, editorConfig: null);
        return test.RunAsync();
    }

    [Fact]
    public Task A_logger_whose_interface_comes_from_a_project_with_unresolved_types_is_the_adapter_by_name_and_arity()
    {
        // The SDK's core project lacks a type of the interface's signature (in the real case its whole core library), so
        // the member seen from here cannot be matched exactly; the implementing project lacks it too.
        var test = Verify.CreateTest("""
            using System;

            namespace Gateway.Sdk
            {
                internal sealed class ConsoleEventSink : Gateway.Core.IEventSink
                {
                    public void LogEvent(Gateway.Model.Event item, string text) => Console.WriteLine(text);

                    public void LogOther(string text) => {|CK3001:Console.WriteLine(text)|};
                }
            }
            """, editorConfig: null);
        var core = test.TestState.AdditionalProjects["GatewayCore"];
        core.Sources.Add(("/GatewayCore/IEventSink.cs", """
            namespace Gateway.Core
            {
                public interface IEventSink
                {
                    void LogEvent(Gateway.Model.Event item, string text);
                }
            }
            """));
        test.TestState.AdditionalProjectReferences.Add("GatewayCore");
        // Both projects miss Gateway.Model (CS0234 in each); only the analyzer's diagnostics are compared.
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task A_library_declared_by_OutputType_is_flagged_even_if_compiled_as_an_executable()
    {
        var test = Verify.CreateTest(FlaggedTool, editorConfig: null).WithGlobalConfig("build_property.OutputType = Library");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task A_windows_executable_is_not_a_console_tool()
    {
        var test = Verify.CreateTest(FlaggedTool, editorConfig: null);
        test.TestState.OutputKind = OutputKind.WindowsApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task The_option_can_allow_console_output_in_a_library()
    {
        var source = InClient("""
            Console.WriteLine("Agreement sent");
            {|CK3001:Debug.WriteLine(body)|};
            """);
        return Verify.VerifyAsync(source, "certkit.console_output_allowed = true");
    }

    [Fact]
    public Task The_option_can_forbid_console_output_in_a_console_tool()
    {
        var test = Verify.CreateTest(FlaggedTool, "certkit.console_output_allowed = false");
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task The_option_in_a_globalconfig_applies_to_the_whole_project()
    {
        var test = Verify.CreateTest(InClient("""Console.WriteLine("Agreement sent");"""), editorConfig: null)
            .WithGlobalConfig("certkit.console_output_allowed = true");
        return test.RunAsync();
    }

    [Fact]
    public Task Test_projects_are_not_analysed()
    {
        var test = Verify.CreateTest(InClient("""Console.WriteLine("Agreement sent");"""), editorConfig: null)
            .WithGlobalConfig("build_property.IsTestProject = true");
        return test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_call()
    {
        var source = InClient("""Console.Error.WriteLine(body);""");
        return Verify.VerifyAsync(source, new DiagnosticResult(Descriptors.NonProductionOutput).WithSpan(21, 1, 21, 30).WithArguments("Console.Error.WriteLine"));
    }

    [Theory]
    [InlineData("{|CK3001:Console.WriteLine(\n|}")]
    [InlineData("""Console.Error.""")]
    [InlineData("{|CK3001:Console.Out.WriteLine(body\n|}")]
    [InlineData("""Debug.WriteLine(body, )""")]
    [InlineData("""Debugger.""")]
    [InlineData("""Trace.TraceError(""")]
    [InlineData("""agreementIds.ForEach({|CK3001:Console.WriteLine|}""")]
    [InlineData("""Console.WriteLine(undefinedVariable);""")]
    [InlineData("""UnknownType.WriteLine(body);""")]
    [InlineData("""
        #if DEBUG
                Console.WriteLine(body);
        """)]
    [InlineData("""
        #else
                {|CK3001:Console.WriteLine(body)|};
        #endif
        """)]
    public Task Broken_code_does_not_throw_and_still_reports_what_it_can(string statement) => Verify.VerifyBrokenCodeAsync(InClient(statement));
}
