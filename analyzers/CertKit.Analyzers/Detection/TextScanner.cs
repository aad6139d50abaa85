using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Detection;

/// <summary>How a text file writes its values, which decides how a line's key and value are read.</summary>
public enum TextFileKind
{
    /// <summary>Not scanned (documentation, lock files, data).</summary>
    Unsupported,

    /// <summary><c>"key": "value"</c> (appsettings.json, secrets.json, package.json).</summary>
    Json,

    /// <summary><c>key: value</c> (connect.yaml, docker-compose.yml, GitHub workflows).</summary>
    Yaml,

    /// <summary><c>KEY=value</c> / <c>key = value</c> (.env, .properties, .ini, .toml, .cfg).</summary>
    KeyValue,

    /// <summary><c>&lt;add key="..." value="..."/&gt;</c>, <c>password="..."</c> (app.config, web.config, nuget.config).</summary>
    Xml,

    /// <summary>Source code other than C# (JS/TS, Python, …): only quoted values are literals.</summary>
    Code,
}

/// <summary>What a text file is for, which decides which findings in it can be real.</summary>
public enum TextFileRole
{
    /// <summary>Application code or configuration: every rule applies.</summary>
    Application,

    /// <summary>
    /// CI and repository automation (<c>.github/</c> workflows, actions, issue templates, dependabot; <c>action.yml</c>;
    /// <c>azure-pipelines.yml</c>, <c>.gitlab-ci.yml</c>, …): its URLs are build and community links, not endpoints the
    /// application calls, and its lower-case keywords (<c>permissions: id-token: write</c>, <c>secrets: inherit</c>) are
    /// syntax. Secrets by content (CK1003) and real credential values still count.
    /// </summary>
    Automation,

    /// <summary>Package manager configuration (<c>nuget.config</c>, <c>.npmrc</c>, <c>pip.conf</c>, …): its URLs are package feeds.</summary>
    PackageSources,

    /// <summary>
    /// A deployment manifest (commercetools' <c>connect.yaml</c>): a <c>default:</c> value is a documented setting each
    /// deployment can override, so a URL there is a note, not a hardcoded endpoint.
    /// </summary>
    DeploymentManifest,

    /// <summary>
    /// A template of settings (<c>.env.template</c>, <c>.env.example</c>, <c>.env.sample</c>, <c>.env.dist</c>): its values
    /// are examples to copy, so a URL there is a note. A secret there is still a leaked secret.
    /// </summary>
    SettingsTemplate,

    /// <summary>
    /// A shell or PowerShell script (install, build, deployment): a URL of a release download or an archive fetches a
    /// tool, it is not an endpoint the application calls.
    /// </summary>
    Script,
}

/// <summary>Where a CK1001 URL stands when it is an overridable, documented value rather than an endpoint in code.</summary>
public enum UrlSetting
{
    /// <summary>In code or configuration the application reads as is.</summary>
    None,

    /// <summary>The <c>default:</c> of a setting in a deployment manifest (connect.yaml).</summary>
    ManifestDefault,

    /// <summary>A value in a template of settings (.env.template, .env.example).</summary>
    TemplateValue,
}

/// <summary>The configurable parts of the text scan: the same <c>certkit.*</c> options the C# rules read.</summary>
public readonly struct TextScanSettings
{
    public TextScanSettings(ImmutableArray<string> allowedHosts, ImmutableArray<string> credentialKeywords, ImmutableArray<string> placeholderPatterns, double? entropyThreshold)
    {
        AllowedHosts = allowedHosts.IsDefault ? ImmutableArray<string>.Empty : allowedHosts;
        CredentialKeywords = credentialKeywords.IsDefault ? ImmutableArray<string>.Empty : credentialKeywords;
        PlaceholderPatterns = placeholderPatterns.IsDefault ? ImmutableArray<string>.Empty : placeholderPatterns;
        EntropyThreshold = entropyThreshold;
    }

    public ImmutableArray<string> AllowedHosts { get; }

    public ImmutableArray<string> CredentialKeywords { get; }

    public ImmutableArray<string> PlaceholderPatterns { get; }

    public double? EntropyThreshold { get; }
}

