using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// Follows a C# URI expression to a <see cref="UriValue"/>: literals and constants, interpolations and concatenations (the
/// non-constant parts become holes), <c>new Uri(base, relative)</c>, locals and fields to their initializers, options
/// properties to their configuration key (<c>Venafi:BaseUrl</c>), <c>IConfiguration["A:B"]</c>, environment variables, and
/// an HttpClient's <c>BaseAddress</c> to what was assigned to it. Null when the expression cannot be followed.
/// </summary>
internal sealed class CSharpUriResolver(Compilation compilation, CSharpBaseAddresses baseAddresses)
{
    private const int MaxDepth = 8;

    public UriValue? Resolve(ExpressionSyntax expression, SemanticModel model) => Resolve(expression, model, 0);

    private UriValue? Resolve(ExpressionSyntax expression, SemanticModel model, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        expression = Unwrap(expression);
        var constant = model.GetConstantValue(expression);
        if (constant.HasValue)
        {
            return constant.Value is string text ? UriValue.Literal(text) : null;
        }

        switch (expression)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce:
                return Resolve(coalesce.Left, model, depth + 1) ?? (coalesce.Right is ThrowExpressionSyntax ? null : Resolve(coalesce.Right, model, depth + 1));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                return Part(add.Left, model, depth, first: true).Append(Part(add.Right, model, depth, first: false));
            case InterpolatedStringExpressionSyntax interpolated:
                return Interpolate(interpolated, model, depth);
            case BaseObjectCreationExpressionSyntax creation when IsUri(model.GetTypeInfo(creation).Type) && creation.ArgumentList is { } arguments:
                return ResolveUriCreation(arguments.Arguments, model, depth);
            case InvocationExpressionSyntax invocation:
                return ResolveInvocation(invocation, model, depth);
            case ElementAccessExpressionSyntax element:
                return ConfigurationKey(element, model);
        }

