using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>One call of a method of the compilation: the call, its arguments by parameter ordinal, and the method it sits in.</summary>
internal sealed record CallSite(SyntaxNode Node, IReadOnlyDictionary<int, IOperation> Arguments, IMethodSymbol? Caller);

/// <summary>
/// Calls, object creations and assignments of a compilation indexed by name during the extractor's one pass over the syntax;
/// bound only when asked for (the callers of one helper, the writes of one member), then cached.
/// </summary>
internal sealed class CSharpCallSites(Compilation compilation)
{
    private readonly Dictionary<string, List<SyntaxNode>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AssignmentExpressionSyntax>> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<IMethodSymbol, List<CallSite>> _callers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _memberWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>One semantic model per tree, so each method body's operation tree is bound once.</summary>
    public SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
            _models[tree] = model = compilation.GetSemanticModel(tree);
        }

        return model;
    }

    public void Collect(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when CalledName(invocation.Expression) is { } name:
                Add(_calls, name, invocation);
                break;
            case ObjectCreationExpressionSyntax creation:
                Add(_calls, ".ctor:" + SimpleName(creation.Type), creation);
                break;
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                Add(_calls, ".ctor", implicitCreation);
                break;
            case ConstructorInitializerSyntax initializer:
                Add(_calls, ".ctor", initializer);
                break;
            case AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) is { } member:
                Add(_assignments, member, assignment);
                break;
        }
    }

    /// <summary>
    /// The calls of <paramref name="method"/> in the compilation: direct calls, calls through the interface members it
    /// implements and the members it overrides, constructor calls for a constructor.
    /// </summary>
    public IReadOnlyList<CallSite> CallersOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (_callers.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            targets.Add(overridden.OriginalDefinition);
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                {
                    targets.Add(interfaceMethod.OriginalDefinition);
                }
            }
        }

        var result = new List<CallSite>();
        var candidates = new List<SyntaxNode>();
        if (method.MethodKind == MethodKind.Constructor)
        {
            candidates.AddRange(_calls.GetValueOrDefault(".ctor:" + method.ContainingType.Name) ?? []);
            candidates.AddRange(_calls.GetValueOrDefault(".ctor") ?? []);
        }
        else
        {
            candidates.AddRange(_calls.GetValueOrDefault(method.Name) ?? []);
        }

        foreach (var node in candidates)
        {
            var model = Model(node.SyntaxTree);
            var info = model.GetSymbolInfo(node);
            var called = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols is [IMethodSymbol single] ? single : null);
            var offset = called?.ReducedFrom is null ? 0 : 1; // a reduced extension call's receiver is parameter 0
            called = called?.ReducedFrom ?? called;
            if (called is null || !targets.Contains(called.OriginalDefinition))
            {
                continue;
            }

            var arguments = new Dictionary<int, IOperation>();
            var operation = model.GetOperation(node);
            var argumentOperations = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                IExpressionStatementOperation { Operation: IInvocationOperation initializer } => initializer.Arguments,
                _ => default,
            };
            if (!argumentOperations.IsDefault)
            {
                foreach (var argument in argumentOperations)
                {
                    if (argument.Parameter is { } parameter)
                    {
                        arguments[parameter.Ordinal] = argument.Value;
                    }
                }
            }
            else if (ArgumentList(node) is { } list)
            {
                // A call that does not bind cleanly (an argument of a library the compilation lacks): map the arguments by position or name.
                for (var i = 0; i < list.Arguments.Count; i++)
                {
                    var argument = list.Arguments[i];
                    var parameter = argument.NameColon is { } name ? called.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText) : i + offset < called.Parameters.Length ? called.Parameters[i + offset] : null;
                    if (parameter is not null && model.GetOperation(WithoutSuppression(argument.Expression)) is { } value)
                    {
                        arguments[parameter.Ordinal] = value;
                    }
                }
            }

            result.Add(new CallSite(node, arguments, EnclosingMethod(model, node)));
        }

        _callers[method] = result;
        return result;
    }

    /// <summary>Every value assigned to a field or property anywhere in the compilation (its initializer comes separately).</summary>
    public IReadOnlyList<IOperation> WritesOf(ISymbol member)
    {
        member = member.OriginalDefinition;
        if (_memberWrites.TryGetValue(member, out var cached))
        {
            return cached;
        }

        var writes = new List<IOperation>();
        foreach (var assignment in _assignments.GetValueOrDefault(member.Name) ?? [])
        {
            var model = Model(assignment.SyntaxTree);
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol?.OriginalDefinition, member)
                && model.GetOperation(WithoutSuppression(assignment.Right)) is { } value)
            {
                writes.Add(value);
            }
        }

        _memberWrites[member] = writes;
        return writes;
    }

    /// <summary>The method whose parameters a node can read: lambdas are looked through (they capture their method's parameters).</summary>
    public static IMethodSymbol? EnclosingMethod(SemanticModel model, SyntaxNode node)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
        {
            symbol = lambda.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    /// <summary><c>x!</c> has no operation of its own.</summary>
    public static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            expression = suppressed.Operand;
        }

        return expression;
    }

    private static BaseArgumentListSyntax? ArgumentList(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList,
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        ConstructorInitializerSyntax initializer => initializer.ArgumentList,
        _ => null,
    };

    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => SimpleName(qualified.Right),
        GenericNameSyntax generic => generic.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T node)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<T>();
        }

        list.Add(node);
    }
}
