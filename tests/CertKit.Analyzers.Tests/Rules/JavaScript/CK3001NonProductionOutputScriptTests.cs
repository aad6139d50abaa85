using CertKit.Analyzers.Rules.JavaScript;
using Microsoft.CodeAnalysis.Testing;
using Verify = CertKit.Analyzers.Tests.Rules.JavaScript.ScriptAnalyzerTest<CertKit.Analyzers.Rules.JavaScript.CK3001NonProductionOutputScriptAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules.JavaScript;

public class CK3001NonProductionOutputScriptTests
{
    [Fact]
    public async Task Console_calls_stdout_writes_and_debugger_in_a_service_are_flagged()
    {
        await Verify.VerifyAsync(("/processor/src/routes/payments.ts", """
            import { logger } from '../logger';
            export async function handle(request: Request) {
              {|CK3001:console.log('payment', request.body)|};
              {|CK3001:console.error(`failed ${request.id}`)|};
              {|CK3001:process.stdout.write('done\n')|};
              {|CK3001:debugger|};
              logger.info('handled');
            }
            """));
    }

    [Fact]
    public async Task Comments_strings_jsx_text_and_lookalikes_are_not_flagged()
    {
        await Verify.VerifyAsync(("/enabler/src/App.jsx", """
            // console.log('old debug');
            /* debugger; */
            const help = "call console.log(x) to debug";
            const view = <p>Use console.log(value) or debugger</p>;
            const options = { debugger: false, console: 'none' };
            myconsole.log('x'); obj.console.log('y'); logger.debug('z');
            const re = /console.log\(/g;
            """));
    }

    [Fact]
    public async Task The_message_names_the_call()
    {
        var test = Verify.Create(("/src/index.js", "console.warn('x');\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CK3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithSpan("/src/index.js", 1, 1, 1, 18)
            .WithArguments("console.warn"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_hashbang_script_and_a_configured_cli_may_print_but_not_break()
    {
        var test = Verify.Create(
            ("/bin/setup.js", "#!/usr/bin/env node\nconsole.log('created');\n{|CK3001:debugger|};\n"),
            ("/scripts/deploy.ts", "console.log('deploying');\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/scripts/**]\ncertkit.console_output_allowed = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Half_written_code_does_not_throw_and_an_unclosed_call_is_flagged_at_its_name()
    {
        await Verify.VerifyAsync(
            ("/a.ts", "{|CK3001:console.log|}(`${"),
            ("/b.tsx", "<div>{{|CK3001:console.log|}("),
            ("/c.js", "console."));
    }

    [Fact]
    public async Task Test_files_fixtures_vendored_and_minified_code_are_not_shipped_code()
    {
        await Verify.VerifyAsync(
            ("/processor/test/routes.test.ts", "console.log('in a test');\n"),
            ("/processor/src/payments.spec.ts", "console.log('in a spec');\n"),
            ("/enabler/src/__tests__/app.jsx", "console.log('in __tests__');\n"),
            ("/processor/vendor/lib.js", "console.log('vendored');\n"),
            ("/enabler/public/sdk.min.js", "console.log('minified');\n"),
            ("/enabler/vite.config.ts", "console.log('build tooling');\n"),
            ("/enabler/dev-utils/session.js", "console.log('dev page harness');\n"),
            ("/.cm/plugins/filters/index.js", "console.assert(x, 'repository automation');\n"));
    }

    [Fact]
    public async Task A_library_copied_into_a_sites_folder_is_known_by_its_banner_and_the_sites_own_script_is_not()
    {
        await Verify.VerifyAsync(
            ("/Site/Content/widgets/gallerio/gallerio.js", "/*!\n * Gallerio\n * Version: 2.3.1\n * Released under the MIT license\n */\n(function () {\n  console.log('gallerio: no element found');\n})();\n"),
            ("/Site/Content/widgets/mapsy/mapsy.js", "(function (root, factory) {\n  if (typeof define === 'function' && define.amd) { define([], factory); } else { root.Mapsy = factory(); }\n}(this, function () {\n  console.warn('mapsy: no key');\n  return {};\n}));\n"),
            ("/Site/Scripts/checkout.js", "// Copyright 2024 Site Ltd. Licensed under the Apache License, Version 2.0.\nfunction pay(order) {\n  {|CK3001:console.log('paying', order.id)|};\n}\n"));
    }

    [Fact]
    public async Task Analyze_test_projects_reads_test_files_too()
    {
        var test = Verify.Create(("/processor/test/routes.test.ts", "{|CK3001:console.log('in a test')|};\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ncertkit.analyze_test_projects = true\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_projects_eslint_no_console_exceptions_and_scripts_that_set_their_exit_code_may_print()
    {
        await Verify.VerifyAsync(
            ("/packages/cli/src/cli.ts", "/* eslint-disable no-console */\nconsole.log('usage');\n{|CK3001:debugger|};\n"),
            ("/processor/src/index.ts", "// eslint-disable-next-line no-console\nconsole.log('listening');\n{|CK3001:console.log('other')|};\nconsole.warn('x'); // eslint-disable-line no-console\n"),
            ("/processor/src/connectors/post-deploy.ts", "try { await run(); } catch (e) { process.stderr.write(`Post-deploy failed: ${e.message}`); process.exitCode = 1; }\n"));
    }
}
