using System.Collections.Immutable;
using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class TextScannerTests
{
    private static readonly TextScanSettings Defaults = new(default, default, default, null);

    [Theory]
    [InlineData("appsettings.json", TextFileKind.Json)]
    [InlineData("src/appsettings.Production.json", TextFileKind.Json)]
    [InlineData("connect.yaml", TextFileKind.Yaml)]
    [InlineData(".github/workflows/ci.yml", TextFileKind.Yaml)]
    [InlineData(".env", TextFileKind.KeyValue)]
    [InlineData(".env.production", TextFileKind.KeyValue)]
    [InlineData("config/application.properties", TextFileKind.KeyValue)]
    [InlineData("App.config", TextFileKind.Xml)]
    [InlineData("nuget.config", TextFileKind.Xml)]
    [InlineData("processor/src/index.ts", TextFileKind.Code)]
    [InlineData("event/src/handler.js", TextFileKind.Code)]
    [InlineData("package-lock.json", TextFileKind.Unsupported)]
    [InlineData("yarn.lock", TextFileKind.Unsupported)]
    [InlineData("README.md", TextFileKind.Unsupported)]
    [InlineData("Makefile", TextFileKind.Unsupported)]
    public void Files_are_read_by_kind(string path, TextFileKind expected)
    {
        Assert.Equal(expected, TextScanner.KindOf(path));
    }

    public static TheoryData<string, string, string, string> Flagged() => new()
    {
        // file, text, rule, flagged text
        { "appsettings.json", "{\n  \"AdobeSign\": {\n    \"ClientSecret\": \"q8Fz2LmR7vXc9PwT\"\n  }\n}", "CK1002", "q8Fz2LmR7vXc9PwT" },
        { "appsettings.json", "{ \"Venafi\": { \"BaseUrl\": \"https://api.venafi.cloud/v1\" } }", "CK1001", "https://api.venafi.cloud/v1" },
        { "appsettings.json", "{\n  \"ConnectionStrings\": { \"Db\": \"Server=sql.contoso.net;User Id=app;Password=Pr0d-Passw0rd!;\" }\n}", "CK1002", "Pr0d-Passw0rd!" },
        { "secrets.json", "{\n  \"Commercetools:ClientSecret\": \"Zk3v9TqLw2Xp8RmN\"\n}", "CK1002", "Zk3v9TqLw2Xp8RmN" },
        { "connect.yaml", "deployAs:\n  - name: service\n    configuration:\n      standardConfiguration:\n        - key: CTP_API_URL\n          default: https://api.europe-west1.gcp.commercetools.com\n", "CK1001", "https://api.europe-west1.gcp.commercetools.com" },
        { "connect.yaml", "securedConfiguration:\n  client_secret: Zk3v9TqLw2Xp8RmN\n", "CK1002", "Zk3v9TqLw2Xp8RmN" },
        { "docker-compose.yml", "environment:\n  - POSTGRES_PASSWORD=Pr0d-Passw0rd\n", "CK1002", "Pr0d-Passw0rd" },
        { "appsettings.json", "{\n  \"Metadata\": { \"Feed\": \"https://api.tvmaze.example/v1/shows?apikey=9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6\" }\n}", "CK1002", "9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6" },
        { "appsettings.json", "{\n  \"Metadata\": { \"SeriesUrl\": \"http://www.tvdb.example/api/1D62F2F90030C444/series/{0}/all/{1}.zip\" }\n}", "CK1002", "1D62F2F90030C444" },
        { ".env", "CTP_CLIENT_SECRET=Zk3v9TqLw2Xp8RmN\n", "CK1002", "Zk3v9TqLw2Xp8RmN" },
        { ".env", "export VENAFI_API_KEY=\"3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64\"\n", "CK1002", "3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64" },
        { ".env.production", "CTP_AUTH_URL=https://auth.europe-west1.gcp.commercetools.com\n", "CK1001", "https://auth.europe-west1.gcp.commercetools.com" },
        { "application.properties", "adobe.sign.client.secret = Qm9zc2VjcmV0VmFsdWU\n", "CK1002", "Qm9zc2VjcmV0VmFsdWU" },
        { "App.config", "<appSettings>\n  <add key=\"AdobeSignClientSecret\" value=\"q8Fz2LmR7vXc9PwT\" />\n</appSettings>", "CK1002", "q8Fz2LmR7vXc9PwT" },
        { "web.config", "<credentials password=\"Pr0d-Passw0rd\" />", "CK1002", "Pr0d-Passw0rd" },
        { "Web.config", "<appSettings>\n  <add key=\"GatewayAuth\" value=\"Zx81-kLm2-Qp07\" />\n</appSettings>", "CK1002", "Zx81-kLm2-Qp07" },
        { "nuget.config", "<add key=\"ClearTextPassword\" value=\"Pr0d-Passw0rd\" />", "CK1002", "Pr0d-Passw0rd" },
        { "processor/src/config.ts", "export const clientSecret = 'Zk3v9TqLw2Xp8RmN';\n", "CK1002", "Zk3v9TqLw2Xp8RmN" },
        { "processor/src/client.js", "const headers = { 'tppl-api-key': '3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64' };\n", "CK1002", "3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64" },
        { "processor/src/client.js", "headers[\"x-api-key\"] = \"Zk3v9TqLw2Xp8RmN\";\n", "CK1002", "Zk3v9TqLw2Xp8RmN" },
        { "processor/src/client.ts", "const response = await fetch('https://api.na1.adobesign.com/api/rest/v6/agreements');\n", "CK1001", "https://api.na1.adobesign.com/api/rest/v6/agreements" },
        { "scripts/deploy.sh", "curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9Zk3v9TqLw2Xp8RmN\" https://api.venafi.cloud/v1/certificates\n", "CK1001", "https://api.venafi.cloud/v1/certificates" },
        { "tools/sync.py", "DATABASE_URL = \"postgres://app:Pr0d-Passw0rd@db.contoso.net/app\"\n", "CK1002", "Pr0d-Passw0rd" },
        // code assigns with spaces; only markup's href= / to={ touch their name
        { "processor/src/client.ts", "const to = 'https://api.psp-payments.com/v1';\n", "CK1001", "https://api.psp-payments.com/v1" },
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public void Flags_hardcoded_values(string path, string text, string ruleId, string flagged)
    {
        var findings = Scan(path, text);
        Assert.Contains(findings, f => f.RuleId == ruleId && text.Substring(f.Start, f.Length) == flagged);
    }

    public static TheoryData<string, string> NotFlagged() => new()
    {
        { "appsettings.json", "{ \"AdobeSign\": { \"ClientSecret\": \"\" } }" },
        { "Web.config", "<appSettings>\n  <add key=\"GatewayAuth\" value=\"Basic\" />\n  <add key=\"GatewayAuthHeader\" value=\"Authorization\" />\n</appSettings>" },
        { "appsettings.json", "{ \"AdobeSign\": { \"ClientSecret\": \"<your-client-secret>\" } }" },
        { "appsettings.json", "{ \"Venafi\": { \"ApiKey\": \"${VENAFI_API_KEY}\" } }" },
        { "appsettings.json", "{ \"Venafi\": { \"BaseUrl\": \"https://localhost:5001\" } }" },
        { "appsettings.json", "{ \"$schema\": \"https://json.schemastore.org/appsettings.json\" }" },
        { "appsettings.json", "{ \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://0.0.0.0:8080\" } } } }" },
        { "appsettings.json", "{ \"Auth\": { \"ApiKeyHeaderName\": \"tppl-api-key\", \"PasswordMinLength\": 12 } }" },
        { "appsettings.Development.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }" },
        { "package.json", "{\n  \"name\": \"connector\",\n  \"homepage\": \"https://github.com/contoso/connector\",\n  \"repository\": \"https://github.com/contoso/connector.git\"\n}" },
        { "package-lock.json", "{ \"resolved\": \"https://registry.npmjs.org/express/-/express-4.18.2.tgz\", \"password\": \"Pr0d-Passw0rd\" }" },
        { "connect.yaml", "securedConfiguration:\n  - key: CTP_CLIENT_SECRET\n    description: commercetools client secret\n    required: true\n" },
        { "connect.yaml", "# Docs: https://docs.commercetools.com/connect/development\nname: connector\n" },
        { ".env", "CTP_CLIENT_SECRET=\nCTP_API_URL=http://localhost:8080\n" },
        { ".env.example", "CTP_CLIENT_SECRET=changeme\nVENAFI_API_KEY=YOUR_API_KEY_HERE\n" },
        { ".env", "# VENAFI_API_KEY=see https://ui.venafi.cloud for your key\n" },
        { "App.config", "<configuration xmlns=\"http://schemas.microsoft.com/.NETConfiguration/v2.0\">\n  <add key=\"ClientSecretName\" value=\"adobe-sign-secret\" />\n</configuration>" },
        { "App.config", "<!-- https://api.venafi.cloud is configured per environment -->" },
        { "processor/src/config.ts", "export const clientSecret = process.env.CTP_CLIENT_SECRET;\n" },
        { "processor/src/config.ts", "const apiUrl = `https://${process.env.CTP_REGION}.commercetools.com`;\n" },
        { "processor/src/client.ts", "// See https://docs.commercetools.com/api/authorization\n" },
        { "processor/src/client.ts", "if (token === 'Bearer') { return; }\n" },
        { "processor/src/test.ts", "const password = 'test';\n" },
        { "processor/src/errors.ts", "throw new Error('Set the API key, see https://docs.venafi.cloud/api for details');\n" },
        { "README.md", "Client secret: Zk3v9TqLw2Xp8RmN at https://api.venafi.cloud" },
        { "values.yaml", "image:\n  repository: ghcr.io/contoso/connector\n  tag: 1.2.3\n" },
        // a link's target is a page for people: JSX <Link to={…}>, href in HTML inside a template literal
        { "enabler/src/settings.tsx", "<Link\n  isExternal={true}\n  to={\n    'https://developer.paypal.com/docs/commerce-platforms/admin-panel/'\n  }\n>" },
        { "assets/src/main.ts", "app.innerHTML = `\n  <a href=\"https://docs.commercetools.com/connect/\" target=\"_blank\">Docs</a>\n`;\n" },
        // typed sequences are placeholders, a dependency's version range is no credential, a placeholder host is no host
        { ".env.local", "CTP_CLIENT_SECRET=12345678901234567890123456789012\nFFT_API_PASSWORD=1234567890abcdef\nJWT_SECRET=secret-1234567890-abcdefghijklmnopqrstuvwxyz\n" },
        { "enabler/package.json", "{\n  \"dependencies\": {\n    \"@commercetools/sdk-middleware-auth\": \"^8.0.1\"\n  }\n}" },
        { "application/src/constants.ts", "export const APPLICATION_URL = 'https://your-app-url.com';\n" },
    };

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public void Does_not_flag_references_placeholders_and_metadata(string path, string text)
    {
        Assert.Empty(Scan(path, text));
    }

    [Theory]
    [InlineData(".github/workflows/ci.yml", TextFileRole.Automation)]
    [InlineData("/home/runner/work/repo/.github/ISSUE_TEMPLATE/config.yml", TextFileRole.Automation)]
    [InlineData(".github/dependabot.yml", TextFileRole.Automation)]
    [InlineData("tools\\publish\\action.yml", TextFileRole.Automation)]
    [InlineData("azure-pipelines.release.yml", TextFileRole.Automation)]
    [InlineData(".gitlab-ci.yml", TextFileRole.Automation)]
    [InlineData("NuGet.Config", TextFileRole.PackageSources)]
    [InlineData("src/pip.conf", TextFileRole.PackageSources)]
    [InlineData(".npmrc", TextFileRole.PackageSources)]
    [InlineData("docker-compose.yml", TextFileRole.Application)]
    [InlineData("src/Api/appsettings.json", TextFileRole.Application)]
    [InlineData("my.github.io/config.yml", TextFileRole.Application)]
    [InlineData("connect.yaml", TextFileRole.DeploymentManifest)]
    [InlineData("processor/.env.template", TextFileRole.SettingsTemplate)]
    [InlineData("processor/.env.example", TextFileRole.SettingsTemplate)]
    [InlineData("production.env.sample", TextFileRole.SettingsTemplate)]
    [InlineData("processor/.env", TextFileRole.Application)]
    [InlineData("scripts/install.sh", TextFileRole.Script)]
    [InlineData("deploy/Install-Tool.ps1", TextFileRole.Script)]
    [InlineData("build/acr-build/queue-all.ps1", TextFileRole.Automation)]
    [InlineData("Build/appsettings.json", TextFileRole.Automation)]
    [InlineData("eng/common/tools.sh", TextFileRole.Automation)]
    [InlineData("dev/generate_openapi_files.ps1", TextFileRole.Automation)]
    [InlineData(".devcontainer/install-ffmpeg.sh", TextFileRole.Automation)]
    [InlineData(".config/tsaoptions.json", TextFileRole.Automation)]
    [InlineData(".pre-commit-config.yaml", TextFileRole.Automation)]
    [InlineData("src/App/.env.production", TextFileRole.Application)]
    [InlineData("src/Build.Tasks/appsettings.json", TextFileRole.Application)]
    public void Files_have_a_role_by_name_and_folder(string path, TextFileRole expected)
    {
        Assert.Equal(expected, TextScanner.RoleOf(path));
    }

    public static TheoryData<string, string> NotFlaggedOnRealFiles() => new()
    {
        // GitHub Actions syntax: permission levels, persist-credentials, secrets: inherit, ${{ secrets.X }} references
        { ".github/workflows/ci.yml", "permissions:\n  id-token: write\n  contents: read\n  security-events: write\n" },
        { ".github/workflows/ci.yml", "jobs:\n  build:\n    secrets: inherit\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n          token: ${{ secrets.GITHUB_TOKEN }}\n" },
        { ".github/workflows/release.yml", "env:\n  NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}\n  password: ${{ secrets.REGISTRY_PASSWORD }}\n" },
        { ".github/workflows/ci.yml", "      - run: curl -sSL https://dot.net/v1/dotnet-install.sh | bash\n" },
        { ".github/workflows/db.yml", "        env:\n          CONN_STR: \"server=localhost;uid=root;pwd=mariadb-password;database=vault_dev\"\n" },
        { ".github/workflows/db.yml", "        with:\n          keyvault: gh-org\n          secrets: \"BW-GHAPP-ID,BW-GHAPP-KEY\"\n" },
        { ".github/ISSUE_TEMPLATE/config.yml", "contact_links:\n  - name: Community forum\n    url: https://community.bitwarden.com/\n" },
        { "action.yml", "inputs:\n  token:\n    description: The GitHub token\n    default: ${{ github.token }}\n    required: false\n" },
        // a shell reference anywhere in a value, also where a ')' closes the command substitution around it
        { ".github/workflows/publish.yml", "        run: |\n          DETAILS=$(curl --silent --location \"$CONNECT_URL\" \\\n              --header 'Content-Type: application/json' \\\n              --header \"Authorization: Bearer $ACCESS_TOKEN\")\n" },
        { "scripts/deploy.sh", "curl -H \"Authorization: Bearer ${ACCESS_TOKEN}\" -H \"X-Api-Key: $(cat key.txt)\"\n" },
        { "deploy/values.yaml", "auth:\n  header: \"Bearer {{ .Values.token }}\"\n  password: \"pre-%DB_PASSWORD%\"\n" },
        // compose and Kubernetes switches
        { "docker-compose.yml", "environment:\n  MARIADB_RANDOM_ROOT_PASSWORD: \"true\"\n  MYSQL_ALLOW_EMPTY_PASSWORD: \"yes\"\n" },
        { "values.yaml", "auth:\n  allowEmptyPassword: yes\n  usePasswordFiles: false\n" },
        // shell command substitution
        { ".devcontainer/postCreateCommand.sh", "DB_PASSWORD=\"$(grep -oP 'MSSQL_SA_PASSWORD=[\"'\"'\"']?\\K[^\"'\"'\"'\\s]+' $DEV_DIR/.env)\"\ncert_password=\"$(get_option \"DEV_CERT_PASSWORD\" \"Paste the password: \" \"\" 1)\"\n" },
        // package and app metadata
        { "src/Directory.Build.props", "  <PackageProjectUrl>https://github.com/GitTools/GitVersion</PackageProjectUrl>\n  <RepositoryUrl>https://github.com/GitTools/GitVersion</RepositoryUrl>\n" },
        { "winget/ShareX.locale.en-US.yaml", "PublisherSupportUrl: https://github.com/ShareX/ShareX/issues\nPrivacyUrl: https://getsharex.com/privacy-policy\n" },
        // package feeds
        { "nuget.config", "<packageSources>\n  <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n  <add key=\"myget\" value=\"https://www.myget.org/F/acme/api/v3/index.json\" />\n</packageSources>" },
        { "pip.conf", "[global]\nindex-url = https://pypi.org/simple\nextra-index-url = https://acme.jfrog.io/artifactory/api/pypi/simple\n" },
        // repository and build tooling (session 7's yardstick): dev containers, pre-commit hooks, a build folder's settings
        { ".devcontainer/install-ffmpeg.sh", "curl -fsSL https://repo.jellyfin.org/jellyfin_team.gpg.key | sudo gpg --dearmor -o /etc/apt/keyrings/jellyfin.gpg\n" },
        { ".pre-commit-config.yaml", "repos:\n- repo: https://github.com/gitleaks/gitleaks\n  rev: v8.18.0\n" },
        { ".config/tsaoptions.json", "{ \"instanceUrl\": \"https://devdiv.visualstudio.com/\" }" },
        { "Build/appsettings.json", "{ \"SignClient\": { \"Url\": \"https://codesign.dotnetfoundation.org/\" } }" },
        { "build/parity-corpus.ps1", "$repos = @(\n  'https://github.com/GitTools/GitVersion.git'\n)\n" },
        // links and images in markup: Markdown release notes, an e-mail template's <img src>
        { "GitReleaseManager.yml", "footer-content: |\n  - [GitHub Release](https://github.com/{owner}/{repository}/releases/tag/{milestone})\n" },
        { "src/MailTemplates/components/hero.js", "const hero = `<mj-image\n  src=\"https://assets.acme-mail.com/email/v1/logo.png\"\n/>`;\n" },
        { "deployment/unraid/jellyfin.xml", "<Containers>\n  <Support>https://www.reddit.com/r/jellyfin/</Support>\n</Containers>\n" },
        // a message with `escaped` quotes inside is still one sentence for people
        { "scripts/dotnet-install.sh", "say_err \"Architecture \\`$arch\\` not supported. If you think this is a bug, report it at https://github.com/dotnet/install-scripts/issues\"\n" },
        // values that name a credential: environment variables, keys, paths
        { "appsettings.json", "{ \"Vault\": { \"ClientSecretVariable\": \"ACME_DEV_CLIENTSECRET\", \"PasswordPath\": \"/run/secrets/db_password\" } }" },
        { "appsettings.json", "{ \"Secrets\": { \"ApiKey\": \"Venafi:ApiKey\" } }" },
    };

    [Theory]
    [MemberData(nameof(NotFlaggedOnRealFiles))]
    public void Does_not_flag_workflow_syntax_switches_feeds_or_names(string path, string text)
    {
        Assert.Empty(Scan(path, text));
    }

    [Fact]
    public void A_real_credential_in_a_workflow_or_a_compose_file_is_still_flagged()
    {
        var workflow = "env:\n  DB_PASSWORD: Pr0d-Passw0rd!\n";
        Assert.Contains(Scan(".github/workflows/ci.yml", workflow), f => f.RuleId == "CK1002" && workflow.Substring(f.Start, f.Length) == "Pr0d-Passw0rd!");
        var compose = "environment:\n  MARIADB_RANDOM_ROOT_PASSWORD: \"true\"\n  MARIADB_PASSWORD: \"TestOnlyP@ss123\"\n";
        var finding = Assert.Single(Scan("docker-compose.yml", compose));
        Assert.Equal("TestOnlyP@ss123", compose.Substring(finding.Start, finding.Length));
        var token = FakeSecrets.GitHub('p');
        Assert.Single(Scan(".github/workflows/ci.yml", "      - run: gh auth login --with-token " + token + "\n"), f => f.RuleId == "CK1003");
        var remote = "env:\n  CONN_STR: \"Server=sql.contoso.net;User Id=app;Password=Pr0d-Passw0rd!\"\n";
        Assert.Single(Scan(".github/workflows/deploy.yml", remote), f => f.RuleId == "CK1002");
        var feed = "<add key=\"ClearTextPassword\" value=\"Pr0d-Passw0rd\" />";
        Assert.Single(Scan("nuget.config", feed), f => f.RuleId == "CK1002");
    }

    [Fact]
    public void Finds_a_token_format_wherever_it_is()
    {
        var token = FakeSecrets.GitHub('p');
        var text = "steps:\n  - run: echo " + token + "\n";
        var finding = Assert.Single(Scan("ci.yml", text));
        Assert.Equal("CK1003", finding.RuleId);
        Assert.Equal(text.IndexOf(token, StringComparison.Ordinal), finding.Start);
        Assert.Equal(token.Length, finding.Length);
    }

    [Fact]
    public void Reports_the_exact_span_on_the_right_line()
    {
        var text = "{\n  \"Venafi\": {\n    \"ApiKey\": \"3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64\"\n  }\n}\n";
        var finding = Assert.Single(Scan("appsettings.json", text), f => f.RuleId == "CK1002");
        Assert.Equal(text.IndexOf("3f2c", StringComparison.Ordinal), finding.Start);
        Assert.Equal(36, finding.Length);
        Assert.Equal("ApiKey", finding.MessageArgument);
    }

    [Fact]
    public void Allowed_hosts_and_extra_keywords_and_placeholders_are_honoured()
    {
        var settings = new TextScanSettings(["*.contoso.net"], ["zone"], ["dev-*"], null);
        Assert.Empty(Scan("appsettings.json", "{ \"Url\": \"https://api.contoso.net/v1\" }", settings));
        Assert.Single(Scan("appsettings.json", "{ \"VenafiZone\": \"Production\\\\Certificates\" }", settings));
        Assert.Empty(Scan(".env", "CLIENT_SECRET=dev-local-secret\n", settings));
    }

    [Fact]
    public void Half_written_and_binary_looking_text_does_not_throw()
    {
        string[] texts =
        [
            "{ \"ClientSecret\": \"unterminated",
            "key:",
            ":",
            "=",
            "\"",
            "<add key=\"x\" value=\"",
            "<password>",
            "headers[\"x = \"y\"",
            "export",
            "- ",
            "\0\0\0://\0",
            new string('a', 10_000) + "://",
        ];
        foreach (var text in texts)
        {
            foreach (var kind in Enum.GetValues<TextFileKind>())
            {
                var findings = new List<TextFinding>();
                TextScanner.Scan(text, kind, Defaults, findings);
                Assert.All(findings, f => Assert.InRange(f.Start + f.Length, 0, text.Length));
            }
        }
    }

    [Fact]
    public void A_url_default_in_connect_yaml_and_a_settings_template_value_are_documented_settings_and_a_secret_there_is_not()
    {
        var manifest = Scan("connect.yaml", "deployAs:\n  - name: processor\n    configuration:\n      standardConfiguration:\n        - key: CTP_API_URL\n          description: see https://docs.commercetools.com/api/general-concepts\n          default: https://api.europe-west1.gcp.commercetools.com\n        - key: PSP_URL\n          value: https://api.psp-payments.com/v1\n");
        Assert.Equal(
            [(RuleIds.HardcodedUrl, "https://api.europe-west1.gcp.commercetools.com", UrlSetting.ManifestDefault), (RuleIds.HardcodedUrl, "https://api.psp-payments.com/v1", UrlSetting.None)],
            manifest.Select(f => (f.RuleId, f.MessageArgument, f.Setting)));

        var template = Scan("processor/.env.template", "CTP_API_URL=https://api.europe-west1.gcp.commercetools.com\nCTP_CLIENT_SECRET=\nPSP_API_KEY=" + FakeSecrets.Stripe("sk") + "\n");
        Assert.Contains((RuleIds.HardcodedUrl, UrlSetting.TemplateValue), template.Select(f => (f.RuleId, f.Setting)));
        Assert.All(template.Where(f => f.RuleId != RuleIds.HardcodedUrl), f => Assert.Equal(UrlSetting.None, f.Setting));
        Assert.Contains(template, f => f.RuleId == RuleIds.HardcodedSecretContent);

        var env = Scan("processor/.env", "CTP_API_URL=https://api.europe-west1.gcp.commercetools.com\n");
        Assert.Equal(UrlSetting.None, Assert.Single(env).Setting);
    }

    [Fact]
    public void Package_metadata_urls_are_not_endpoints_and_a_url_in_its_config_is()
    {
        var findings = Scan("processor/package.json", """
            {
              "name": "processor",
              "homepage": "https://github.com/acme/processor#readme",
              "repository": {
                "type": "git",
                "url": "https://github.com/acme/processor.git"
              },
              "bugs": {
                "email": "help@acme-payments.com",
                "url": "https://github.com/acme/processor/issues"
              },
              "config": {
                "pspUrl": "https://api.psp-payments.com/v1"
              }
            }
            """);

        Assert.Equal(["https://api.psp-payments.com/v1"], findings.Select(f => f.MessageArgument));
    }

    [Fact]
    public void Tool_downloads_and_help_links_of_install_scripts_are_not_endpoints_and_an_api_call_there_is()
    {
        var shell = Scan("scripts/install.sh", "#!/bin/sh\ncurl -sSL https://github.com/acme/tool/releases/download/v1.2.3/tool-linux-amd64.tar.gz | tar xz\nwget https://downloads.acme-tools.com/tool/1.2.3/tool.zip\ncurl -X POST https://api.psp-payments.com/v1/charges\n");
        Assert.Equal(["https://api.psp-payments.com/v1/charges"], shell.Select(f => f.MessageArgument));

        var powershell = Scan("deploy/Install-Tool.ps1", "<#\n.SYNOPSIS\n  Installs the tool.\n.LINK\n  https://docs.acme-tools.com/install\n#>\nInvoke-WebRequest -Uri https://downloads.acme-tools.com/tool/1.2.3/tool.zip -OutFile tool.zip\nInvoke-RestMethod -Uri https://api.psp-payments.com/v1/charges\n");
        Assert.Equal(["https://api.psp-payments.com/v1/charges"], powershell.Select(f => f.MessageArgument));
    }

    [Fact]
    public void Picture_locations_in_configuration_are_for_the_readers_browser_and_a_picture_service_is_an_endpoint()
    {
        const string config = """
            <appSettings>
              <add key="ProviderImageUrls" value="https://billpay-site.com/Styles/images/ProviderID/" />
              <add key="MailLogoUrl" value="https://billpay-site.com/Content/logo.png" />
              <add key="ImageUploadUrl" value="https://api.picture-host.com/v1/upload" />
              <add key="BuyPower" value="https://api.power-gateway.com/v1/BuyPower" />
            </appSettings>
            """;

        var findings = Scan("Site/Web.config", config);

        Assert.Equal(["https://api.picture-host.com/v1/upload", "https://api.power-gateway.com/v1/BuyPower"], findings.Select(f => f.MessageArgument));

        // In code a picture's URL is data the code may fetch or serve: still read.
        Assert.Equal(
            ["https://images.acme-shop.com/p/1.jpg"],
            Scan("service/src/catalog.js", "const product = { imageUrl: 'https://images.acme-shop.com/p/1.jpg' };\n").Select(f => f.MessageArgument));
    }

    [Fact]
    public void Prefixed_xml_namespaces_of_a_soap_request_template_are_identifiers_and_an_endpoint_there_is_not()
    {
        const string request = """
            <?xml version="1.0" encoding="utf-8" ?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:svc="http://service.billing.carrier-tv.com" xmlns:mdl="http://model.billing.carrier-tv.com">
              <soapenv:Header><svc:Route address="https://soap.carrier-tv.com/billing/PaymentService" /></soapenv:Header>
              <soapenv:Body><svc:queryBalance><mdl:customerId>{customerId}</mdl:customerId></svc:queryBalance></soapenv:Body>
            </soapenv:Envelope>
            """;

        var findings = Scan("Site/Xmlfiles/queryBalance.xml", request);

        Assert.Equal(
            [("https://soap.carrier-tv.com/billing/PaymentService", request.IndexOf("https://soap.carrier-tv.com", StringComparison.Ordinal))],
            findings.Select(f => (f.MessageArgument, f.Start)));
    }

    [Fact]
    public void A_url_in_a_multi_line_xml_comment_is_documentation_and_a_commented_out_setting_is_read()
    {
        const string config = """
            <?xml version="1.0" encoding="utf-8"?>
            <!--
              For more information on how to configure your ASP.NET application, please visit
              https://go.microsoft.com/fwlink/?LinkId=301880
              -->
            <configuration>
              <appSettings>
                <add key="PaymentApiUrl" value="https://api.psp-payments.com/v1" /><!-- see https://docs.psp-payments.com -->
                <!--
                <add key="PaymentApiUrl" value="https://sandbox.psp-payments.com/v1" />
                -->
                <!--<add key="RefundApiUrl" value="https://sandbox.psp-refunds.com/v1" />-->
                <!--
                  Learn more about telemetry here: https://go.microsoft.com/fwlink/?LinkID=513840
                  Note: if not present, please add <InstrumentationKey>Your Key</InstrumentationKey> to this file.
                  -->
              </appSettings>
            </configuration>
            """;

        var findings = Scan("src/Web/Web.config", config);

        // A commented-out setting is configuration switched off, still committed: it is read, on one line or on several.
        Assert.Equal(
            [("https://api.psp-payments.com/v1", config.IndexOf("https://api.psp-payments.com/v1", StringComparison.Ordinal)), ("https://sandbox.psp-payments.com/v1", config.IndexOf("https://sandbox.psp-payments.com/v1", StringComparison.Ordinal)), ("https://sandbox.psp-refunds.com/v1", config.IndexOf("https://sandbox.psp-refunds.com/v1", StringComparison.Ordinal))],
            findings.Select(f => (f.MessageArgument, f.Start)));
        Assert.All(findings, f => Assert.Equal(RuleIds.HardcodedUrl, f.RuleId));
    }

    [Theory]
    [InlineData("<a/><!-- x -->\n<b/>", "<a/>          \n<b/>")]
    [InlineData("<!-- one\ntwo -->x", "        \n       x")]
    [InlineData("<a/><!-- never closed\nwords", "<a/>                 \n     ")]
    [InlineData("no comment", "no comment")]
    [InlineData("<!--<add key=\"a\" value=\"b\" />-->", "<!--<add key=\"a\" value=\"b\" />-->")]
    [InlineData("<!-- Old:\n  <add key=\"a\" />\n  please add <b/> here -->", "         \n  <add key=\"a\" />\n                          ")]
    [InlineData("<!--<add key=\"a\"\n  value=\"b\" />\nwords -->", "<!--<add key=\"a\"\n  value=\"b\" />\n         ")]
    [InlineData("<!--\n  <add key=\"a\"\n value=\"b\" />\n-->", "<!--\n  <add key=\"a\"\n value=\"b\" />\n   ")]
    [InlineData("<!-- see\n https://x.io\n please add <Key>Your Key</Key> here -->", "        \n             \n                                        ")]
    public void Xml_comments_are_blanked_and_line_breaks_kept(string text, string expected) =>
        Assert.Equal(expected, ScriptComments.Xml(text));

    private static List<TextFinding> Scan(string path, string text) => Scan(path, text, Defaults);

    private static List<TextFinding> Scan(string path, string text, TextScanSettings settings)
    {
        var findings = new List<TextFinding>();
        TextScanner.Scan(text, path, TextScanner.KindOf(path), TextScanner.RoleOf(path), settings, findings);
        return findings;
    }
}
