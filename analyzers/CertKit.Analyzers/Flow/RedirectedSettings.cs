using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CertKit.Analyzers.Infrastructure;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// The application settings (<c>&lt;add key="PayTvBaseUrl" value="https://…/Paytv/" /&gt;</c>) whose every read in the
/// compilation (<c>ConfigurationManager.AppSettings["PayTvBaseUrl"]</c>, <c>WebConfigurationManager.AppSettings[…]</c>)
/// is handed to a browser opening or a redirect (<see cref="BrowserOpenings"/>): directly, or through a local that is only
/// opened. Such a URL is the site's page for a person, the same judgement CK1001 makes of a literal in code, carried to the
/// configuration by the setting's use. Asked only for a configuration URL's key; each key is answered once per compilation,
/// reading only the syntax trees that read application settings and hold the quoted key (their texts found once).
/// </summary>
internal sealed class RedirectedSettings
{
    private static readonly ConditionalWeakTable<Compilation, RedirectedSettings> Cache = new();

    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<string, bool> byKey = new(StringComparer.Ordinal);

    // The trees that read application settings at all, with their text: found once per compilation, so a configuration
    // file with many URL settings costs one pass over the sources, not one per setting. Two threads may both compute it
    // (the same answer); a cancelled computation stores nothing.
    private (SyntaxTree Tree, string Text)[]? settingReaders;

    private RedirectedSettings(Compilation compilation) => this.compilation = compilation;

    public static RedirectedSettings For(Compilation compilation) => Cache.GetValue(compilation, static c => new RedirectedSettings(c));

    /// <summary>True when the setting is read at least once and every read is opened or redirected to.</summary>
    public bool IsOnlyOpened(string key, CancellationToken cancellationToken) => byKey.GetOrAdd(key, k => Compute(k, cancellationToken));

    private bool Compute(string key, CancellationToken cancellationToken)
    {
        var quoted = "\"" + key + "\"";
        var openings = BrowserOpenings.For(compilation);
        var opened = false;
        foreach (var (tree, text) in SettingReaders(cancellationToken))
        {
            if (text.IndexOf(quoted, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not ElementAccessExpressionSyntax access || !IsSettingRead(access, key))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (!IsOpened(access, model, openings, cancellationToken))
                {
                    return false;
                }

                opened = true;
            }
        }

        return opened;
    }

    private (SyntaxTree Tree, string Text)[] SettingReaders(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref settingReaders) is { } known)
        {
            return known;
        }

        var readers = new System.Collections.Generic.List<(SyntaxTree, string)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var text = tree.GetText(cancellationToken).ToString();
            if (text.IndexOf("AppSettings", StringComparison.Ordinal) >= 0)
            {
                readers.Add((tree, text));
            }
        }

        var found = readers.ToArray();
        Volatile.Write(ref settingReaders, found);
        return found;
    }

    // AppSettings["key"]: the indexer of .NET Framework's application settings, by name (it binds in degraded compilations too).
    private static bool IsSettingRead(ElementAccessExpressionSyntax access, string key) =>
        access.ArgumentList.Arguments.Count == 1
        && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
        && literal.Token.ValueText == key
        && ValueTargets.NameOf(access.Expression) == "AppSettings";

    private static bool IsOpened(ElementAccessExpressionSyntax access, SemanticModel model, BrowserOpenings openings, CancellationToken cancellationToken)
    {
        var use = ValueTargets.Climb(access, throughConcatenation: false);
        switch (use.Parent)
        {
            case ArgumentSyntax argument:
                return openings.OpensArgument(argument, model, cancellationToken);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local && BodyOf(declarator) is { } body:
                return openings.OpensLocal(local, body, model, cancellationToken);
            default:
                return false;
        }
    }

    private static SyntaxNode? BodyOf(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }
}
