using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Readiness.Checks;

/// <summary>One Adobe Sign base-URI lookup (<c>GET /baseUris</c>, or the SDK's <c>GetBaseUris</c>) and whether it runs before every request.</summary>
internal sealed record BaseUriLookup(string File, int Line, string Method, bool PerRequest, string Why);

/// <summary>
/// Finds Adobe Sign base-URI lookups in C# (syntax only, so half-written code reads too) and judges each: a lookup in the
/// method that sends the requests (it sends another one, or it is a handler's <c>SendAsync</c>), or a call of a lookup
/// helper from such a method, runs before every request unless it is guarded by the cache (a condition on a field or
/// <c>INVALID_API_ACCESS_POINT</c>, <c>??=</c> or <c>??</c> on a field, a <c>catch</c>, <c>Lazy</c> or a cache's
/// <c>GetOrAdd</c>/<c>GetOrCreate</c>, a constructor or an initializer).
/// </summary>
internal static class BaseUriLookups
{
    private static readonly HashSet<string> SendNames = new(StringComparer.Ordinal)
    {
        "SendAsync", "Send", "GetAsync", "PostAsync", "PutAsync", "DeleteAsync", "PatchAsync", "GetStringAsync", "GetStreamAsync",
        "GetByteArrayAsync", "GetFromJsonAsync", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync",
        "Execute", "ExecuteAsync", "ExecuteTaskAsync", "ExecuteGetAsync", "ExecutePostAsync", "GetJsonAsync", "PostJsonAsync",
        "DownloadString", "DownloadStringTaskAsync", "UploadString", "UploadStringTaskAsync", "DownloadData", "UploadData", "GetResponse", "GetResponseAsync",
    };

    private static readonly HashSet<string> CacheCalls = new(StringComparer.Ordinal) { "GetOrAdd", "GetOrCreate", "GetOrCreateAsync", "AddOrUpdate" };

