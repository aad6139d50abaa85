using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>How a value reaches the thing that names it.</summary>
public enum ValueTargetKind
{
    None,

    /// <summary><c>var clientSecret = "...";</c>, a field or a <c>const</c>.</summary>
    Variable,

    /// <summary><c>public string ApiKey { get; } = "...";</c></summary>
    PropertyInitializer,

    /// <summary><c>void Connect(string password = "...")</c></summary>
    ParameterDefault,

    /// <summary><c>ApiKey = "..."</c>, <c>options.ClientSecret = "..."</c>, object initialisers.</summary>
    Assignment,

    /// <summary><c>form["client_secret"] = "..."</c>, <c>{ ["client_secret"] = "..." }</c>.</summary>
    IndexerKey,

    /// <summary><c>Connect(password: "...")</c>.</summary>
    NamedArgument,

    /// <summary>A positional argument; <see cref="ValueTarget.Name"/> is the key when the call looks like <c>Add("key", "value")</c>.</summary>
    PositionalArgument,

    /// <summary><c>{ "client_secret", "..." }</c> collection initialiser pairs.</summary>
    KeyValuePair,

    /// <summary><c>new { client_secret = "..." }</c>.</summary>
    AnonymousMember,

    /// <summary><c>return "...";</c> or <c>=&gt; "..."</c> in a member named <see cref="ValueTarget.Name"/>.</summary>
    Return,

    /// <summary><c>password == "..."</c>, <c>string.Equals("...", password)</c>, <c>password is "..."</c>.</summary>
    Comparison,
}

/// <summary>What a value is assigned, passed, returned or compared to.</summary>
public readonly struct ValueTarget
{
    public ValueTarget(ValueTargetKind kind, string? name, SyntaxNode value, ArgumentSyntax? argument = null)
    {
        Kind = kind;
        Name = name;
        Value = value;
        Argument = argument;
    }

    public ValueTargetKind Kind { get; }

    /// <summary>The identifier, key or member name; null when there is none.</summary>
    public string? Name { get; }

    /// <summary>The outermost expression that carries the value (after parentheses, casts, <c>?:</c>, <c>??</c>).</summary>
    public SyntaxNode Value { get; }

    /// <summary>For arguments: the argument, so the parameter can be looked up only when needed.</summary>
    public ArgumentSyntax? Argument { get; }
}

/// <summary>
/// Finds, by syntax alone, the name a literal is given. Shared by CK1001, CK1002 and their code fix.
/// Only <see cref="GetParameterName"/> touches the semantic model, and callers invoke it last.
/// </summary>
public static class ValueTargets
{
    public static ValueTarget Find(SyntaxNode value, bool throughConcatenation)
    {
        var node = Climb(value, throughConcatenation);
        switch (node.Parent)
        {
            case EqualsValueClauseSyntax equals when equals.Value == node:
                switch (equals.Parent)
                {
                    case VariableDeclaratorSyntax declarator:
                        return new ValueTarget(ValueTargetKind.Variable, declarator.Identifier.ValueText, node);
                    case PropertyDeclarationSyntax property:
                        return new ValueTarget(ValueTargetKind.PropertyInitializer, property.Identifier.ValueText, node);
                    case ParameterSyntax parameter:
                        return new ValueTarget(ValueTargetKind.ParameterDefault, parameter.Identifier.ValueText, node);
                }

                break;

            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                var isIndexer = Unwrap(assignment.Left) is ElementAccessExpressionSyntax or ImplicitElementAccessSyntax;
                var assigned = NameOf(assignment.Left);
                return assigned is null
                    ? default
                    : new ValueTarget(isIndexer ? ValueTargetKind.IndexerKey : ValueTargetKind.Assignment, assigned, node);

            case ArgumentSyntax argument when argument.Expression == node:
                return FromArgument(argument, node);

            case AnonymousObjectMemberDeclaratorSyntax member when member.NameEquals is not null:
                return new ValueTarget(ValueTargetKind.AnonymousMember, member.NameEquals.Name.Identifier.ValueText, node);

            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
                var memberName = EnclosingMemberName(node.Parent);
                return memberName is null ? default : new ValueTarget(ValueTargetKind.Return, memberName, node);

            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                var other = NameOf(binary.Left == node ? binary.Right : binary.Left);
                return other is null ? default : new ValueTarget(ValueTargetKind.Comparison, other, node);

            case ConstantPatternSyntax { Parent: IsPatternExpressionSyntax isPattern }:
                var tested = NameOf(isPattern.Expression);
                return tested is null ? default : new ValueTarget(ValueTargetKind.Comparison, tested, node);

            // switch (password) { case "...": }, password switch { "..." => ... }
            case CaseSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax switchStatement } } label when label.Value == node:
                var switched = NameOf(switchStatement.Expression);
                return switched is null ? default : new ValueTarget(ValueTargetKind.Comparison, switched, node);

