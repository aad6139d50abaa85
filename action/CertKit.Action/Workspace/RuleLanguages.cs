using CertKit.Analyzers;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Workspace;

/// <summary>
/// Which languages each CertKit rule reads, so a verdict can say what it did not see. C#: every rule, through Roslyn.
/// Other languages: the rules that run on them (the text engine's CK1001–CK1004; on JS/TS also CK2001, CK3001, CK3002 and
/// CK4001 through the shared JS/TS reader). When a rule
/// gains a language, this table is the one place to say so.
/// </summary>
internal static class RuleLanguages
{
    private static readonly FileLanguage[] TextEngineLanguages =
    [
        FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript, FileLanguage.Python, FileLanguage.Ruby, FileLanguage.Go,
        FileLanguage.Java, FileLanguage.Kotlin, FileLanguage.Php, FileLanguage.Shell, FileLanguage.PowerShell, FileLanguage.VisualBasic, FileLanguage.FSharp,
    ];

    // The rules with a JS/TS query on the shared JS/TS reader (analyzers/…/Rules/JavaScript).
    private static readonly FileLanguage[] CSharpAndScripts = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript];

    private static readonly Dictionary<string, FileLanguage[]> Table = new(StringComparer.Ordinal)
    {
        [RuleIds.HardcodedUrl] = TextEngineLanguages,
        [RuleIds.HardcodedCredential] = TextEngineLanguages,
        [RuleIds.HardcodedSecretContent] = TextEngineLanguages,
        [RuleIds.HardcodedAdobeSignShard] = TextEngineLanguages,
        // JS/TS through the shared reader (analyzers/CertKit.Analyzers/Rules/JavaScript): the same ids, the same pages.
        [RuleIds.PlaintextTokenStorage] = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript],
        [RuleIds.NonProductionOutput] = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript],
        [RuleIds.SensitiveDataInLogs] = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript],
        [RuleIds.TlsValidationDisabled] = [FileLanguage.CSharp, FileLanguage.JavaScript, FileLanguage.TypeScript],

        // ASP.NET Core's developer exception page, IdentityModel's PII switch …: there is no JS/TS counterpart to look for.
        [RuleIds.DebugFeatureOutsideDevelopment] = [FileLanguage.CSharp],
    };

    // Rules whose C# findings rest on resolved symbols (a type or a call), blind in a compilation that resolves none.
    private static readonly HashSet<string> SymbolBased = new(StringComparer.Ordinal)
    {
        RuleIds.PlaintextTokenStorage, RuleIds.NonProductionOutput, RuleIds.SensitiveDataInLogs, RuleIds.DebugFeatureOutsideDevelopment, RuleIds.TlsValidationDisabled,
    };

    /// <summary>Whether the rule reads files of this language.</summary>
    public static bool Reads(string ruleId, FileLanguage language) =>
        Table.TryGetValue(ruleId, out var languages) && Array.IndexOf(languages, language) >= 0;

    /// <summary>
    /// Whether the rule reads this file: C# through Roslyn; any other file only where the text engine reads its format
    /// (a <c>.psm1</c> is PowerShell, but no rule reads it yet) and the rule runs on its language or on configuration.
    /// </summary>
    public static bool Reads(string ruleId, WorkspaceFile file)
    {
        if (file.IsCSharp)
        {
            return Reads(ruleId, FileLanguage.CSharp);
        }

        if (ruleId == RuleIds.DebugFeatureOutsideDevelopment && file.Language is FileLanguage.JavaScript or FileLanguage.TypeScript)
        {
            return true; // nothing of the kind exists in JS/TS: the rule has nothing there to miss
        }

        if (TextScanner.KindOf(file.RelativePath) == TextFileKind.Unsupported)
        {
            return false;
        }

        return file.Language == FileLanguage.None ? ReadsConfiguration(ruleId) : Reads(ruleId, file.Language);
    }

    /// <summary>Whether the rule reads configuration files (the text engine's rules).</summary>
    public static bool ReadsConfiguration(string ruleId) => Table.TryGetValue(ruleId, out var languages) && ReferenceEquals(languages, TextEngineLanguages);

    /// <summary>Whether the rule's C# findings need a compilation that resolves types.</summary>
    public static bool NeedsSymbols(string ruleId) => SymbolBased.Contains(ruleId);

    /// <summary>Whether the rule finds secrets by their content (so it runs on tests and fixtures by default).</summary>
    public static bool IsContentBased(string ruleId) => ruleId == RuleIds.HardcodedSecretContent;

    /// <summary>Languages a program's shipped code may be written in that count for the rules (shell scripts around a build are not the integration's code).</summary>
    public static bool IsApplicationLanguage(FileLanguage language) => language is not (FileLanguage.None or FileLanguage.Shell);
}