    /// <summary>Whether a text may hold a lookup (the quick filter before parsing).</summary>
    public static bool Mentions(string text) =>
        text.Contains("baseUris", StringComparison.OrdinalIgnoreCase) || text.Contains("base_uris", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lookups of a set of C# files (path → text); helpers and their callers are matched across the files by name.</summary>
    public static IReadOnlyList<BaseUriLookup> Find(IReadOnlyList<(string Path, string Text)> files, CancellationToken cancellationToken)
    {
        var trees = files.Select(file => (file.Path, Root: CSharpSyntaxTree.ParseText(file.Text, cancellationToken: cancellationToken).GetRoot(cancellationToken))).ToList();
        var declared = new HashSet<string>(
            trees.SelectMany(tree => tree.Root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(method => method.Identifier.ValueText)),
            StringComparer.Ordinal);

        // First the direct lookups; a method whose only request is its lookup is a helper, judged where it is called.
        var results = new List<BaseUriLookup>();
        var helpers = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        // A constant or field that only holds the path (const string BaseUris = "/baseUris") is looked up where it is used.
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, root) in trees)
        {
            foreach (var site in DirectLookups(root, declared))
            {
                if (site.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } && variable.Parent?.Parent is FieldDeclarationSyntax)
                {
                    aliases.Add(variable.Identifier.ValueText);
                }
                else if (site.Parent is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property })
                {
                    aliases.Add(property.Identifier.ValueText);
                }
                else if (site.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax getter })
                {
                    aliases.Add(getter.Identifier.ValueText);
                }
            }
        }

        foreach (var (path, root) in trees)
        {
            var sites = DirectLookups(root, declared).Where(site => !IsAliasDeclaration(site))
                .Concat(root.DescendantNodes().OfType<IdentifierNameSyntax>().Where(name => aliases.Contains(name.Identifier.ValueText)));
            foreach (var site in sites)
            {
                var member = Member(site);
                var name = MemberName(member);
                if (Guard(site, member) is { } guard)
                {
                    results.Add(new BaseUriLookup(path, Line(site), name, false, $"GET /baseUris in {name}, {guard}"));
                }
                else if (SendsEveryRequest(member, lookupSends: site is InvocationExpressionSyntax ? 0 : 1))
                {
                    results.Add(new BaseUriLookup(path, Line(site), name, true, $"GET /baseUris in {name}, which sends the requests"));
                }
                else if (member is MethodDeclarationSyntax method)
                {
                    helpers.TryAdd(method.Identifier.ValueText, (path, Line(site)));
                }
                else
                {
                    results.Add(new BaseUriLookup(path, Line(site), name, false, $"GET /baseUris in {name}, which sends no other request"));
                }
            }
        }

        // Then every call of a helper: before every request when the caller sends requests and nothing guards the call.
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, root) in trees)
        {
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (InvokedName(call) is not { } name || !helpers.TryGetValue(name, out var helper))
                {
                    continue;
                }

                var member = Member(call);
                if (member is MethodDeclarationSyntax { Identifier.ValueText: var own } && own == name)
                {
                    continue; // a retry inside the helper itself
                }

                called.Add(name);
                var caller = MemberName(member);
                var where = $"{name} (GET /baseUris at {helper.File}:{helper.Line})";
                if (Guard(call, member) is { } guard)
                {
                    results.Add(new BaseUriLookup(path, Line(call), caller, false, $"{where} called from {caller}, {guard}"));
                }
                else if (SendsEveryRequest(member, lookupSends: 0))
                {
                    results.Add(new BaseUriLookup(path, Line(call), caller, true, $"{caller} calls {where} before every request it sends"));
                }
                else
                {
                    results.Add(new BaseUriLookup(path, Line(call), caller, false, $"{where} called from {caller}, which sends no request itself"));
                }
            }
        }

        foreach (var (name, helper) in helpers.Where(helper => !called.Contains(helper.Key)))
        {
            results.Add(new BaseUriLookup(helper.File, helper.Line, name, false, $"GET /baseUris in {name}, whose callers are not in the code read"));
        }

        return [.. results.OrderBy(result => result.File, StringComparer.Ordinal).ThenBy(result => result.Line)];
    }

    private static bool IsAliasDeclaration(SyntaxNode site) =>
        site.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax }
        || site.Parent is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax };

    /// <summary>String literals naming the baseUris path, and calls of an SDK's GetBaseUris (a method not declared in the code).</summary>
    private static IEnumerable<SyntaxNode> DirectLookups(SyntaxNode root, HashSet<string> declared)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && Mentions(literal.Token.ValueText) && !literal.Ancestors().Any(ancestor => ancestor is AttributeSyntax):
                    yield return literal;
                    break;
                case InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.OfType<InterpolatedStringTextSyntax>().Any(text => Mentions(text.TextToken.ValueText)):
                    yield return interpolated;
                    break;
                case InvocationExpressionSyntax call when InvokedName(call) is { } name && name.StartsWith("GetBaseUri", StringComparison.OrdinalIgnoreCase) && !declared.Contains(name):
                    yield return call;
                    break;
            }
        }
    }

    /// <summary>The code unit a node runs in: a method, accessor, constructor or local function, else the declaration it initialises.</summary>
    private static SyntaxNode Member(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(ancestor => ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
            or FieldDeclarationSyntax or PropertyDeclarationSyntax or TypeDeclarationSyntax) ?? node.SyntaxTree.GetRoot();

    private static string MemberName(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText + " (constructor)",
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        FieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault()?.Identifier.ValueText ?? "a field",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        _ => "top-level code",
    };

    /// <summary>Why the lookup is cached (runs once, or only when the cache is empty or the access point was wrong), or null.</summary>
    private static string? Guard(SyntaxNode site, SyntaxNode member)
    {
        switch (member)
        {
            case ConstructorDeclarationSyntax:
                return "once per client (constructor)";
            case FieldDeclarationSyntax or PropertyDeclarationSyntax:
                return "once (an initializer)";
        }

        var fields = FieldNames(member);
        foreach (var ancestor in site.Ancestors().TakeWhile(ancestor => ancestor != member))
        {
            switch (ancestor)
            {
                case CatchClauseSyntax:
                    return "only after a failed request (catch)";
                case IfStatementSyntax { Condition: var condition } when Mentions(condition, fields) is { } why:
                    return why;
                case ConditionalExpressionSyntax { Condition: var condition } when Mentions(condition, fields) is { } why:
                    return why;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression):
                    return $"cached ({assignment.Left} ??=)";
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) && site.SpanStart >= binary.Right.SpanStart && Reads(binary.Left, fields):
                    return $"cached ({binary.Left} ?? …)";
                case ObjectCreationExpressionSyntax { Type: var type } when type.ToString().StartsWith("Lazy", StringComparison.Ordinal) || type.ToString().StartsWith("AsyncLazy", StringComparison.Ordinal):
                    return "cached (Lazy)";
                case InvocationExpressionSyntax call when InvokedName(call) is { } name && CacheCalls.Contains(name):
                    return $"cached ({name})";
            }
        }

        return null;
    }

    private static string? Mentions(ExpressionSyntax condition, HashSet<string> fields)
    {
        if (condition.ToString().Contains("INVALID_API_ACCESS_POINT", StringComparison.Ordinal))
        {
            return "only on INVALID_API_ACCESS_POINT";
        }

        return Reads(condition, fields) ? $"only when the cache is empty ({condition})" : null;
    }

    /// <summary>Whether an expression reads a field or property of the type (<c>_baseUri</c>, <c>this.baseUri</c>, <c>Cache.Uri</c>).</summary>
    private static bool Reads(ExpressionSyntax expression, HashSet<string> fields) =>
        expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => fields.Contains(name.Identifier.ValueText));

    /// <summary>The fields and properties declared in the type around <paramref name="member"/> (and the types enclosing it).</summary>
    private static HashSet<string> FieldNames(SyntaxNode member)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in member.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
            {
                names.UnionWith(field.Declaration.Variables.Select(variable => variable.Identifier.ValueText));
            }

            names.UnionWith(type.Members.OfType<PropertyDeclarationSyntax>().Select(property => property.Identifier.ValueText));
        }

        return names;
    }

    /// <summary>Whether the member sends requests besides the lookup: another send call, or it is a message handler's SendAsync.</summary>
    private static bool SendsEveryRequest(SyntaxNode member, int lookupSends)
    {
        if (member is MethodDeclarationSyntax { Identifier.ValueText: "SendAsync" or "Send" } method && method.Modifiers.Any(SyntaxKind.OverrideKeyword))
        {
            return true;
        }

        var sends = member.DescendantNodes().OfType<InvocationExpressionSyntax>().Count(IsSend);
        return sends > lookupSends;
    }

    private static bool IsSend(SyntaxNode node) => node is InvocationExpressionSyntax call && InvokedName(call) is { } name && SendNames.Contains(name);

    private static string? InvokedName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax { Name: var name } => name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax { Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
