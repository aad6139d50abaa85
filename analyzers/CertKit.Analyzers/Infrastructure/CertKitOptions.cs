using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// The <c>certkit.*</c> keys of .editorconfig / .globalconfig, parsed once per options instance.
/// Roslyn hands out one <see cref="AnalyzerConfigOptions"/> object per distinct configuration, so the cache stays small.
/// </summary>
public sealed class CertKitOptions
{
    public const string AllowedHostsKey = "certkit.allowed_hosts";
    public const string CredentialKeywordsKey = "certkit.credential_keywords";
    public const string PlaceholderPatternsKey = "certkit.placeholder_patterns";
    public const string EntropyThresholdKey = "certkit.entropy_threshold";
    public const string AnalyzeTestProjectsKey = "certkit.analyze_test_projects";
    public const string TokenProtectorsKey = "certkit.token_protectors";
    public const string ConsoleOutputAllowedKey = "certkit.console_output_allowed";

    /// <summary>The scanned repository's folder, set by <c>certkit scan</c> in its global options (paths of file kinds are relative to it).</summary>
    public const string RepositoryRootKey = "certkit.repository_root";

    public static readonly CertKitOptions Default = new(null);

    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, CertKitOptions> Cache = new();

    private CertKitOptions(AnalyzerConfigOptions? options)
    {
        AllowedHosts = ReadList(options, AllowedHostsKey);
        CredentialKeywords = ReadList(options, CredentialKeywordsKey);
        PlaceholderPatterns = ReadList(options, PlaceholderPatternsKey);
        TokenProtectors = ReadList(options, TokenProtectorsKey);
        EntropyThreshold = ReadDouble(options, EntropyThresholdKey);
        AnalyzeTestProjects = ReadBool(options, AnalyzeTestProjectsKey);
        ConsoleOutputAllowed = ReadBool(options, ConsoleOutputAllowedKey);
    }

    /// <summary>Hosts (exact, or <c>*.suffix</c>) that CK1001 accepts.</summary>
    public ImmutableArray<string> AllowedHosts { get; }

    /// <summary>Extra words that mark a name as a credential, added to the built-in list.</summary>
    public ImmutableArray<string> CredentialKeywords { get; }

    /// <summary>Extra placeholder values (exact, case-insensitive; <c>*</c> as a wildcard).</summary>
    public ImmutableArray<string> PlaceholderPatterns { get; }

    /// <summary>Methods (<c>Type.Method</c> or <c>Method</c>) that protect a token before storage.</summary>
    public ImmutableArray<string> TokenProtectors { get; }

    /// <summary>Bits per character above which a literal in a credential context counts as a secret; null: built-in.</summary>
    public double? EntropyThreshold { get; }

    public bool? AnalyzeTestProjects { get; }

    public bool? ConsoleOutputAllowed { get; }

    public static CertKitOptions Get(AnalyzerConfigOptions options) => Cache.GetValue(options, static o => new CertKitOptions(o));

    public static CertKitOptions Get(AnalyzerOptions options, SyntaxTree tree) => Get(options.AnalyzerConfigOptionsProvider.GetOptions(tree));

    public static CertKitOptions Get(AnalyzerOptions options, AdditionalText file) => Get(options.AnalyzerConfigOptionsProvider.GetOptions(file));

    private static ImmutableArray<string> ReadList(AnalyzerConfigOptions? options, string key)
    {
        if (options is null || !options.TryGetValue(key, out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in raw.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }

    private static double? ReadDouble(AnalyzerConfigOptions? options, string key) =>
        options is not null && options.TryGetValue(key, out var raw)
        && double.TryParse(raw.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value > 0
            ? value
            : null;

    private static bool? ReadBool(AnalyzerConfigOptions? options, string key) =>
        options is not null && options.TryGetValue(key, out var raw) && bool.TryParse(raw.Trim(), out var value) ? value : null;
}
