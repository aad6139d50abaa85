using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK1002: a string literal that is not a placeholder, given to something named as a credential (assigned, initialised,
/// passed, returned or compared), plus credentials embedded in a value whatever its name: <c>Password=</c> in connection
/// strings, <c>user:password@</c> in URLs, <c>Basic</c>/<c>Bearer</c> authorization values.
/// Syntax decides almost everything; the semantic model is asked only for the parameter name of a positional argument
/// whose value could be a secret (no white space, four characters or more) passed to a call whose name hints at credentials.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK1002HardcodedCredentialAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the name the whole literal is given, for the code fix.</summary>
    public const string TargetNameProperty = "TargetName";

    private const int MinimumPositionalLength = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ProjectScope.ShouldAnalyze(start.Compilation, start.Options))
            {
                return;
            }

            // Literals the name-based check reports are not reported again by the flow (CredentialFlowAnalyzer).
            var reported = ReportedByName.For(start.Compilation).Literals;
            start.RegisterSyntaxNodeAction(c => AnalyzeLiteral(c, reported), SyntaxKind.StringLiteralExpression);
        });
    }

    /// <summary>
    /// A literal that reaches a credential sink (<see cref="CredentialFlow"/>, run by <see cref="CredentialFlowAnalyzer"/>):
    /// reported at the literal, the sink as an additional location, unless the name-based check reports the literal. At
    /// compilation end that check has run (its findings are in <paramref name="reportedByName"/>); live it may not have yet,
    /// so its verdict is asked directly.
    /// </summary>
    internal static Diagnostic? JudgeFlow(SinkFinding finding, bool live, AnalyzerOptions analyzerOptions, SemanticModel? model, ReportedByName reportedByName, CancellationToken cancellationToken)
    {
        var literal = finding.Literal;
        if (literal.SourceTree is not { } tree || reportedByName.Literals.ContainsKey((tree, literal.SourceSpan)))
        {
            return null;
        }

        if (live && model is not null && tree.GetRoot(cancellationToken).FindNode(literal.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax node
            && node.IsKind(SyntaxKind.StringLiteralExpression) && JudgeLiteral(node, model, analyzerOptions, report: null, cancellationToken))
        {
            return null;
        }

        var sink = finding.Sink;
        if (finding.Text is { } text)
        {
            var options = CertKitOptions.Get(analyzerOptions, tree);
            if (CredentialValues.IsBlank(text) || !CredentialValues.IsHardcodedSecret(sink.NameKind, text, sink.Name, options.PlaceholderPatterns)
                || (sink.TakesOnlyCredentialShapes && !CredentialValues.LooksLikeCredential(text)))
            {
                return null;
            }
        }

        return Diagnostic.Create(
            live ? Descriptors.HardcodedCredentialLocalFlow : Descriptors.HardcodedCredentialFlow,
            literal,
            new[] { sink.Location },
            ImmutableDictionary<string, string?>.Empty.Add(TargetNameProperty, sink.Name),
            sink.Display);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reported)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var found = Found ??= new List<Diagnostic>();
        found.Clear(); // a cancelled judgement may have left some
        if (JudgeLiteral(literal, context.SemanticModel, context.Options, found, context.CancellationToken))
        {
            reported.TryAdd((literal.SyntaxTree, literal.Span), 0);
        }

        foreach (var diagnostic in found)
        {
            context.ReportDiagnostic(diagnostic);
        }

        found.Clear();
    }

    // The findings of the literal being judged, one buffer per thread: a delegate to the context's ReportDiagnostic would box
    // the context for every literal of the compilation.
    [ThreadStatic]
    private static List<Diagnostic>? Found;

    /// <summary>The name-based verdict on one literal: true when it is reported (through <paramref name="report"/> when given).</summary>
    private static bool JudgeLiteral(LiteralExpressionSyntax literal, SemanticModel model, AnalyzerOptions analyzerOptions, List<Diagnostic>? report, CancellationToken cancellationToken)
    {
        var value = literal.Token.ValueText;
        if (CredentialValues.IsBlank(value))
        {
            return false;
        }

        if (ConnectionStrings.MayContainCredential(value) && ReportEmbedded(literal, value, model, analyzerOptions, report, cancellationToken))
        {
            return true;
        }

        var target = ValueTargets.Find(literal, throughConcatenation: false);
        if (target.Kind == ValueTargetKind.None)
        {
            return false;
        }

        var options = CertKitOptions.Get(analyzerOptions, literal.SyntaxTree);
        var name = target.Name;
        var kind = name is null ? CredentialNameKind.None : CredentialNames.Classify(name, options.CredentialKeywords);

        if (target.Kind == ValueTargetKind.PositionalArgument)
        {
            if (name is not null && ConnectionStrings.IsAuthorizationScheme(name))
            {
                // new AuthenticationHeaderValue("Bearer", "..."): the parameter is the token.
                name = name + " credential";
                kind = CredentialNameKind.Credential;
            }
            else if (name is not null && ConnectionStrings.IsAuthorizationHeaderName(name))
            {
                kind = CredentialNameKind.Credential;
            }
            else if (kind == CredentialNameKind.None && target.Argument is not null && value.Length >= MinimumPositionalLength && !CredentialValues.HasWhiteSpace(value)
                     && MayTakeCredential(target.Argument, options))
            {
                // new NetworkCredential(user, "..."), SetApiKey("..."): the parameter names the value.
                name = ValueTargets.GetParameterName(target.Argument, model, cancellationToken);
                kind = name is null ? CredentialNameKind.None : CredentialNames.Classify(name, options.CredentialKeywords);
            }
        }

        if (name is null || !CredentialValues.IsHardcodedSecret(kind, value, name, options.PlaceholderPatterns))
        {
            return false;
        }

        report?.Add(Diagnostic.Create(
            Descriptors.HardcodedCredential,
            literal.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(TargetNameProperty, name),
            name));
        return true;
    }

    // Binding a call to learn its parameter names costs as much as compiling it, so only calls whose method or type name
    // hints at credentials are bound: NetworkCredential, SetApiKey, ClientSecretCredential, HttpBasicAuthenticator, Login,
    // SignIn, Connect. Log.Information("..."), GetSection("..."), Add("...") never are.
    private static bool MayTakeCredential(ArgumentSyntax argument, CertKitOptions options)
    {
        var invoked = argument.Parent?.Parent switch
        {
            InvocationExpressionSyntax invocation => ValueTargets.NameOf(invocation.Expression),
            ObjectCreationExpressionSyntax creation => TypeName(creation.Type),
            _ => null,
        };

        if (invoked is null)
        {
            return false;
        }

        if (CredentialNames.MayContainCredentialWord(invoked)
            || invoked.IndexOf("log", StringComparison.OrdinalIgnoreCase) >= 0
            || invoked.IndexOf("sign", StringComparison.OrdinalIgnoreCase) >= 0
            || invoked.IndexOf("connect", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        foreach (var keyword in options.CredentialKeywords)
        {
            if (invoked.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    // Password= in connection strings, user:password@ in URLs, Basic/Bearer values: credentials whatever the literal is named.
    private static bool ReportEmbedded(LiteralExpressionSyntax literal, string value, SemanticModel model, AnalyzerOptions analyzerOptions, List<Diagnostic>? report, CancellationToken cancellationToken)
    {
        var options = CertKitOptions.Get(analyzerOptions, literal.SyntaxTree);
        var reported = false;
        ValueTarget? target = null;

        var index = 0;
        while (ConnectionStrings.TryFindPassword(value, index, out var credential))
        {
            index = credential.End;
            reported |= ReportEmbeddedCredential(literal, value, model, report, cancellationToken, credential, credential.Key, options, ref target);
        }

        index = 0;
        while (ConnectionStrings.TryFindUrlPassword(value, index, out var credential))
        {
            index = credential.End;
            reported |= ReportEmbeddedCredential(literal, value, model, report, cancellationToken, credential, "URL password", options, ref target);
        }

        if (ConnectionStrings.TryFindAuthorizationCredential(value, out var authorization))
        {
            reported |= ReportEmbeddedCredential(literal, value, model, report, cancellationToken, authorization, "Authorization: " + authorization.Key, options, ref target);
        }

        index = 0;
        while (ConnectionStrings.TryFindUrlPathKey(value, index, out var credential))
        {
            index = credential.End;
            reported |= ReportEmbeddedCredential(literal, value, model, report, cancellationToken, credential, "API key in the URL path", options, ref target);
        }

        return reported;
    }

    private static bool ReportEmbeddedCredential(
        LiteralExpressionSyntax literal,
        string value,
        SemanticModel model,
        List<Diagnostic>? report,
        CancellationToken cancellationToken,
        EmbeddedCredential credential,
        string displayName,
        CertKitOptions options,
        ref ValueTarget? target)
    {
        if (Placeholders.IsPlaceholder(credential.Value, credential.Key, options.PlaceholderPatterns))
        {
            return false;
        }

        if (target is null)
        {
            target = ValueTargets.Find(literal, throughConcatenation: true);
        }

        var targetName = target.Value.Name;
        if (target.Value.Argument is not null && targetName is null)
        {
            targetName = ValueTargets.GetParameterName(target.Value.Argument, model, cancellationToken);
        }

        if (ValueTargets.EnclosingAttribute(literal) is not null || DescribesText(targetName))
        {
            return false;
        }

        report?.Add(Diagnostic.Create(
            Descriptors.HardcodedCredential,
            LiteralLocations.Locate(literal.Token, value, credential.Start, credential.Length),
            ImmutableDictionary<string, string?>.Empty.Add(TargetNameProperty, targetName ?? displayName),
            displayName));
        return true;
    }

    // A regex pattern, a template or a sample: "password=([^;]+)" there is text about connection strings, not one. A composite
    // format is not among them: its literal text is as hardcoded as any literal, only its {0} placeholders vary (and a
    // placeholder is never a credential): string.Format("http://www.thetvdb.com/api/1D62F2F90030C444/series/{0}", id).
    private static bool DescribesText(string? name)
    {
        if (name is null)
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(name))
        {
            switch (word)
            {
                case "pattern":
                case "regex":
                case "template":
                case "example":
                case "sample":
                case "expression":
                    return true;
            }
        }

        return false;
    }
}