        var symbol = model.GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case IPropertySymbol { Name: "BaseAddress" } property when IsHttpClient(property.ContainingType) && expression is MemberAccessExpressionSyntax access:
                return baseAddresses.Of(model.GetSymbolInfo(access.Expression).Symbol, expression);
            case IPropertySymbol property when IsOptionsType(property.ContainingType):
                return UriValue.FromBase(OptionsSection(property.ContainingType) + ":" + property.Name);
            case ILocalSymbol or IFieldSymbol when Initializer(symbol) is { } initializer:
                var initializerModel = compilation.GetSemanticModel(initializer.SyntaxTree);
                return Resolve(initializer, initializerModel, depth + 1);
            case IParameterSymbol or IPropertySymbol or IFieldSymbol or ILocalSymbol:
                return UriValue.FromSymbol(symbol.ContainingType is { } type && symbol is not ILocalSymbol and not IParameterSymbol ? type.Name + "." + symbol.Name : symbol.Name);
        }

        return null;
    }

    /// <summary>The name a hole gets for a non-constant part: the innermost argument or member name.</summary>
    public static string HoleName(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        return expression switch
        {
            InvocationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => HoleName(first.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => PathTemplate.HoleName(member.Name.Identifier.ValueText),
            MemberAccessExpressionSyntax member => PathTemplate.HoleName(member.Name.Identifier.ValueText),
            IdentifierNameSyntax identifier => PathTemplate.HoleName(identifier.Identifier.ValueText),
            ElementAccessExpressionSyntax element => HoleName(element.Expression),
            _ => "value",
        };
    }

    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case CheckedExpressionSyntax @checked:
                    expression = @checked.Expression;
                    continue;
                default:
                    return expression;
            }
        }
    }

    public static bool IsHttpClient(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "HttpClient", ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUri(ITypeSymbol? type) => type is { Name: "Uri", ContainingNamespace.Name: "System" };

    /// <summary>A part of a concatenation: followed when constant (or when it is the leading base), else a hole.</summary>
    private UriValue Part(ExpressionSyntax expression, SemanticModel model, int depth, bool first)
    {
        var resolved = Resolve(expression, model, depth + 1);
        return resolved is not null && (resolved.Base is null || first) ? resolved : UriValue.Literal("{" + HoleName(expression) + "}");
    }

    private UriValue Interpolate(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, int depth)
    {
        UriValue? value = null;
        foreach (var content in interpolated.Contents)
        {
            var part = content switch
            {
                InterpolatedStringTextSyntax text => UriValue.Literal(text.TextToken.ValueText),
                InterpolationSyntax hole => Constant(hole.Expression, model) ?? HoleOrBase(hole.Expression, model, depth, isFirst: value is null),
                _ => UriValue.Literal(string.Empty),
            };
            value = value is null ? part : value.Append(part);
        }

        return value ?? UriValue.Literal(string.Empty);
    }

    private UriValue HoleOrBase(ExpressionSyntax expression, SemanticModel model, int depth, bool isFirst)
    {
        // A leading base address (a Uri or a configured URL) stays the base; anything else in the path is a template hole.
        if (isFirst && Resolve(expression, model, depth + 1) is { Base: not null } resolved && (IsUri(model.GetTypeInfo(expression).Type) || LooksLikeAddress(resolved.Base)))
        {
            return resolved;
        }

        return UriValue.Literal("{" + HoleName(expression) + "}");
    }

    private static bool LooksLikeAddress(string source) =>
        source.Contains("Url", StringComparison.OrdinalIgnoreCase) || source.Contains("Uri", StringComparison.OrdinalIgnoreCase)
        || source.Contains("Address", StringComparison.OrdinalIgnoreCase) || source.Contains("Host", StringComparison.OrdinalIgnoreCase)
        || source.Contains("Endpoint", StringComparison.OrdinalIgnoreCase);

    private static UriValue? Constant(ExpressionSyntax expression, SemanticModel model) =>
        model.GetConstantValue(expression) is { HasValue: true, Value: string text } ? UriValue.Literal(text) : null;

    private UriValue? ResolveUriCreation(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, int depth)
    {
        if (arguments.Count == 0)
        {
            return null;
        }

        var first = Resolve(arguments[0].Expression, model, depth + 1);
        if (arguments.Count == 1 || !IsUri(model.GetTypeInfo(arguments[0].Expression).Type))
        {
            return first; // new Uri(string) or new Uri(string, UriKind)
        }

        var relative = Resolve(arguments[1].Expression, model, depth + 1) ?? UriValue.Literal("{" + HoleName(arguments[1].Expression) + "}");
        if (first is null)
        {
            return new UriValue(null, relative.Text); // a base address nothing in the code sets: the path is still known
        }

        var (origin, path) = relative.Resolve(first);
        return new UriValue(origin, path);
    }

    private UriValue? ResolveInvocation(InvocationExpressionSyntax invocation, SemanticModel model, int depth)
    {
        var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
        var name = method?.Name ?? (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
        var arguments = invocation.ArgumentList.Arguments;
        switch (name)
        {
            case "GetEnvironmentVariable" when arguments.Count > 0 && Constant(arguments[0].Expression, model) is { } variable:
                return UriValue.FromBase("env:" + variable.Text);
            case "GetValue" or "GetConnectionString" when arguments.Count > 0 && Constant(arguments[^1].Expression, model) is { } key && IsConfiguration(invocation, model):
                return UriValue.FromBase(SectionPrefix(invocation.Expression, model) + key.Text);
            case "ToString" or "TrimEnd" or "TrimStart" or "Trim" when invocation.Expression is MemberAccessExpressionSyntax access:
                return Resolve(access.Expression, model, depth + 1);
            case "Combine" when arguments.Count > 1:
                var value = Part(arguments[0].Expression, model, depth, first: true);
                for (var i = 1; i < arguments.Count; i++)
                {
                    var next = Part(arguments[i].Expression, model, depth, first: false);
                    value = value.Append(value.Text.EndsWith('/') || next.Text.StartsWith('/') ? next : UriValue.Literal("/" + next.Text));
                }

                return value;
            case "Format" when arguments.Count > 1 && Constant(arguments[0].Expression, model) is { } format:
                var text = format.Text;
                for (var i = 1; i < arguments.Count; i++)
                {
                    text = text.Replace("{" + (i - 1) + "}", "{" + HoleName(arguments[i].Expression) + "}", StringComparison.Ordinal);
                }

                return UriValue.Literal(text);
        }

        return null;
    }

    private UriValue? ConfigurationKey(ElementAccessExpressionSyntax element, SemanticModel model)
    {
        if (element.ArgumentList.Arguments is [var argument] && Constant(argument.Expression, model) is { } key && IsConfiguration(element, model))
        {
            return UriValue.FromBase(SectionPrefix(element.Expression, model) + key.Text);
        }

        return null;
    }

    private static bool IsConfiguration(ExpressionSyntax expression, SemanticModel model)
    {
        var receiver = expression switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
            ElementAccessExpressionSyntax element => element.Expression,
            _ => null,
        };
        if (receiver is null)
        {
            return false;
        }

        var type = model.GetTypeInfo(receiver).Type;
        // Unbound (no Microsoft.Extensions.Configuration reference) or IConfiguration/IConfigurationSection/IConfigurationRoot.
        return type is null or IErrorTypeSymbol || type.Name.StartsWith("IConfiguration", StringComparison.Ordinal) || type.AllInterfaces.Any(i => i.Name == "IConfiguration");
    }

    /// <summary><c>configuration.GetSection("Venafi")["BaseUrl"]</c> reads <c>Venafi:BaseUrl</c>.</summary>
    private static string SectionPrefix(ExpressionSyntax expression, SemanticModel model)
    {
        var receiver = expression is MemberAccessExpressionSyntax access ? access.Expression : expression;
        if (Unwrap(receiver) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" } inner } section
            && section.ArgumentList.Arguments is [var argument]
            && model.GetConstantValue(argument.Expression) is { HasValue: true, Value: string name })
        {
            return SectionPrefix(inner, model) + name + ":";
        }

        return string.Empty;
    }

    private static bool IsOptionsType(INamedTypeSymbol? type) =>
        type is not null && type.Locations.Any(l => l.IsInSource)
        && (type.Name.EndsWith("Options", StringComparison.Ordinal) || type.Name.EndsWith("Settings", StringComparison.Ordinal) || type.Name.EndsWith("Configuration", StringComparison.Ordinal) || OptionsSectionConstant(type) is not null);

    /// <summary>The configuration section an options class binds to: its SectionName constant, else its name without "Options".</summary>
    private static string OptionsSection(INamedTypeSymbol type)
    {
        if (OptionsSectionConstant(type) is { } constant)
        {
            return constant;
        }

        foreach (var suffix in (string[])["Options", "Settings", "Configuration"])
        {
            if (type.Name.Length > suffix.Length && type.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return type.Name[..^suffix.Length];
            }
        }

        return type.Name;
    }

    private static string? OptionsSectionConstant(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value, Name: "SectionName" or "Section" or "ConfigurationSection" or "SectionKey" })
            {
                return value;
            }
        }

        return null;
    }

    private static ExpressionSyntax? Initializer(ISymbol symbol)
    {
        // Only symbols with one declaration and an initializer: a readonly field, a local (assignments later are not followed).
        if (symbol is IFieldSymbol { IsReadOnly: false, IsConst: false } || symbol.DeclaringSyntaxReferences is not [var reference])
        {
            return null;
        }

        return reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value } ? value : null;
    }
}
