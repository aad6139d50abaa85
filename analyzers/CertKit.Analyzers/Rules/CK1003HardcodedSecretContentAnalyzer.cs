using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
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
/// CK1003: a literal that is a secret by its content — a known token format, a private key, a signed JWT — whatever it is
/// named, or a high-entropy value given to something named as a credential.
/// </summary>
/// <remarks>
/// Runs on string literals (regular, verbatim, raw, UTF-8), interpolated string text and concatenations of literals.
/// One diagnostic per literal. It is reported on the secret itself when the secret is part of a longer literal whose
/// source text is its value (no escapes): the <c>AccountKey=…</c> of a connection string; otherwise on the literal.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK1003HardcodedSecretContentAnalyzer : DiagnosticAnalyzer
{
    // Below this no format matches and entropy is not judged: most literals stop here.
    private const int MinimumLength = 20;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedSecretContent);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A committed token is a leak wherever it sits: content-based detection runs on test projects too, the
            // key flow (a literal reaching a key parameter, CredentialFlowAnalyzer) only where every rule runs (test
            // fixtures are full of keys).
            if (!ProjectScope.ShouldScanForSecretContent(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(AnalyzeInterpolatedText, SyntaxKind.InterpolatedStringText);
            start.RegisterSyntaxNodeAction(AnalyzeConcatenation, SyntaxKind.AddExpression);
            start.RegisterSyntaxTreeAction(AnalyzeComments);
        });
    }

    /// <summary>
    /// A literal that reaches a cryptographic key or IV (<see cref="CredentialFlow"/>, run by <see cref="CredentialFlowAnalyzer"/>):
    /// reported at the literal, the sink as an additional location.
    /// </summary>
    internal static Diagnostic? JudgeFlow(SinkFinding finding, bool live, AnalyzerOptions analyzerOptions, SemanticModel? model, ReportedByName reportedByName, CancellationToken cancellationToken)
    {
        var literal = finding.Literal;
        if (literal.SourceTree is not { } tree)
        {
            return null;
        }

        // A test's or fixture's key ("correct_secret", "whsec_test_secret" given to HMACSHA256) is test data: there only the
        // content check runs, which still reports a known format or a generated key.
        if (FileClassifier.Classify(ProjectScope.RelativeToProject(tree.FilePath, analyzerOptions)).Kind is FileKind.Test or FileKind.Fixture)
        {
            return null;
        }

        if (finding.Text is { } text)
        {
            // Blank and placeholder keys are not secrets; a known token format is reported by its content already.
            var options = CertKitOptions.Get(analyzerOptions, tree);
            if (CredentialValues.IsBlank(text) || Placeholders.IsPlaceholder(text, finding.Sink.Name, options.PlaceholderPatterns)
                || (text.Length >= MinimumLength && SecretPatterns.TryFindFirst(text, out _)))
            {
                return null;
            }
        }

        return Diagnostic.Create(live ? Descriptors.HardcodedKeyLocalFlow : Descriptors.HardcodedKeyFlow, literal, new[] { finding.Sink.Location }, finding.Sink.Display);
    }

    /// <summary>
    /// A token left in a comment (commented-out code, a note, a doc example) is as leaked as one in a literal: comments
    /// are searched for known formats, private keys and signed JWTs only (no entropy: comments are prose).
    /// </summary>
    /// <remarks>
    /// One anchored search over the file's text, then a look at where each (rare) match sits: walking every trivia of every
    /// tree and copying each comment out cost more than the rest of the rule.
    /// </remarks>
    private static void AnalyzeComments(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken).ToString();
        if (text.Length < MinimumLength)
        {
            return;
        }

        var matches = new List<SecretMatch>();
        SecretPatterns.Find(text, 0, text.Length, matches);
        if (matches.Count == 0)
        {
            return;
        }

        var root = context.Tree.GetRoot(context.CancellationToken);
        foreach (var match in matches)
        {
            var trivia = root.FindTrivia(match.Start);
            if (IsComment(trivia) && trivia.Span.Contains(new TextSpan(match.Start, match.Length)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedSecretContent, Location.Create(context.Tree, new TextSpan(match.Start, match.Length)), match.Kind));
            }
        }
    }

    private static bool IsComment(SyntaxTrivia trivia)
    {
        switch ((SyntaxKind)trivia.RawKind)
        {
            case SyntaxKind.SingleLineCommentTrivia:
            case SyntaxKind.MultiLineCommentTrivia:
            case SyntaxKind.SingleLineDocumentationCommentTrivia:
            case SyntaxKind.MultiLineDocumentationCommentTrivia:
                return true;
            default:
                return false;
        }
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var token = literal.Token;
        if (token.ValueText.Length < MinimumLength || IsConcatenationOperand(literal))
        {
            return;
        }

        AnalyzeValue(context, token.ValueText, token, literal, literal);
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context)
    {
        var text = (InterpolatedStringTextSyntax)context.Node;
        var token = text.TextToken;
        if (token.ValueText.Length < MinimumLength || text.Parent is not InterpolatedStringExpressionSyntax owner)
        {
            return;
        }

        AnalyzeValue(context, token.ValueText, token, text, owner);
    }

    /// <summary>
    /// A chain of <c>+</c> owns its literal operands (the literal callback skips them). When every operand is a literal,
    /// each is checked for a format, then the joined text for a format and for entropy: a token split in two or a PEM key
    /// written one line per literal is one secret. Otherwise each literal is checked alone, entropy included.
    /// </summary>
    private static void AnalyzeConcatenation(SyntaxNodeAnalysisContext context)
    {
        var chain = (BinaryExpressionSyntax)context.Node;
        if (IsConcatenationOperand(chain))
        {
            return;
        }

        var walk = new ChainWalk(ChainWalk.Mode.Measure, context, chain, joined: null);
        walk.Run(chain);
        if (walk.TotalLength < MinimumLength)
        {
            return;
        }

        var allLiterals = walk.AllLiterals;
        walk = new ChainWalk(allLiterals ? ChainWalk.Mode.CheckFormats : ChainWalk.Mode.CheckAll, context, chain, joined: null);
        walk.Run(chain);
        if (walk.Reported || !allLiterals)
        {
            return;
        }

        walk = new ChainWalk(ChainWalk.Mode.Join, context, chain, new StringBuilder(walk.TotalLength));
        walk.Run(chain);
        var value = walk.Joined!.ToString();
        if (SecretPatterns.TryFindFirst(value, out var match) || TryFindInCredentialContext(context, value, chain, out match))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedSecretContent, chain.GetLocation(), match.Kind));
        }
    }

    /// <summary>
    /// Visits the operands of a <c>+</c> chain left to right. Chains nest to the left ((a + b) + c), so the walk goes
    /// down the left spine and back up through parents without recursion: generated code can hold thousands of operands.
    /// It recurses only into a parenthesised chain on the right, as deep as the source nests parentheses.
    /// </summary>
    private struct ChainWalk
    {
        public enum Mode
        {
            Measure,
            CheckFormats,
            CheckAll,
            Join,
        }

        private readonly Mode _mode;
        private readonly SyntaxNodeAnalysisContext _context;
        private readonly ExpressionSyntax _contextExpression;

        public ChainWalk(Mode mode, SyntaxNodeAnalysisContext context, ExpressionSyntax contextExpression, StringBuilder? joined)
        {
            _mode = mode;
            _context = context;
            _contextExpression = contextExpression;
            Joined = joined;
            AllLiterals = true;
            TotalLength = 0;
            Reported = false;
        }

        public bool AllLiterals { get; private set; }

        public int TotalLength { get; private set; }

        public bool Reported { get; private set; }

        public StringBuilder? Joined { get; }

        public void Run(BinaryExpressionSyntax chain)
        {
            var bottom = chain;
            while (SkipParentheses(bottom.Left) is BinaryExpressionSyntax left && left.IsKind(SyntaxKind.AddExpression))
            {
                bottom = left;
            }

            Operand(bottom.Left);
            for (var current = bottom; current is not null; current = current == chain ? null : Up(current))
            {
                Operand(current.Right);
            }
        }

        private static BinaryExpressionSyntax? Up(BinaryExpressionSyntax binary)
        {
            var parent = binary.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent as BinaryExpressionSyntax;
        }

        private void Operand(ExpressionSyntax operand)
        {
            var inner = SkipParentheses(operand);
            if (inner is BinaryExpressionSyntax nested && nested.IsKind(SyntaxKind.AddExpression))
            {
                Run(nested);
                return;
            }

            if (inner is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                AllLiterals = false;
                return;
            }

            var value = literal.Token.ValueText;
            TotalLength += value.Length;
            switch (_mode)
            {
                case Mode.Join:
                    Joined!.Append(value);
                    break;
                case Mode.CheckFormats when value.Length >= MinimumLength && SecretPatterns.TryFindFirst(value, out var match):
                    _context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedSecretContent, LocationOf(literal.Token, literal, value, match), match.Kind));
                    Reported = true;
                    break;
                case Mode.CheckAll when value.Length >= MinimumLength && AnalyzeValue(_context, value, literal.Token, literal, _contextExpression):
                    Reported = true;
                    break;
            }
        }
    }

    /// <summary>Checks one literal's value; <paramref name="contextExpression"/> is what is assigned or passed (the literal, or the chain it is part of).</summary>
    private static bool AnalyzeValue(SyntaxNodeAnalysisContext context, string value, SyntaxToken token, SyntaxNode reportNode, ExpressionSyntax contextExpression)
    {
        if (SecretPatterns.TryFindFirst(value, out var match) || TryFindInCredentialContext(context, value, contextExpression, out match))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HardcodedSecretContent, LocationOf(token, reportNode, value, match), match.Kind));
            return true;
        }

        return false;
    }

    private static bool TryFindInCredentialContext(SyntaxNodeAnalysisContext context, string value, ExpressionSyntax expression, out SecretMatch match)
    {
        match = default;

        // The pure checks first (entropy, exclusions), the name of the target only for values that pass them.
        var options = CertKitOptions.Get(context.Options, context.Node.SyntaxTree);
        if (!Entropy.TryFindHighEntropySecret(value, name: null, options.EntropyThreshold, out match))
        {
            return false;
        }

        var name = FindCredentialName(expression, context.SemanticModel, options.CredentialKeywords, context.CancellationToken);
        if (name is null)
        {
            return false;
        }

        // Now that the name is known: a digest-length hex named as a digest (ClientSecretSha256) is not the secret.
        return Entropy.TryFindHighEntropySecret(value, name, options.EntropyThreshold, out match);
    }

    /// <summary>
    /// The secret's own span when it is part of a longer literal whose source text equals its value; otherwise the literal.
    /// </summary>
    private static Location LocationOf(SyntaxToken token, SyntaxNode reportNode, string value, SecretMatch match)
    {
        if (match.Start == 0 && match.Length == value.Length)
        {
            return reportNode.GetLocation();
        }

        var contentOffset = ContentOffset(token, value);
        if (contentOffset < 0)
        {
            return reportNode.GetLocation();
        }

        var span = new TextSpan(token.SpanStart + contentOffset + match.Start, match.Length);
        return Location.Create(token.SyntaxTree!, span);
    }

    /// <summary>Where the value starts in the token's source text, or -1 when escapes or indentation make the two differ.</summary>
    private static int ContentOffset(SyntaxToken token, string value)
    {
        var text = token.Text;
        if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
        {
            return text.Length == value.Length && string.CompareOrdinal(text, 0, value, 0, value.Length) == 0 ? 0 : -1;
        }

        // Prefix: '@' and the opening quotes; suffix: the closing quotes and an optional u8.
        var prefix = 0;
        while (prefix < text.Length && text[prefix] == '@')
        {
            prefix++;
        }

        var quotes = 0;
        while (prefix + quotes < text.Length && text[prefix + quotes] == '"')
        {
            quotes++;
        }

        // A raw literal of more than one line has indentation removed from its value.
        if (quotes >= 3 && token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            return -1;
        }

        var start = prefix + quotes;
        var suffix = text.Length - start - value.Length;
        if (suffix < quotes || suffix > quotes + 2 || string.CompareOrdinal(text, start, value, 0, value.Length) != 0)
        {
            return -1;
        }

        return start;
    }

    private static bool IsConcatenationOperand(ExpressionSyntax expression)
    {
        var parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression);
    }

    private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }
    /// <summary>
    /// The name a value is given to (<see cref="ValueTargets"/>: variable, property, parameter, named argument, anonymous
    /// member, dictionary key, header name, compared or returning member), when that name is a credential's. A positional
    /// argument is named by the key before it (<c>Headers.Add("tppl-api-key", value)</c>, <c>("Bearer", value)</c>) or,
    /// last and only for high-entropy values, by its parameter.
    /// </summary>
    private static string? FindCredentialName(ExpressionSyntax expression, SemanticModel model, ImmutableArray<string> keywords, CancellationToken cancellationToken)
    {
        var target = ValueTargets.Find(expression, throughConcatenation: false);
        switch (target.Kind)
        {
            case ValueTargetKind.None:
                return null;
            case ValueTargetKind.PositionalArgument:
                if (target.Name is { } key && (ConnectionStrings.IsAuthorizationScheme(key) || Credential(key, keywords) is not null))
                {
                    return key;
                }

                return target.Argument is null ? null : Credential(ValueTargets.GetParameterName(target.Argument, model, cancellationToken), keywords);
            default:
                return Credential(target.Name, keywords);
        }
    }

    private static string? Credential(string? name, ImmutableArray<string> keywords)
    {
        if (name is null || name.Length == 0)
        {
            return null;
        }

        var kind = CredentialNames.Classify(name, keywords);
        return kind == CredentialNameKind.Credential || kind == CredentialNameKind.BareToken ? name : null;
    }
}