            case ConstantPatternSyntax { Parent: CasePatternSwitchLabelSyntax { Parent: SwitchSectionSyntax { Parent: SwitchStatementSyntax patternSwitch } } }:
                var patternSwitched = NameOf(patternSwitch.Expression);
                return patternSwitched is null ? default : new ValueTarget(ValueTargetKind.Comparison, patternSwitched, node);

            case ConstantPatternSyntax { Parent: SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switchExpression } }:
                var governing = NameOf(switchExpression.GoverningExpression);
                return governing is null ? default : new ValueTarget(ValueTargetKind.Comparison, governing, node);

            case InitializerExpressionSyntax initializer
                when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                     && initializer.Expressions.Count == 2
                     && initializer.Expressions[1] == node:
                var key = StringValue(initializer.Expressions[0]);
                return key is null ? default : new ValueTarget(ValueTargetKind.KeyValuePair, key, node);
        }

        return default;
    }

    /// <summary>The name of the parameter an argument binds to (semantic; call it last, for few literals).</summary>
    public static string? GetParameterName(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.NameColon is not null)
        {
            return argument.NameColon.Name.Identifier.ValueText;
        }

        // The called member's symbol and the argument's position answer as the argument's operation would, without building
        // the body's operation tree and its syntax map (GetOperation builds both for the whole member on first use).
        if (argument.Parent is BaseArgumentListSyntax list && list.Parent is { } call
            && call is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or ConstructorInitializerSyntax)
        {
            var info = model.GetSymbolInfo(call, cancellationToken);
            if (info.Symbol is not { } symbol)
            {
                // A call that bound to no member (an unresolved name or type, no applicable overload) is an invalid operation,
                // a dynamic one a dynamic operation: neither has argument operations, so no parameter (common where packages
                // did not resolve).
                if (info.CandidateReason is CandidateReason.None or CandidateReason.OverloadResolutionFailure or CandidateReason.LateBound)
                {
                    return null;
                }

                return model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } unbound } ? unbound.Name : null;
            }

            var parameters = symbol switch
            {
                IMethodSymbol method when call is not ElementAccessExpressionSyntax => method.Parameters,
                IPropertySymbol { IsIndexer: true } indexer => indexer.Parameters,
                _ => default,
            };
            if (!parameters.IsDefault)
            {
                var index = list.Arguments.IndexOf(argument);
                var paramsIndex = parameters.Length > 0 && parameters[parameters.Length - 1].IsParams ? parameters.Length - 1 : int.MaxValue;
                if (index >= 0 && index < parameters.Length && index < paramsIndex)
                {
                    return parameters[index].Name;
                }

                if (index >= parameters.Length && paramsIndex == int.MaxValue)
                {
                    return null;
                }
            }
        }

        // Calls that did not bind to one member, arguments at a params parameter (an element of its expanded form has no
        // parameter of its own), and other argument lists (a primary constructor's base, dynamic calls).
        return model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } ? parameter.Name : null;
    }

    /// <summary>Climbs from a value through parentheses, casts, <c>!</c>, <c>?:</c> branches, <c>??</c> fallbacks (and <c>+</c> when asked).</summary>
    public static SyntaxNode Climb(SyntaxNode value, bool throughConcatenation)
    {
        var node = value;
        if (node is InterpolatedStringTextSyntax && node.Parent is InterpolatedStringExpressionSyntax interpolated)
        {
            node = interpolated;
        }

        while (node.Parent is { } parent)
        {
            var climb = parent switch
            {
                ParenthesizedExpressionSyntax => true,
                CastExpressionSyntax => true,
                PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression),
                ConditionalExpressionSyntax conditional => conditional.Condition != node,
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) => binary.Right == node,
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => throughConcatenation,
                _ => false,
            };

            if (!climb)
            {
                break;
            }

            node = parent;
        }

        return node;
    }

    /// <summary>The name an expression stands for: <c>password</c>, <c>options.ClientSecret</c>, <c>form["client_secret"]</c>, <c>GetApiKey()</c>.</summary>
    public static string? NameOf(ExpressionSyntax? expression)
    {
        switch (Unwrap(expression))
        {
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;
            case GenericNameSyntax generic:
                return generic.Identifier.ValueText;
            case MemberAccessExpressionSyntax memberAccess:
                return memberAccess.Name.Identifier.ValueText;
            case MemberBindingExpressionSyntax memberBinding:
                return memberBinding.Name.Identifier.ValueText;
            case ConditionalAccessExpressionSyntax conditionalAccess:
                return NameOf(conditionalAccess.WhenNotNull);
            case ElementAccessExpressionSyntax elementAccess:
                return SingleStringKey(elementAccess.ArgumentList);
            case ImplicitElementAccessSyntax implicitElementAccess:
                return SingleStringKey(implicitElementAccess.ArgumentList);
            case InvocationExpressionSyntax invocation:
                return WithoutGetPrefix(NameOf(invocation.Expression));
            default:
                return null;
        }
    }

    /// <summary>The value of a plain string literal, or null.</summary>
    public static string? StringValue(ExpressionSyntax? expression) =>
        Unwrap(expression) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

    /// <summary>The attribute a node is an argument of, or null.</summary>
    public static AttributeSyntax? EnclosingAttribute(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AttributeSyntax attribute:
                    return attribute;
                case StatementSyntax:
                case MemberDeclarationSyntax:
                case AccessorDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>GetApiKey</c> reads as <c>ApiKey</c>: the verb says nothing about the value.</summary>
    public static string? WithoutGetPrefix(string? name) =>
        name is not null && name.Length > 3 && name.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(name[3])
            ? name.Substring(3)
            : name;

    private static ValueTarget FromArgument(ArgumentSyntax argument, SyntaxNode value)
    {
        if (argument.NameColon is not null)
        {
            return new ValueTarget(ValueTargetKind.NamedArgument, argument.NameColon.Name.Identifier.ValueText, value, argument);
        }

        // Element access keys are keys, not values.
        if (argument.Parent is not BaseArgumentListSyntax list || list is BracketedArgumentListSyntax)
        {
            if (argument.Parent is TupleExpressionSyntax tuple && tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument)
            {
                var tupleKey = StringValue(tuple.Arguments[0].Expression);
                return tupleKey is null ? default : new ValueTarget(ValueTargetKind.KeyValuePair, tupleKey, value, argument);
            }

            return default;
        }

        var arguments = list.Arguments;
        var index = arguments.IndexOf(argument);

        // string.Equals("...", password), password.Equals("..."), string.Equals(password, "...", StringComparison.Ordinal)
        if (list.Parent is InvocationExpressionSyntax invocation && NameOf(invocation.Expression) == "Equals")
        {
            if (invocation.Expression is MemberAccessExpressionSyntax receiverCall && arguments.Count <= 2 && index == 0
                && receiverCall.Expression is not PredefinedTypeSyntax && NameOf(receiverCall.Expression) is { } receiver
                && receiver != "String" && receiver != "Object")
            {
                return new ValueTarget(ValueTargetKind.Comparison, receiver, value, argument);
            }

            if (arguments.Count >= 2 && index <= 1)
            {
                var compared = NameOf(arguments[1 - index].Expression);
                if (compared is not null)
                {
                    return new ValueTarget(ValueTargetKind.Comparison, compared, value, argument);
                }
            }
        }

        // Add("client_secret", "..."), TryAddWithoutValidation("tppl-api-key", "..."), new AuthenticationHeaderValue("Bearer", "...")
        var pairKey = arguments.Count == 2 && index == 1 ? StringValue(arguments[0].Expression) : null;
        return new ValueTarget(ValueTargetKind.PositionalArgument, pairKey, value, argument);
    }

    private static string? EnclosingMemberName(SyntaxNode? node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case LocalFunctionStatementSyntax localFunction:
                    return WithoutGetPrefix(localFunction.Identifier.ValueText);
                case MethodDeclarationSyntax method:
                    return WithoutGetPrefix(method.Identifier.ValueText);
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string? SingleStringKey(BracketedArgumentListSyntax? arguments) =>
        arguments is { Arguments.Count: 1 } ? StringValue(arguments.Arguments[0].Expression) : null;

    private static ExpressionSyntax? Unwrap(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }
}
