namespace CertKit.Action.Tests.Readiness;

/// <summary>
/// <c>certkit check --program commercetools</c> on repositories built on disk from samples/connect-repository: the sample is
/// ready, and each way of breaking it fails exactly its check, with the evidence that says where.
/// </summary>
[Collection(Scanning.ScanCollection.Name)]
public sealed class CommercetoolsCheckTests
{
    [Fact]
    public void The_sample_connect_repository_is_ready()
    {
        using var repository = ConnectSample.Create();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.True(run.Ready, run.Run.StandardOutput);
        Assert.Equal("commercetools", run.Report.GetProperty("program").GetString());
        Assert.Equal(
            ["connect-yaml", "directory-structure", "secured-configuration", "api-scopes", "license", "documentation", "creator-contact", "tests", "git-tag", "dependencies", "hardcoded-values", "production-code", "runtime"],
            run.Ids("passed"));
        Assert.Equal(
            ["service/package.json: engines.node: Node.js '22.x || 24.x' admits majors 22, 24, which Connect runs", "event/package.json: engines.node: Node.js '22.x || 24.x' admits majors 22, 24, which Connect runs"],
            run.Evidence("runtime"));
        Assert.Contains("HEAD (", run.Evidence("git-tag")[0]);
        Assert.Contains("is tagged v1.0.0", run.Evidence("git-tag")[0]);
        Assert.Equal("LICENSE:1: MIT License", Assert.Single(run.Evidence("license")));
    }

    [Fact]
    public void Without_a_license_file_only_license_fails()
    {
        using var repository = ConnectSample.Create();
        File.Delete(Path.Combine(repository.Root, "LICENSE"));
        repository.Commit("drop the license");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(1, run.Run.ExitCode);
        Assert.False(run.Ready);
        Assert.Equal(["license"], run.Ids("failed"));
        Assert.StartsWith("no license file at the root (looked for LICENSE, LICENCE, COPYING", Assert.Single(run.Evidence("license")));
    }

    [Fact]
    public void A_client_secret_in_standard_configuration_fails_secured_configuration_at_its_line()
    {
        using var repository = ConnectSample.Create();
        var manifest = ConnectSample.Read(repository, "connect.yaml").Replace(
            "      standardConfiguration:\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            "      standardConfiguration:\n        - key: PSP_CLIENT_SECRET\n          description: the payment provider's client secret\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            StringComparison.Ordinal);
        repository.Write("connect.yaml", manifest);
        repository.Write("README.md", ConnectSample.Read(repository, "README.md").Replace(
            "| `CTP_PROJECT_KEY` |", "| `PSP_CLIENT_SECRET` | service | no | the payment provider's client secret |\n| `CTP_PROJECT_KEY` |", StringComparison.Ordinal));
        repository.Commit("client secret in the standard configuration");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["secured-configuration"], run.Ids("failed"));
        Assert.Equal(
            "connect.yaml:15: PSP_CLIENT_SECRET is a credential in standardConfiguration; move it to securedConfiguration",
            Assert.Single(run.Evidence("secured-configuration")));
    }

    [Fact]
    public void Public_client_side_keys_are_not_credentials_by_documented_name_value_shape_or_allow_list()
    {
        using var repository = ConnectSample.Create();
        var manifest = ConnectSample.Read(repository, "connect.yaml").Replace(
            "      standardConfiguration:\n        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            "      standardConfiguration:\n        - key: ADYEN_CLIENT_KEY\n          description: Adyen client key for Drop-in\n"
            + "        - key: CHECKOUT_KEY\n          description: the payment page key\n          default: pk_live_51HqLyjWDarjtT1zdp7dc\n"
            + "        - key: WIDGET_API_KEY\n          description: the widget's browser key\n"
            + "        - key: PSP_API_KEY\n          description: the payment provider's server key\n"
            + "        - key: CTP_REGION\n          description: commercetools Composable Commerce API region (",
            StringComparison.Ordinal);
        repository.Write("connect.yaml", manifest);
        repository.Write("certkit.yml", "publicKeys: [WIDGET_API_KEY]\n");
        repository.Commit("public keys");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(
            [
                "connect.yaml:22: PSP_API_KEY is a credential in standardConfiguration; move it to securedConfiguration",
            ],
            run.Evidence("secured-configuration"));
        repository.Write("connect.yaml", manifest.Replace("        - key: PSP_API_KEY\n          description: the payment provider's server key\n", string.Empty, StringComparison.Ordinal));
        repository.Commit("no server key");
        ConnectSample.Tag(repository, "v1.0.2");

        var clean = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal("passed", clean.Status("secured-configuration"));
        Assert.Equal(
            [
                "connect.yaml:15: ADYEN_CLIENT_KEY is a public client-side key (Adyen's client key: public, used by Drop-in/Components in the browser)",
                "connect.yaml:17: CHECKOUT_KEY is a public client-side key (its value has the shape of a public client-side key (pk_live_…, Adyen test_/live_ client key))",
                "connect.yaml:20: WIDGET_API_KEY is a public client-side key (listed in certkit.yml publicKeys)",
            ],
            clean.Evidence("secured-configuration").Skip(2));
    }

