using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Infrastructure;

/// <summary>
/// Decides whether code only runs in development: inside <c>#if DEBUG</c>, inside a <c>[Conditional("DEBUG")]</c> method,
/// in the true branch of an <c>IsDevelopment()</c> check (directly or through a local bool derived from one),
/// or after an early exit such as <c>if (!env.IsDevelopment()) return;</c>.
/// Called only where a rule has already found something to report, so it may look around; it never walks the whole tree.
/// </summary>
internal static class DevelopmentGuards
{
    private const string DevelopmentEnvironmentName = "Development";
    private const int MaxLocalDepth = 3;

    public static bool IsDevelopmentOnly(IOperation operation, CancellationToken cancellationToken)
    {
        var syntax = operation.Syntax;
        if (IsInsideDebugDirective(syntax, cancellationToken))
        {
            return true;
        }

        if (operation.SemanticModel is { } model && IsInsideDebugConditionalMethod(model, syntax.SpanStart, cancellationToken))
        {
            return true;
        }

        return IsGuardedByDevelopmentCheck(operation);
    }

    /// <summary>True when the node sits in a <c>#if DEBUG</c> region (or <c>#else</c> of <c>#if !DEBUG</c>) and DEBUG is defined.</summary>
    public static bool IsInsideDebugDirective(SyntaxNode node, CancellationToken cancellationToken)
    {
        var root = node.SyntaxTree.GetRoot(cancellationToken);
        if (!root.ContainsDirectives)
        {
            return false;
        }

        var position = node.SpanStart;
        List<ConditionalFrame>? frames = null;
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    frames ??= new List<ConditionalFrame>();
                    var excludes = ExcludesDebug(ifDirective.Condition);
                    frames.Add(new ConditionalFrame(RequiresDebug(ifDirective.Condition), excludes));
                    break;
                case ElifDirectiveTriviaSyntax elifDirective when frames is { Count: > 0 }:
                    var elifFrame = frames[frames.Count - 1];
                    frames[frames.Count - 1] = new ConditionalFrame(RequiresDebug(elifDirective.Condition) || elifFrame.IfExcludesDebug, elifFrame.IfExcludesDebug);
                    break;
                case ElseDirectiveTriviaSyntax when frames is { Count: > 0 }:
                    var elseFrame = frames[frames.Count - 1];
                    frames[frames.Count - 1] = new ConditionalFrame(elseFrame.IfExcludesDebug, elseFrame.IfExcludesDebug);
                    break;
                case EndIfDirectiveTriviaSyntax when frames is { Count: > 0 }:
                    frames.RemoveAt(frames.Count - 1);
                    break;
            }
        }

        if (frames is null)
        {
            return false;
        }

        foreach (var frame in frames)
        {
            if (frame.BranchNeedsDebug)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True inside a method (or a lambda/local function in one) marked <c>[Conditional("DEBUG")]</c>: its calls vanish from Release builds.</summary>
    public static bool IsInsideDebugConditionalMethod(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(position, cancellationToken); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is not IMethodSymbol method)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ConditionalAttribute" } attributeClass
                    && SymbolNames.NamespaceIs(attributeClass.ContainingNamespace, "System.Diagnostics")
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string symbolName
                    && string.Equals(symbolName, "DEBUG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Walks up the operation tree (through lambdas) looking for a development check that governs <paramref name="operation"/>.</summary>
    public static bool IsGuardedByDevelopmentCheck(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when !ReferenceEquals(child, conditional.Condition):
                    if (ReferenceEquals(child, conditional.WhenTrue) && ImpliesDevelopment(conditional.Condition, 0))
                    {
                        return true;
                    }

                    if (ReferenceEquals(child, conditional.WhenFalse) && ImpliesNotDevelopment(conditional.Condition, 0))
                    {
                        return true;
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction
                    when ReferenceEquals(child, conjunction.RightOperand) && ImpliesDevelopment(conjunction.LeftOperand, 0):
                    return true;
                case IBlockOperation block when HasEarlyExitForNonDevelopment(block, child):
                    return true;
                case ISwitchCaseOperation switchCase when IsDevelopmentCase(switchCase):
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>switch (env.EnvironmentName) { case "Development": ... }</c>: a case whose only labels name Development.</summary>
    private static bool IsDevelopmentCase(ISwitchCaseOperation switchCase)
    {
        if (switchCase.Parent is not ISwitchOperation { Value: { } value } || !IsEnvironmentNameRead(Unwrap(value)) || switchCase.Clauses.IsEmpty)
        {
            return false;
        }

        foreach (var clause in switchCase.Clauses)
        {
            if (clause is not ISingleValueCaseClauseOperation { Value: { } label } || !IsDevelopmentName(label))
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>True when the value is only true in the Development environment.</summary>
    public static bool ImpliesDevelopment(IOperation? condition, int depth)
    {
        switch (condition)
        {
            case IConversionOperation conversion:
                return ImpliesDevelopment(conversion.Operand, depth);
            case IParenthesizedOperation parenthesized:
                return ImpliesDevelopment(parenthesized.Operand, depth);
            case IInvocationOperation invocation:
                return IsDevelopmentCheck(invocation);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return ImpliesNotDevelopment(negation.Operand, depth);
            case IBinaryOperation binary:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.ConditionalAnd:
                    case BinaryOperatorKind.And:
                        return ImpliesDevelopment(binary.LeftOperand, depth) || ImpliesDevelopment(binary.RightOperand, depth);
                    case BinaryOperatorKind.ConditionalOr:
                    case BinaryOperatorKind.Or:
                        return ImpliesDevelopment(binary.LeftOperand, depth) && ImpliesDevelopment(binary.RightOperand, depth);
                    case BinaryOperatorKind.Equals:
                        return IsEnvironmentNameComparison(binary);
                    default:
                        return false;
                }

            case ILocalReferenceOperation local:
                return depth < MaxLocalDepth && ImpliesDevelopment(LocalInitializer(local), depth + 1);
            default:
                return false;
        }
    }

    /// <summary>True when the value is only true outside the Development environment.</summary>
    public static bool ImpliesNotDevelopment(IOperation? condition, int depth)
    {
        switch (condition)
        {
            case IConversionOperation conversion:
                return ImpliesNotDevelopment(conversion.Operand, depth);
            case IParenthesizedOperation parenthesized:
                return ImpliesNotDevelopment(parenthesized.Operand, depth);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return ImpliesDevelopment(negation.Operand, depth);
            case IBinaryOperation binary:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.ConditionalOr:
                    case BinaryOperatorKind.Or:
                        return ImpliesNotDevelopment(binary.LeftOperand, depth) || ImpliesNotDevelopment(binary.RightOperand, depth);
                    case BinaryOperatorKind.ConditionalAnd:
                    case BinaryOperatorKind.And:
                        return ImpliesNotDevelopment(binary.LeftOperand, depth) && ImpliesNotDevelopment(binary.RightOperand, depth);
                    case BinaryOperatorKind.NotEquals:
                        return IsEnvironmentNameComparison(binary);
                    default:
                        return false;
                }

            case ILocalReferenceOperation local:
                return depth < MaxLocalDepth && ImpliesNotDevelopment(LocalInitializer(local), depth + 1);
            default:
                return false;
        }
    }

    /// <summary><c>IsDevelopment()</c> (any receiver, any extension class) or <c>IsEnvironment("Development")</c>.</summary>
    private static bool IsDevelopmentCheck(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        if (string.Equals(method.Name, "IsDevelopment", StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(method.Name, "IsEnvironment", StringComparison.Ordinal))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && IsDevelopmentName(argument.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>env.EnvironmentName == "Development"</c> (or <c>!=</c>, the caller knows which).</summary>
    private static bool IsEnvironmentNameComparison(IBinaryOperation binary) =>
        (IsDevelopmentName(binary.LeftOperand) && IsEnvironmentNameRead(binary.RightOperand))
        || (IsDevelopmentName(binary.RightOperand) && IsEnvironmentNameRead(binary.LeftOperand));

    private static bool IsEnvironmentNameRead(IOperation operation) =>
        operation is IPropertyReferenceOperation { Property.Name: "EnvironmentName" };

    /// <summary>The literal "Development" or <c>Environments.Development</c> / <c>EnvironmentName.Development</c>.</summary>
    private static bool IsDevelopmentName(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return string.Equals(text, DevelopmentEnvironmentName, StringComparison.OrdinalIgnoreCase);
        }

        return operation is IFieldReferenceOperation { Field.Name: DevelopmentEnvironmentName, Field.ContainingType.Name: "Environments" or "EnvironmentName" };
    }

    /// <summary>The initializer of a local declared as <c>var isDev = ...;</c> (the rule assumes it is not reassigned).</summary>
    private static IOperation? LocalInitializer(ILocalReferenceOperation local)
    {
        var references = local.Local.DeclaringSyntaxReferences;
        if (references.Length != 1 || local.SemanticModel is not { } model)
        {
            return null;
        }

        if (references[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } || value.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return model.GetOperation(value);
    }

    /// <summary>An earlier statement of the block such as <c>if (!env.IsDevelopment()) return;</c>.</summary>
    private static bool HasEarlyExitForNonDevelopment(IBlockOperation block, IOperation child)
    {
        foreach (var statement in block.Operations)
        {
            if (ReferenceEquals(statement, child))
            {
                return false;
            }

            if (statement is IConditionalOperation { WhenFalse: null } conditional
                && AlwaysExits(conditional.WhenTrue)
                && ImpliesNotDevelopment(conditional.Condition, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation? operation)
    {
        switch (operation)
        {
            case IReturnOperation:
            case IThrowOperation:
                return true;
            case IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IBlockOperation block when block.Operations.Length > 0:
                return AlwaysExits(block.Operations[block.Operations.Length - 1]);
            default:
                return false;
        }
    }

    private static bool RequiresDebug(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "DEBUG",
        ParenthesizedExpressionSyntax parenthesized => RequiresDebug(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => RequiresDebug(binary.Left) || RequiresDebug(binary.Right),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) => RequiresDebug(binary.Left) && RequiresDebug(binary.Right),
        _ => false,
    };

    private static bool ExcludesDebug(ExpressionSyntax condition) => condition switch
    {
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => RequiresDebug(negation.Operand),
        ParenthesizedExpressionSyntax parenthesized => ExcludesDebug(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => ExcludesDebug(binary.Left) || ExcludesDebug(binary.Right),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) => ExcludesDebug(binary.Left) && ExcludesDebug(binary.Right),
        _ => false,
    };

    private readonly struct ConditionalFrame
    {
        public ConditionalFrame(bool branchNeedsDebug, bool ifExcludesDebug)
        {
            BranchNeedsDebug = branchNeedsDebug;
            IfExcludesDebug = ifExcludesDebug;
        }

        /// <summary>The branch we are in is compiled only when DEBUG is defined.</summary>
        public bool BranchNeedsDebug { get; }

        /// <summary>The <c>#if</c> condition holds only when DEBUG is undefined, so its <c>#else</c> needs DEBUG.</summary>
        public bool IfExcludesDebug { get; }
    }
}