/// <summary>A finding in a text file: the rule, the span of the flagged value and the argument of the rule's message.</summary>
public readonly struct TextFinding
{
    public TextFinding(string ruleId, int start, int length, string messageArgument, UrlSetting setting = UrlSetting.None)
    {
        RuleId = ruleId;
        Start = start;
        Length = length;
        MessageArgument = messageArgument;
        Setting = setting;
    }

    /// <summary>CK1001: whether the URL is a documented, overridable setting (reported as a note with its own advice).</summary>
    public UrlSetting Setting { get; }

    public string RuleId { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>CK1001: the URL; CK1002: the key; CK1003: the kind of secret ("a GitHub token").</summary>
    public string MessageArgument { get; }
}

/// <summary>
/// Runs the CK1001–CK1003 detectors over the content of a non-C# file: config files and other sources. Pure (text in,
/// findings out) and single-pass per line; the AdditionalFiles analyzer and <c>certkit scan</c> both call it, so a pattern
/// lives only in the detectors it calls (<see cref="UrlClassifier"/>, <see cref="CredentialNames"/>,
/// <see cref="CredentialValues"/>, <see cref="ConnectionStrings"/>, <see cref="SecretPatterns"/>, <see cref="Entropy"/>).
/// </summary>
public static class TextScanner
{
    // Keys whose URL is metadata about the project, not an endpoint it calls.
    private static readonly HashSet<string> MetadataKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "$schema", "$id", "schema", "homepage", "repository", "bugs", "license", "funding", "author", "documentation", "docs",
        "help", "helpUri", "helpUrl", "projectUrl", "licenseUrl", "iconUrl", "resolved", "registry", "xmlns", "schemaLocation",
        "description", "summary", "title",
    };

    /// <summary>Which files are scanned, and how, by their name.</summary>
    public static TextFileKind KindOf(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return TextFileKind.Unsupported;
        }

        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var name = path.Substring(slash + 1);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return TextFileKind.KeyValue;
        }

        if (IsLockFile(name))
        {
            return TextFileKind.Unsupported;
        }

        var dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return TextFileKind.Unsupported;
        }

        switch (name.Substring(dot + 1).ToLowerInvariant())
        {
            case "json":
                return TextFileKind.Json;
            case "yaml":
            case "yml":
                return TextFileKind.Yaml;
            case "env":
            case "properties":
            case "ini":
            case "toml":
            case "cfg":
            case "conf":
            case "tfvars":
                return TextFileKind.KeyValue;
            case "config":
            case "xml":
            case "props":
            case "targets":
                return TextFileKind.Xml;
            case "js":
            case "mjs":
            case "cjs":
            case "jsx":
            case "ts":
            case "mts":
            case "cts":
            case "tsx":
            case "py":
            case "rb":
            case "go":
            case "java":
            case "kt":
            case "php":
            case "sh":
            case "bash":
            case "ps1":
            case "psm1":
            case "psd1":
            case "zsh":
            case "tf":
            case "vb":
            case "fs":
                return TextFileKind.Code;
            default:
                return TextFileKind.Unsupported;
        }
    }

    private static readonly string[] PackageSourceFiles =
    {
        "nuget.config", ".npmrc", ".yarnrc", ".yarnrc.yml", "pip.conf", "pip.ini", ".pypirc", "bunfig.toml", ".condarc",
    };

    // Folders of build, repository and development tooling by convention: their files build, release or set up the
    // repository, or run a developer's local stack.
    private static readonly string[] ToolingFolders = { "build", "eng", "dev" };

    /// <summary>
    /// What the file at <paramref name="path"/> is for, by its name and folder. Give it the path relative to the project or
    /// the repository: a folder above the checkout says nothing about the file.
    /// </summary>
    public static TextFileRole RoleOf(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return TextFileRole.Application;
        }

        var normalized = path.Replace('\\', '/');
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        if (name.Equals("connect.yaml", StringComparison.OrdinalIgnoreCase) || name.Equals("connect.yml", StringComparison.OrdinalIgnoreCase))
        {
            return TextFileRole.DeploymentManifest;
        }

        if (IsSettingsTemplate(name))
        {
            return TextFileRole.SettingsTemplate;
        }

        foreach (var file in PackageSourceFiles)
        {
            if (name.Equals(file, StringComparison.OrdinalIgnoreCase))
            {
                return TextFileRole.PackageSources;
            }
        }

        // Dot-folders (.github/, .devcontainer/, .config/, .husky/) and dot-files other than the .env settings
        // (.pre-commit-config.yaml, .gitlab-ci.yml, .travis.yml) configure the repository's tools, not the application;
        // so do the conventional build and development folders (build/, eng/, dev/). A scripts/ folder may deploy or call
        // the application's services: its scripts are read as scripts.
        if (IsToolingPath(normalized, name))
        {
            return TextFileRole.Automation;
        }

        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".sh", StringComparison.Ordinal) || lower.EndsWith(".bash", StringComparison.Ordinal) || lower.EndsWith(".ps1", StringComparison.Ordinal)
            || lower.EndsWith(".psm1", StringComparison.Ordinal) || lower.EndsWith(".cmd", StringComparison.Ordinal) || lower.EndsWith(".bat", StringComparison.Ordinal))
        {
            return TextFileRole.Script;
        }

        return lower == "action.yml" || lower == "action.yaml" || lower == "appveyor.yml" || lower == "bitbucket-pipelines.yml"
            || lower.StartsWith("azure-pipelines", StringComparison.Ordinal)
            ? TextFileRole.Automation
            : TextFileRole.Application;
    }

    private static bool IsToolingPath(string normalized, string name)
    {
        if (name.Length > 1 && name[0] == '.' && !name.StartsWith(".env", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var segmentStart = 0;
        while (true)
        {
            var slash = normalized.IndexOf('/', segmentStart);
            if (slash < 0)
            {
                return false; // the last segment is the file's name
            }

            var length = slash - segmentStart;
            if (length > 1 && normalized[segmentStart] == '.' && !(length == 2 && normalized[segmentStart + 1] == '.'))
            {
                return true;
            }

            foreach (var folder in ToolingFolders)
            {
                if (folder.Length == length && string.Compare(normalized, segmentStart, folder, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            segmentStart = slash + 1;
        }
    }

    // .env.template, .env.example, .env.sample, .env.dist, and the same suffixes after a name (production.env.example).
    private static bool IsSettingsTemplate(string name)
    {
        if (name.IndexOf(".env", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        foreach (var suffix in TemplateSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] TemplateSuffixes = { ".template", ".example", ".sample", ".dist", ".tmpl", ".tpl" };

    /// <summary>Adds the findings of <paramref name="text"/> to <paramref name="findings"/>, in order of position per rule.</summary>
    public static void Scan(string text, TextFileKind kind, TextScanSettings settings, List<TextFinding> findings) =>
        Scan(text, kind, TextFileRole.Application, settings, findings);

    /// <summary>
    /// Adds the findings of <paramref name="text"/>, a file of the given <paramref name="role"/>, to
    /// <paramref name="findings"/>, in order of position per rule.
    /// </summary>
    public static void Scan(string text, TextFileKind kind, TextFileRole role, TextScanSettings settings, List<TextFinding> findings)
    {
        if (text is null || findings is null || kind == TextFileKind.Unsupported || text.Length == 0)
        {
            return;
        }

        // Secrets by content anywhere (a key in a comment is still leaked); URLs and credentials outside XML prose comments.
        var secrets = FindSecrets(text, findings);
        ScanLines(kind == TextFileKind.Xml ? ScriptComments.Xml(text) : text, kind, role, settings, findings, secrets);
    }

    /// <summary>
    /// Adds the findings of the file at <paramref name="path"/>. A script whose comments <see cref="ScriptComments"/> knows
    /// (PowerShell with its comment-based help, Python with its docstrings, shell) is read like JS/TS: secrets by content
    /// (CK1003) anywhere, a key leaked in a comment is still leaked; URLs and credentials (CK1001, CK1002) only in code.
    /// </summary>
    public static void Scan(string text, string path, TextFileKind kind, TextFileRole role, TextScanSettings settings, List<TextFinding> findings)
    {
        if (text is null || findings is null || text.Length == 0)
        {
            return;
        }

        if (kind == TextFileKind.Code && ScriptComments.Blank(text, ExtensionOf(path)) is { } code)
        {
            var secrets = FindSecrets(text, findings);
            ScanLines(code, TextFileKind.Code, role, settings, findings, secrets);
            return;
        }

        Scan(text, kind, role, settings, findings);
    }

    private static string ExtensionOf(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var dot = path.LastIndexOf('.');
        return dot > slash ? path.Substring(dot) : string.Empty;
    }

    /// <summary>
    /// Adds the findings of a JS/TS file read through the shared reader: secrets by content (CK1003) anywhere, a leaked key
    /// in a comment is still leaked; URLs and credentials (CK1001, CK1002) only in code, never in comments, regular
    /// expressions or JSX text. <paramref name="secretsOnly"/>: a test or fixture file, where only CK1003 counts.
    /// </summary>
    public static void ScanScript(JsSource source, TextFileRole role, TextScanSettings settings, bool secretsOnly, List<TextFinding> findings)
    {
        if (source is null || findings is null || source.Text.Length == 0)
        {
            return;
        }

        var secrets = FindSecrets(source.Text, findings);
        if (!secretsOnly)
        {
            ScanLines(source.CodeOnly(), TextFileKind.Code, role, settings, findings, secrets);
        }
    }

    // CK1003 by content: one pass over the whole text (anchored search, no per-line work).
    private static List<SecretMatch> FindSecrets(string text, List<TextFinding> findings)
    {
        var secrets = new List<SecretMatch>();
        SecretPatterns.Find(text, 0, text.Length, secrets);
        foreach (var secret in secrets)
        {
            findings.Add(new TextFinding(RuleIds.HardcodedSecretContent, secret.Start, secret.Length, secret.Kind));
        }

        return secrets;
    }

    private static void ScanLines(string text, TextFileKind kind, TextFileRole role, TextScanSettings settings, List<TextFinding> findings, List<SecretMatch> secrets)
    {
        var pairs = new List<KeyValueSpan>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;

            // PowerShell's block comments (<# … #>, comment-based help with its .LINK URLs) arrive blanked by ScriptComments.
            ScanLine(text, lineStart, contentEnd, kind, role, settings, findings, secrets, pairs);
            lineStart = lineEnd + 1;
        }
    }

    private static void ScanLine(string text, int start, int end, TextFileKind kind, TextFileRole role, TextScanSettings settings, List<TextFinding> findings, List<SecretMatch> secrets, List<KeyValueSpan> pairs)
    {
        var first = start;
        while (first < end && (text[first] == ' ' || text[first] == '\t'))
        {
            first++;
        }

        if (first == end || IsCommentLine(text, first, end, kind))
        {
            return;
        }

        var hasUrl = text.IndexOf("://", first, end - first, StringComparison.Ordinal) >= 0;
        if (!hasUrl && text.IndexOfAny(Separators, first, end - first) < 0)
        {
            return;
        }

        pairs.Clear();
        if (kind == TextFileKind.Xml)
        {
            ReadXmlPairs(text, first, end, pairs);
        }
        else
        {
            var position = first;
            while (position < end && LineParser.TryReadKeyValue(text, position, end, kind, out var pair, out var next))
            {
                pairs.Add(pair);
                position = next;
            }
        }

        foreach (var pair in pairs)
        {
            ScanPair(text, pair, role, settings, findings, secrets);
        }

        // A CI file's and a package manager's URLs are build, community and feed links, not endpoints the application calls.
        if (hasUrl && role != TextFileRole.Automation && role != TextFileRole.PackageSources)
        {
            ScanUrls(text, first, end, kind, role, settings, findings, pairs);
        }
    }

    private static readonly char[] Separators = { '=', ':' };

    private static void ScanPair(string text, KeyValueSpan pair, TextFileRole role, TextScanSettings settings, List<TextFinding> findings, List<SecretMatch> secrets)
    {
        if (pair.ValueLength == 0)
        {
            return;
        }

        var key = text.Substring(pair.KeyStart, pair.KeyLength);
        var value = text.Substring(pair.ValueStart, pair.ValueLength);
        if (MayBeCredentialKey(key, settings) && !(role == TextFileRole.Automation && IsLowerCaseKeyword(value)))
        {
            var kind = CredentialNames.Classify(key, settings.CredentialKeywords);
            if (CredentialValues.IsHardcodedSecret(kind, value, key, settings.PlaceholderPatterns))
            {
                findings.Add(new TextFinding(RuleIds.HardcodedCredential, pair.ValueStart, pair.ValueLength, key));
                if (!Overlaps(secrets, pair.ValueStart, pair.ValueLength)
                    && Entropy.TryFindHighEntropySecret(value, key, settings.EntropyThreshold, out var entropy))
                {
                    findings.Add(new TextFinding(RuleIds.HardcodedSecretContent, pair.ValueStart + entropy.Start, entropy.Length, entropy.Kind));
                }

                return;
            }
        }

        // A CI job's connection string to a database on localhost reaches the throwaway service container of the job.
        if (role == TextFileRole.Automation && MentionsLoopbackHost(value))
        {
            return;
        }

        ScanEmbedded(value, pair.ValueStart, settings, findings);
    }

    private static bool MentionsLoopbackHost(string value) =>
        value.IndexOf("localhost", StringComparison.OrdinalIgnoreCase) >= 0
        || value.IndexOf("127.0.0.1", StringComparison.Ordinal) >= 0
        || value.IndexOf("[::1]", StringComparison.Ordinal) >= 0;

    // Password= in connection strings, user:password@ in URLs, Basic/Bearer values: credentials whatever the key is.
    private static void ScanEmbedded(string value, int offset, TextScanSettings settings, List<TextFinding> findings)
    {
        if (!ConnectionStrings.MayContainCredential(value))
        {
            return;
        }

        var index = 0;
        while (ConnectionStrings.TryFindPassword(value, index, out var credential))
        {
            index = credential.End;
            AddEmbedded(credential, credential.Key, offset, settings, findings);
        }

        index = 0;
        while (ConnectionStrings.TryFindUrlPassword(value, index, out var credential))
        {
            index = credential.End;
            AddEmbedded(credential, "URL password", offset, settings, findings);
        }

        if (ConnectionStrings.TryFindAuthorizationCredential(value, out var authorization))
        {
            AddEmbedded(authorization, "Authorization: " + authorization.Key, offset, settings, findings);
        }

        index = 0;
        while (ConnectionStrings.TryFindUrlPathKey(value, index, out var credential))
        {
            index = credential.End;
            AddEmbedded(credential, "API key in the URL path", offset, settings, findings);
        }
    }

    private static void AddEmbedded(EmbeddedCredential credential, string displayName, int offset, TextScanSettings settings, List<TextFinding> findings)
    {
        if (!Placeholders.IsPlaceholder(credential.Value, credential.Key, settings.PlaceholderPatterns))
        {
            findings.Add(new TextFinding(RuleIds.HardcodedCredential, offset + credential.Start, credential.Length, displayName));
        }
    }

    private static void ScanUrls(string text, int start, int end, TextFileKind kind, TextFileRole role, TextScanSettings settings, List<TextFinding> findings, List<KeyValueSpan> pairs)
    {
        // The URL classifier works on a string; the line is cut out only when it has a "://".
        var line = text.Substring(start, end - start);
        var index = 0;
        while (UrlClassifier.TryFindHardcodedUrl(line, index, textContinues: false, settings.AllowedHosts, out var url))
        {
            index = Math.Max(url.End, url.Start + 1);
            if (IsDocumentation(text, start + url.Start, line, url.Start, kind, pairs)
                || (role == TextFileRole.Script && IsDownload(url.Url)))
            {
                continue;
            }

            var setting = role == TextFileRole.SettingsTemplate ? UrlSetting.TemplateValue
                : role == TextFileRole.DeploymentManifest && IsValueOf(text, start + url.Start, pairs, "default") ? UrlSetting.ManifestDefault
                : UrlSetting.None;
            findings.Add(new TextFinding(RuleIds.HardcodedUrl, start + url.Start, url.Length, url.Url, setting));
        }
    }

    private static bool IsValueOf(string text, int position, List<KeyValueSpan> pairs, string key)
    {
        foreach (var pair in pairs)
        {
            if (position >= pair.ValueStart && position < pair.ValueStart + pair.ValueLength)
            {
                return pair.KeyLength == key.Length && string.Compare(text, pair.KeyStart, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) == 0;
            }
        }

        return false;
    }

    // A release asset or an archive (…/releases/download/…, tool.tar.gz, setup.zip): a file to fetch, not an API.
    private static bool IsDownload(string url)
    {
        if (url.IndexOf("/releases/download/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var end = url.IndexOfAny(QueryOrFragment);
        var path = end < 0 ? url : url.Substring(0, end);
        foreach (var extension in ArchiveExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] QueryOrFragment = { '?', '#' };

    private static readonly string[] ArchiveExtensions =
    {
        ".zip", ".tar.gz", ".tgz", ".tar.xz", ".tar.bz2", ".tar", ".gz", ".xz", ".msi", ".exe", ".deb", ".rpm", ".pkg", ".dmg", ".nupkg", ".jar", ".AppImage",
    };

    // A URL that is project metadata (a $schema, a homepage) or sits in a sentence written for people documents; it is not an endpoint.
    private static bool IsDocumentation(string text, int urlStart, string line, int urlStartInLine, TextFileKind kind, List<KeyValueSpan> pairs)
    {
        // A link's target (href="…" in HTML or JSX, a JSX <Link to={'…'}>, a Markdown [text](…)) is a page for people to
        // open, not an endpoint.
        if (UrlClassifier.IsLinkTarget(text, urlStart))
        {
            return true;
        }

        foreach (var pair in pairs)
        {
            if (urlStart >= pair.ValueStart && urlStart < pair.ValueStart + pair.ValueLength)
            {
                var key = text.Substring(pair.KeyStart, pair.KeyLength);
                // Picture keys only in configuration: in code a product's image URL is data the code may fetch or serve.
                return IsMetadataKey(key) || UrlNames.IsNotEndpointName(key) || (kind != TextFileKind.Code && UrlNames.IsPictureName(key))
                    || UrlClassifier.IsProse(text.Substring(pair.ValueStart, pair.ValueLength))
                    || (kind == TextFileKind.Json && EnclosingJsonKey(text, pair.KeyStart) is { } parent && IsMetadataKey(parent));
            }
        }

        if (kind == TextFileKind.Code)
        {
            // In code only a string literal can be prose: the quoted text around the URL.
            return TryEnclosingQuoted(line, urlStartInLine, out var quoted) && UrlClassifier.IsProse(quoted);
        }

        return UrlClassifier.IsProse(line) || IsMetadataLine(line);
    }

    /// <summary>
    /// The key of the JSON object that holds <paramref name="position"/> (<c>"bugs"</c> for the <c>url</c> of
    /// <c>"bugs": { "url": … }</c>), or null at the top level. Walks back over balanced brackets and strings.
    /// </summary>
    private static string? EnclosingJsonKey(string text, int position)
    {
        var depth = 0;
        var from = position - 1;
        if (from >= 0 && text[from] == '"')
        {
            from--; // the opening quote of the key itself
        }

        for (var i = from; i >= 0; i--)
        {
            var c = text[i];
            if (c == '"')
            {
                i = OpeningQuote(text, i);
                continue;
            }

            if (c == '}' || c == ']')
            {
                depth++;
            }
            else if (c == '{' || c == '[')
            {
                if (depth > 0)
                {
                    depth--;
                    continue;
                }

                var colon = i - 1;
                while (colon >= 0 && char.IsWhiteSpace(text[colon]))
                {
                    colon--;
                }

                if (colon < 1 || text[colon] != ':')
                {
                    return null;
                }

                var close = colon - 1;
                while (close >= 0 && char.IsWhiteSpace(text[close]))
                {
                    close--;
                }

                if (close < 1 || text[close] != '"')
                {
                    return null;
                }

                var open = OpeningQuote(text, close);
                return open < 0 ? null : text.Substring(open + 1, close - open - 1);
            }
        }

        return null;
    }

    // The quote that opens the JSON string closed at closingQuote (skipping escaped quotes), or -1.
    private static int OpeningQuote(string text, int closingQuote)
    {
        for (var j = closingQuote - 1; j >= 0; j--)
        {
            if (text[j] != '"')
            {
                continue;
            }

            var backslashes = 0;
            for (var k = j - 1; k >= 0 && text[k] == '\\'; k--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return j;
            }
        }

        return -1;
    }

    // The quoted text around position: the nearest unescaped quote before it that is closed after it (a message with
    // \`escaped\` quotes inside is still one string).
    private static bool TryEnclosingQuoted(string line, int position, out string quoted)
    {
        quoted = string.Empty;
        for (var open = position - 1; open >= 0; open--)
        {
            var quote = line[open];
            if ((quote != '"' && quote != '\'' && quote != '`') || IsEscaped(line, open))
            {
                continue;
            }

            var close = position;
            while ((close = line.IndexOf(quote, close)) >= 0 && IsEscaped(line, close))
            {
                close++;
            }

            if (close >= 0)
            {
                quoted = line.Substring(open + 1, close - open - 1);
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(string line, int index) => index > 0 && line[index - 1] == '\\';

    private static bool IsMetadataKey(string key)
    {
        // xmlns:ser="http://service.example.com": the prefix after the colon is the namespace's, the attribute an identifier.
        if (key.StartsWith("xmlns", StringComparison.OrdinalIgnoreCase) && (key.Length == 5 || key[5] == ':'))
        {
            return true;
        }

        var last = Math.Max(key.LastIndexOf(':'), key.LastIndexOf('.'));
        var leaf = last >= 0 ? key.Substring(last + 1) : key;
        if (MetadataKeys.Contains(leaf) || leaf.StartsWith("xmlns", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // PackageProjectUrl, RepositoryUrl, PublisherSupportUrl, PrivacyUrl, PackageReleaseNotes: a package's or an
        // app's metadata, by the words of the key.
        return UrlNames.IsMetadataName(leaf);
    }

    private static void ReadXmlPairs(string text, int start, int end, List<KeyValueSpan> pairs)
    {
        // <add key="ClientSecret" value="..."/>: the key attribute names the value attribute.
        KeyValueSpan? addKey = null;
        var position = start;
        while (LineParser.TryReadXmlAttribute(text, position, end, out var attribute))
        {
            position = attribute.ValueStart + attribute.ValueLength + 1;
            if (IsAttribute(text, attribute, "key") || IsAttribute(text, attribute, "name"))
            {
                addKey = attribute;
                continue;
            }

            if (addKey is { } key && IsAttribute(text, attribute, "value"))
            {
                pairs.Add(new KeyValueSpan(key.ValueStart, key.ValueLength, attribute.ValueStart, attribute.ValueLength));
                continue;
            }

            pairs.Add(attribute);
        }

        // <password>...</password>: an element named as a credential.
        if (LineParser.TryReadXmlElement(text, start, end, out var element))
        {
            pairs.Add(element);
        }
    }

    private static bool IsAttribute(string text, KeyValueSpan attribute, string name) =>
        attribute.KeyLength == name.Length && string.Compare(text, attribute.KeyStart, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool MayBeCredentialKey(string key, TextScanSettings settings) =>
        CredentialNames.MayContainCredentialWord(key) || !settings.CredentialKeywords.IsDefaultOrEmpty;

    private static bool Overlaps(List<SecretMatch> secrets, int start, int length)
    {
        foreach (var secret in secrets)
        {
            if (secret.Start < start + length && start < secret.Start + secret.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCommentLine(string text, int first, int end, TextFileKind kind)
    {
        var c = text[first];
        var next = first + 1 < end ? text[first + 1] : '\0';
        switch (kind)
        {
            case TextFileKind.Yaml:
            case TextFileKind.KeyValue:
                return c == '#' || c == ';' || (c == '/' && next == '/');
            case TextFileKind.Json:
                return c == '/' && (next == '/' || next == '*');
            case TextFileKind.Xml:
                // Prose comments arrive blanked (ScriptComments.Xml); what is left of a comment is markup switched off,
                // read on its first line as on the others.
                return false;
            default:
                return c == '#' || (c == '/' && (next == '/' || next == '*')) || c == '*' || (c == '-' && next == '-');
        }
    }

    private static bool IsMetadataLine(string line)
    {
        var colonOrEquals = line.IndexOfAny(Separators);
        if (colonOrEquals <= 0)
        {
            return false;
        }

        return IsMetadataKey(line.Substring(0, colonOrEquals).Trim().Trim('"', '\'', '-', ' ', '{'));
    }

    // write, read, none, inherit, false: the keywords of a workflow's grammar, never a credential's value.
    private static bool IsLowerCaseKeyword(string value)
    {
        if (value.Length == 0 || value[0] < 'a' || value[0] > 'z')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!((c >= 'a' && c <= 'z') || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLockFile(string name) =>
        name.Equals("package-lock.json", StringComparison.OrdinalIgnoreCase)
        || name.Equals("npm-shrinkwrap.json", StringComparison.OrdinalIgnoreCase)
        || name.Equals("yarn.lock", StringComparison.OrdinalIgnoreCase)
        || name.Equals("pnpm-lock.yaml", StringComparison.OrdinalIgnoreCase)
        || name.Equals("packages.lock.json", StringComparison.OrdinalIgnoreCase)
        || name.Equals("composer.lock", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase);
}