    [Fact]
    public void One_deployment_configuration_heading_is_not_both_sections_and_keys_count_anywhere_in_the_readme()
    {
        using var repository = ConnectSample.Create();
        var readme = ConnectSample.Read(repository, "README.md");
        repository.Write("README.md", readme.Replace("## Installation\n", "## Overview of the steps\n", StringComparison.Ordinal).Replace("## Configuration\n", "## Deployment configuration\n", StringComparison.Ordinal));
        repository.Commit("one heading");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["documentation"], run.Ids("failed"));
        Assert.Equal(
            "README.md: no installation section (a heading such as Installation, Setup, Getting started or Deploy, apart from the configuration section)",
            Assert.Single(run.Evidence("documentation")));

        // The keys documented in a table under "Environment" (outside the configuration section) still count.
        repository.Write("README.md", readme.Replace("## Configuration\n", "## Environment\n", StringComparison.Ordinal).Replace("## Usage\n", "## Connector properties\n\nSee the table under Environment.\n\n## Usage\n", StringComparison.Ordinal));
        repository.Commit("keys outside the section");
        ConnectSample.Tag(repository, "v1.0.2");

        var moved = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", moved.Status("documentation"));
        Assert.Equal(["README.md:8: Installation", "README.md:28: Connector properties", "README.md: names all 3 connect.yaml keys"], moved.Evidence("documentation"));
    }

    [Fact]
    public void An_invalid_application_type_fails_connect_yaml_at_its_line()
    {
        using var repository = ConnectSample.Create();
        repository.Write("connect.yaml", ConnectSample.Read(repository, "connect.yaml").Replace("applicationType: event", "applicationType: events", StringComparison.Ordinal));
        repository.Commit("typo");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["connect-yaml"], run.Ids("failed"));
        Assert.Equal(
            "connect.yaml:28: application 'event': applicationType 'events' is not one of service, event, job, merchant-center-custom-application, merchant-center-custom-view, assets",
            Assert.Single(run.Evidence("connect-yaml")));
    }

    [Fact]
    public void An_untagged_head_fails_git_tag()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/reminders.js", ConnectSample.Read(repository, "service/src/reminders.js") + "\n// a fix, not tagged yet\n");
        repository.Commit("a fix");
        var head = repository.Git("rev-parse", "--short=7", "HEAD").Trim();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["git-tag"], run.Ids("failed"));
        Assert.Equal(
            $"HEAD ({head}) has no tag: tag the commit to certify (git tag -a vX.Y.Z) and reference that tag with Set Repository",
            Assert.Single(run.Evidence("git-tag")));
    }

    private const string PaymentRoute = """
        import Fastify from 'fastify';

        const app = Fastify({ logger: true });
        app.post('/payments', async (request, reply) => {
          const payment = await capture(request.body);
          console.log(payment.cardLast4);
          return reply.send({ id: payment.id });
        });

        async function capture(body: { amount: number }) {
          return { id: 'p-1', cardLast4: '4242', amount: body.amount };
        }
        """;

    [Fact]
    public void Card_data_logged_in_a_typescript_route_handler_fails_production_code_at_its_line_and_the_same_call_in_tests_does_not_count()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/payments.ts", PaymentRoute);
        repository.Write("service/test/payments.ts", PaymentRoute);
        repository.Write("service/src/payments.spec.ts", PaymentRoute);
        repository.Commit("payments route");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(["production-code"], run.Ids("failed"));
        Assert.Equal(
            [
                "service/src/payments.ts:6: CK3001 'console.log' is debugging output; log through the service's logger or remove it",
                "service/src/payments.ts:6: CK3002 payment.cardLast4 is written to console.log; log that it exists, never its value",
            ],
            run.Evidence("production-code"));
    }

    [Fact]
    public void A_url_default_in_connect_yaml_and_a_settings_template_are_notes_and_a_url_in_code_fails_hardcoded_values()
    {
        using var repository = ConnectSample.Create();
        // Both applications get the setting (each declares CTP_REGION with this default).
        repository.Write("connect.yaml", ConnectSample.Read(repository, "connect.yaml").Replace(
            "          default: europe-west1.gcp\n",
            "          default: europe-west1.gcp\n        - key: CTP_AUTH_URL\n          description: commercetools authentication URL\n          required: false\n          default: https://auth.europe-west1.gcp.commercetools.com\n",
            StringComparison.Ordinal));
        repository.Write("README.md", ConnectSample.Read(repository, "README.md").Replace(
            "| `CTP_PROJECT_KEY` |", "| `CTP_AUTH_URL` | service | no | commercetools authentication URL |\n| `CTP_PROJECT_KEY` |", StringComparison.Ordinal));
        repository.Write("service/.env.template", "CTP_AUTH_URL=https://auth.europe-west1.gcp.commercetools.com\nCTP_PROJECT_KEY=\n");
        repository.Commit("documented settings");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("hardcoded-values"));
        var hardcoded = run.Checks.Single(check => check.GetProperty("id").GetString() == "hardcoded-values");
        Assert.Equal(
            [
                "connect.yaml:22: CK1001 (note) The URL 'https://auth.europe-west1.gcp.commercetools.com' is the default of a connect.yaml setting, which each deployment can override; leave the default empty if every environment must set its own",
                "connect.yaml:43: CK1001 (note) The URL 'https://auth.europe-west1.gcp.commercetools.com' is the default of a connect.yaml setting, which each deployment can override; leave the default empty if every environment must set its own",
                "service/.env.template:1: CK1001 (note) The URL 'https://auth.europe-west1.gcp.commercetools.com' is an example value in a settings template; mark it as one (a comment, or a placeholder such as https://api.example.com) so it is not deployed unchanged",
            ],
            hardcoded.GetProperty("warnings").EnumerateArray().Select(line => line.GetString()));

        repository.Write("service/src/auth.js", "module.exports = { authUrl: process.env.CTP_AUTH_URL || 'https://auth.europe-west1.gcp.commercetools.com' };\n");
        repository.Commit("a fallback in code");
        ConnectSample.Tag(repository, "v1.0.2");

        var withCode = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(["hardcoded-values"], withCode.Ids("failed"));
        Assert.Equal(
            ["service/src/auth.js:1: CK1001 The URL 'https://auth.europe-west1.gcp.commercetools.com' is hardcoded; read it from configuration"],
            withCode.Evidence("hardcoded-values"));
    }

    [Theory]
    [InlineData("payment-connector-subscription-information", "passed")]
    [InlineData("changeme", "failed")]
    public void A_key_named_like_a_credential_whose_default_names_a_resource_is_not_a_credential(string value, string status)
    {
        using var repository = ConnectSample.Create();
        repository.Write("connect.yaml", ConnectSample.Read(repository, "connect.yaml").Replace(
            "        - key: REMINDER_DAYS\n",
            $"        - key: CT_PRODUCT_TYPE_SUBSCRIPTION_KEY\n          description: Product type key for subscription information.\n          required: true\n          default: '{value}'\n        - key: REMINDER_DAYS\n",
            StringComparison.Ordinal));
        repository.Write("README.md", ConnectSample.Read(repository, "README.md").Replace(
            "| `CTP_PROJECT_KEY` |", "| `CT_PRODUCT_TYPE_SUBSCRIPTION_KEY` | service | yes | the product type of subscriptions |\n| `CTP_PROJECT_KEY` |", StringComparison.Ordinal));
        repository.Commit("a resource key");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(status, run.Status("secured-configuration"));
        Assert.Contains(
            status == "passed"
                ? "connect.yaml:19: CT_PRODUCT_TYPE_SUBSCRIPTION_KEY names a resource (its default 'payment-connector-subscription-information' is a key spelled with words of its name), not a credential"
                : "connect.yaml:19: CT_PRODUCT_TYPE_SUBSCRIPTION_KEY is a credential in standardConfiguration; move it to securedConfiguration",
            run.Evidence("secured-configuration"));
    }

    [Fact]
    public void A_contact_section_after_an_about_section_without_contact_details_counts()
    {
        using var repository = ConnectSample.Create();
        repository.Write("README.md", ConnectSample.Read(repository, "README.md")
            .Replace("## Installation\n", "## 🌟 About payment reminders\n\nReminders for unpaid orders.\n\n## Installation\n", StringComparison.Ordinal)
            .Replace("## Author\n\nNorthwind Commerce Labs, connect@northwind-labs.example.com.", "## 📞 Contact\n\n[Get in touch with us](https://northwind-labs.example.com/contact)", StringComparison.Ordinal));
        repository.Commit("about and contact");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("creator-contact"));
        Assert.Equal("README.md:48: 📞 Contact: https://northwind-labs.example.com/contact", Assert.Single(run.Evidence("creator-contact")));
    }

    [Fact]
    public void A_constant_assertion_as_the_only_test_fails_tests_at_its_line()
    {
        using var repository = ConnectSample.Create();
        File.Delete(Path.Combine(repository.Root, "event", "tests", "handler.test.js"));
        repository.Write("event/tests/handler.test.js", "const test = require('node:test');\n\n//@todo: implement tests\ntest('works', () => {\n  expect(1).toBe(1);\n});\n");
        repository.Commit("placeholder test");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["tests"], run.Ids("failed"));
        Assert.Equal(
            [
                "event/: no test asserts anything about the application's code (1 test file(s), 2 placeholder(s))",
                "event/tests/handler.test.js:3: placeholder comment `//@todo: implement tests`",
                "event/tests/handler.test.js:5: `expect(1).toBe(1);` asserts a constant, not the application's code",
            ],
            run.Evidence("tests"));
    }

    [Fact]
    public void A_placeholder_beside_real_assertions_is_a_warning()
    {
        using var repository = ConnectSample.Create();
        repository.Write("event/tests/template.spec.js", "// Please customize test cases below\ntest('placeholder', () => {\n  expect({}).toStrictEqual({});\n});\n");
        repository.Commit("template placeholder");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("tests"));
        var tests = run.Checks.Single(check => check.GetProperty("id").GetString() == "tests");
        Assert.Equal(
            ["event/tests/template.spec.js:1: placeholder comment `// Please customize test cases below`", "event/tests/template.spec.js:3: `expect({}).toStrictEqual({});` asserts a constant, not the application's code"],
            tests.GetProperty("warnings").EnumerateArray().Select(line => line.GetString()));
    }

    [Fact]
    public void A_url_and_a_console_write_outside_the_deployed_folders_are_warnings_and_a_secret_there_still_fails()
    {
        using var repository = ConnectSample.Create();
        repository.Write("scripts/update-connector.js", "const url = 'https://api.partner-tools.com/v1/connectors';\nconsole.log('updating', url);\n");
        repository.Commit("a maintainer's script");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(("passed", "passed"), (run.Status("hardcoded-values"), run.Status("production-code")));
        Assert.Contains(run.Warnings("hardcoded-values"), line => line.StartsWith("scripts/update-connector.js:1: CK1001 (not deployed: outside the service/, event/ folders connect.yaml deploys)", StringComparison.Ordinal));
        Assert.Contains(run.Warnings("production-code"), line => line.StartsWith("scripts/update-connector.js:2: CK3001 (not deployed:", StringComparison.Ordinal));

        repository.Write("scripts/update-connector.js", "const token = '" + "ghp_" + "Q8fz2LmR7vXc9PwTk3v9TqLw2Xp8RmNa1b2C" + "';\n");
        repository.Commit("a token in the script");
        ConnectSample.Tag(repository, "v1.0.2");
        var leaked = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("failed", leaked.Status("hardcoded-values"));
        Assert.Equal(["scripts/update-connector.js:1: CK1002", "scripts/update-connector.js:1: CK1003"], leaked.Evidence("hardcoded-values").Select(line => line[..line.IndexOf(' ', line.IndexOf(": ", StringComparison.Ordinal) + 2)]));
    }

    [Fact]
    public void A_head_tagged_only_latest_fails_git_tag()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/reminders.js", ConnectSample.Read(repository, "service/src/reminders.js") + "\n// a fix\n");
        repository.Commit("a fix");
        repository.Git("tag", "latest");
        var head = repository.Git("rev-parse", "--short=7", "HEAD").Trim();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["git-tag"], run.Ids("failed"));
        Assert.Equal(
            $"HEAD ({head}) is tagged only latest, which is not a version: a floating tag moved to newer commits; tag the commit to certify with its version (git tag -a vX.Y.Z) and reference that tag with Set Repository",
            Assert.Single(run.Evidence("git-tag")));
    }

    [Fact]
    public void A_version_tag_with_a_prefix_is_a_release_tag()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/src/reminders.js", ConnectSample.Read(repository, "service/src/reminders.js") + "\n// a fix\n");
        repository.Commit("a fix");
        repository.Git("tag", "preview-1.2.5");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("git-tag"));
    }

    [Fact]
    public void A_floating_tag_beside_the_release_tag_is_not_counted()
    {
        using var repository = ConnectSample.Create();
        repository.Git("tag", "latest");
        var head = repository.Git("rev-parse", "--short=7", "HEAD").Trim();

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("git-tag"));
        Assert.Equal($"HEAD ({head}) is tagged v1.0.0; the work tree matches it (latest also points here: not a version, so not counted)", Assert.Single(run.Evidence("git-tag")));
    }

    [Theory]
    [InlineData("\"18.x\"", "service/package.json: engines.node: Node.js '18.x' admits major 18; Connect runs only Node.js 22 or 24")]
    [InlineData("\">=14 <21\"", "service/package.json: engines.node: Node.js '>=14 <21' admits majors 14, 15, 16, 17, 18, 19, 20; Connect runs only Node.js 22 or 24")]
    public void A_node_version_connect_does_not_run_fails_runtime(string range, string evidence)
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/package.json", ConnectSample.Read(repository, "service/package.json").Replace("\"22.x || 24.x\"", range, StringComparison.Ordinal));
        repository.Commit("old node");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal(["runtime"], run.Ids("failed"));
        Assert.Equal(evidence, Assert.Single(run.Evidence("runtime")));
    }

    [Fact]
    public void An_open_node_range_passes_runtime_with_a_warning_and_an_nvmrc_counts_without_engines()
    {
        using var repository = ConnectSample.Create();
        repository.Write("service/package.json", ConnectSample.Read(repository, "service/package.json").Replace("\"22.x || 24.x\"", "\">=20\"", StringComparison.Ordinal));
        repository.Write("event/package.json", ConnectSample.Read(repository, "event/package.json").Replace(",\n  \"engines\": {\n    \"node\": \"22.x || 24.x\"\n  }", string.Empty, StringComparison.Ordinal));
        repository.Write("event/.nvmrc", "lts/jod\n");
        repository.Commit("node ranges");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools");

        Assert.Equal("passed", run.Status("runtime"));
        Assert.Equal(
            ["service/package.json: engines.node: Node.js '>=20' admits majors 22, 24, which Connect runs", "event/.nvmrc: Node.js 'lts/jod' admits major 22, which Connect runs"],
            run.Evidence("runtime"));
        var runtime = run.Checks.Single(check => check.GetProperty("id").GetString() == "runtime");
        Assert.Equal(
            ["service/package.json: engines.node: Node.js '>=20' also admits majors 20, 21, 23, 25 and later, which Connect does not run"],
            runtime.GetProperty("warnings").EnumerateArray().Select(line => line.GetString()));
    }

    [Fact]
    public void Manage_api_clients_generated_client_keys_and_mc_app_fail_connect_yaml_at_their_lines()
    {
        using var repository = ConnectSample.Create();
        var manifest = ConnectSample.Read(repository, "connect.yaml")
            .Replace("      - manage_customers\n", "      - manage_customers\n      - manage_api_clients\n", StringComparison.Ordinal)
            .Replace("        - key: CTP_PROJECT_KEY\n", "        - key: CTP_CLIENT_SECRET\n          description: the API client secret\n        - key: CTP_PROJECT_KEY\n", StringComparison.Ordinal)
            + "  - name: custom-app\n    applicationType: mc-app\n    endpoint: /custom-app\n";
        repository.Write("connect.yaml", manifest);
        repository.Write("package-lock.json", "{ \"name\": \"root\", \"lockfileVersion\": 3, \"packages\": {} }\n");
        repository.Commit("pipeline rejects");
        ConnectSample.Tag(repository, "v1.0.1");

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(
            [
                "connect.yaml:40: application 'custom-app': applicationType 'mc-app' was renamed merchant-center-custom-application; the publish pipeline rejects the old name",
                "connect.yaml:7: inheritAs.apiClient.scopes requests manage_api_clients: a connector may not create or manage API clients, and the publish pipeline rejects it",
                "connect.yaml:25: CTP_CLIENT_SECRET is declared in 'service', but Connect sets it for the API client of inheritAs.apiClient; remove the key",
            ],
            run.Evidence("connect-yaml"));
        var connectYaml = run.Checks.Single(check => check.GetProperty("id").GetString() == "connect-yaml");
        Assert.Equal(
            ["package-lock.json: a lockfile outside the deployAs folders; commercetools' SCA scan reads every lockfile in the repository, so its advisories count too"],
            connectYaml.GetProperty("warnings").EnumerateArray().Select(line => line.GetString()));
    }

    [Fact]
    public void Fail_on_never_reports_a_failed_check_with_exit_code_0()
    {
        using var repository = ConnectSample.Create();
        File.Delete(Path.Combine(repository.Root, "LICENSE"));

        var run = CheckRun.Of(repository.Root, "commercetools", "--fail-on", "never");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.False(run.Ready);
        Assert.Equal(["license", "git-tag"], run.Ids("failed"));
    }
}
