using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>Small operation-tree helpers both directions of the flow engine use.</summary>
internal static class OperationTree
{
    /// <summary>The operation under conversions and argument wrappers.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// A slot in 0..<paramref name="slots"/>-1 (a power of two) for the body <paramref name="root"/>, from where its syntax
    /// starts (bodies that share one share the slot: it keeps several), which costs less than an identity hash (the slow
    /// path whenever the object's header holds a lock).
    /// </summary>
    public static int Slot(IOperation root, int slots) => (int)(((uint)root.Syntax.FullSpan.Start * 2654435769u) >> 24) & (slots - 1);

    /// <summary>The root of the operation tree (the member body) <paramref name="operation"/> belongs to.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>A literal, <c>default</c>, <c>null</c> or any other constant.</summary>
    public static bool IsLiteralOrNull(IOperation operation) =>
        Unwrap(operation) is ILiteralOperation or IDefaultValueOperation || Unwrap(operation).ConstantValue.HasValue;
}
