using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The interprocedural URL resolver: follows a URI (or HTTP method) operation to a <see cref="UriValue"/> through literals and
/// constants, interpolations, concatenation, <c>string.Format</c>/<c>Concat</c>, <c>StringBuilder</c> appends, <c>new Uri(base,
/// relative)</c>, <c>UriBuilder</c>, locals and parameters (the last write before the use), fields and properties (their
/// initializers and every assignment in the compilation; a constructor parameter to the constructor's callers), the return
/// values of methods of the compilation (their parameters bound to the arguments), configuration reads
/// (<c>IConfiguration["A:B"]</c>, options bound from a section → the key) and environment variables. A parameter that
/// decides the endpoint marks the value <see cref="UriValue.NeedsCallers"/>; <see cref="Expand{T}"/> then re-evaluates the
/// call once per call site of the method, several levels up (bounded), so each caller of a request helper gets its row.
/// </summary>
internal sealed class CSharpUrlFlow
{
    private const int MaxDepth = 16;
    private const int MaxChain = 6;
    private const int MaxRowsPerCall = 5_000;
    private const int MaxEvaluationsPerCall = 20_000;
    private const int MaxConstructorCallers = 16;

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "MERGE", "COPY" };

    private static readonly string[] PathLikeNames = ["url", "uri", "path", "endpoint", "resource", "route", "address", "href", "segment", "suffix", "relative"];

    private readonly CSharpCallSites _callSites;
    private readonly CSharpBaseAddresses _baseAddresses;
    private readonly Dictionary<IOperation, Dictionary<ISymbol, List<Write>>> _writes = new();
    private readonly Dictionary<ISymbol, UriValue?> _members = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _resolvingMembers = new(SymbolEqualityComparer.Default);

    public CSharpUrlFlow(CSharpCallSites callSites, CSharpBaseAddresses baseAddresses)
    {
        _callSites = callSites;
        _baseAddresses = baseAddresses;
    }

    /// <summary>Options classes bound from a configuration section (<c>Configure&lt;T&gt;(configuration.GetSection("S"))</c>): type → section.</summary>
    public Dictionary<ITypeSymbol, string> OptionsSections { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>A write of a local or parameter: visible from <see cref="End"/> on; <see cref="Append"/> for <c>+=</c>.</summary>
    private readonly record struct Write(int Start, int End, IOperation Value, bool Append);

    public SemanticModel Model(SyntaxTree tree) => _callSites.Model(tree);

    public IOperation? Operation(ExpressionSyntax expression) => Model(expression.SyntaxTree).GetOperation(CSharpCallSites.WithoutSuppression(expression));

    /// <summary>The frame a call is evaluated in first: its method's parameters unbound, to be bound at its call sites.</summary>
    public CallFrame FrameAt(SyntaxNode node) => CallFrame.Unbound(CSharpCallSites.EnclosingMethod(Model(node.SyntaxTree), node), expandable: true);

    public UriValue? Resolve(IOperation? operation, CallFrame frame) => Resolve(operation, frame, 0);

    /// <summary>An expression outside any request (a base address): resolved where it stands, parameters standing for themselves.</summary>
    public UriValue? Resolve(ExpressionSyntax expression) =>
        Resolve(Operation(expression), CallFrame.Unbound(CSharpCallSites.EnclosingMethod(Model(expression.SyntaxTree), expression), expandable: false), 0);

    /// <summary>
    /// Evaluates a call in its own method, then, while the result needs callers, once per call site of the outermost method
    /// (several levels, bounded; recursion is not followed). Each result comes with its site: the call itself, or the
    /// outermost call site that decided it.
    /// </summary>
    public List<(T Value, SyntaxNode Site)> Expand<T>(SyntaxNode site, Func<CallFrame, T> evaluate, Func<T, bool> needsCallers)
    {
        var method = CSharpCallSites.EnclosingMethod(Model(site.SyntaxTree), site);
        var results = new List<(T, SyntaxNode)>();
        var queue = new Queue<CallSite[]>();
        queue.Enqueue([]);
        var evaluations = 0;
        while (queue.Count > 0 && results.Count < MaxRowsPerCall && evaluations++ < MaxEvaluationsPerCall)
        {
            var chain = queue.Dequeue();
            var value = evaluate(Build(method, chain));
            var outermost = chain.Length == 0 ? method : chain[^1].Caller;
            if (needsCallers(value) && chain.Length < MaxChain && outermost is not null)
            {
                var expanded = false;
                foreach (var caller in _callSites.CallersOf(outermost))
                {
                    if (caller.Caller is not null && (SymbolEqualityComparer.Default.Equals(caller.Caller.OriginalDefinition, method?.OriginalDefinition)
                        || chain.Any(c => SymbolEqualityComparer.Default.Equals(c.Caller?.OriginalDefinition, caller.Caller.OriginalDefinition))))
                    {
                        continue; // recursion: the value does not get more known by going round
                    }

                    queue.Enqueue([.. chain, caller]);
                    expanded = true;
                }

                if (expanded)
                {
                    continue;
                }
            }

            results.Add((value, chain.Length == 0 ? site : chain[^1].Node));
        }

        return results;
    }

    /// <summary>The HTTP method an operation stands for (upper case), or whether only the callers know it.</summary>
    public (string? Verb, bool NeedsCallers) Verb(IOperation? operation, CallFrame frame) => Verb(operation, frame, 0);

    /// <summary>The HTTP method written as <c>Method.Post</c>, <c>HttpMethod.Get</c>, <c>"PATCH"</c> in code that may not bind (RestSharp, Kiota).</summary>
    public static string? VerbFromSyntax(SyntaxNode? syntax)
    {
        switch (syntax)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } access
                when access.Expression.ToString() is var receiver && (receiver.EndsWith("Method", StringComparison.Ordinal) || receiver.EndsWith("Verb", StringComparison.Ordinal)):
                var upper = member.ToUpperInvariant();
                return Verbs.Contains(upper) ? upper : null;
            case LiteralExpressionSyntax { Token.Value: string text } when Verbs.Contains(text.ToUpperInvariant()):
                return text.ToUpperInvariant();
            case CastExpressionSyntax cast:
                return VerbFromSyntax(cast.Expression);
            case ParenthesizedExpressionSyntax parenthesized:
                return VerbFromSyntax(parenthesized.Expression);
            default:
                return null;
        }
    }

    private static CallFrame Build(IMethodSymbol? method, CallSite[] chain)
    {
        var frame = CallFrame.Unbound(chain.Length == 0 ? method : chain[^1].Caller, expandable: true);
        for (var i = chain.Length - 1; i >= 0; i--)
        {
            frame = new CallFrame(i == 0 ? method : chain[i - 1].Caller, chain[i].Arguments, frame, expandable: false);
        }

        return frame;
    }

    private UriValue? Resolve(IOperation? operation, CallFrame frame, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        operation = Strip(operation);
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                string text => UriValue.Literal(text),
                null => null,
                var other => UriValue.Literal(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty),
            };
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return Interpolate(interpolated, frame, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                return Part(add.LeftOperand, frame, depth, leading: true).Append(Part(add.RightOperand, frame, depth, leading: false));
            case ICoalesceOperation coalesce:
                return Resolve(coalesce.Value, frame, depth + 1) ?? (coalesce.WhenNull is IThrowOperation ? null : Resolve(coalesce.WhenNull, frame, depth + 1));
            case IConditionalOperation { WhenFalse: not null } conditional:
                return Informative(Resolve(conditional.WhenTrue, frame, depth + 1), Resolve(conditional.WhenFalse, frame, depth + 1));
            case IObjectCreationOperation creation:
                return Creation(creation, frame, depth);
            case IInvocationOperation invocation:
                return Invocation(invocation, frame, depth);
            case IPropertyReferenceOperation property:
                return Property(property, frame, depth);
            case IFieldReferenceOperation field:
                return Member(field.Field, depth);
            case ILocalReferenceOperation local:
                return TryReaching(local.Local, local, frame, depth, out var written) ? written : UriValue.FromSymbol(local.Local.Name);
            case IParameterReferenceOperation parameter:
                return Parameter(parameter, frame, depth);
            case IInvalidOperation invalid:
                return KiotaTemplate(invalid.Syntax);
            default:
                return null;
        }
    }

    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Of two alternatives (<c>a ? b : c</c>), the one that says something.</summary>
    private static UriValue? Informative(UriValue? first, UriValue? second) =>
        first is null || (first.Base is null && first.Text.Length == 0) || (first.Opaque && second is { Opaque: false }) ? second ?? first : first;

    /// <summary>
    /// A part of a concatenation: the leading part stays what it is (a base address when not literal); a later part is its
    /// literal text, or a hole named after the value (a path parameter of a helper keeps asking for the callers).
    /// </summary>
    private UriValue Part(IOperation operation, CallFrame frame, int depth, bool leading)
    {
        var value = Resolve(operation, frame, depth + 1);
        if (leading)
        {
            // A leading base address (a Uri, a configured URL, a helper's parameter) stays the base; an identifier is a hole.
            if (value is null || (value.Base is not null && !value.NeedsCallers && !IsSystemType(operation.Type, "Uri") && !LooksLikeAddress(value.Base)))
            {
                return LooksLikeAddress(HoleName(operation)) ? UriValue.FromSymbol(HoleName(operation)) : UriValue.Literal("{" + HoleName(operation) + "}");
            }

            return value;
        }

        if (value is null)
        {
            return UriValue.Literal("{" + HoleName(operation) + "}");
        }

        return value.Base is null ? value : new UriValue(null, "{" + HoleName(operation) + "}", NeedsCallers: value.NeedsCallers && IsPathLike(operation));
    }

    private UriValue Interpolate(IInterpolatedStringOperation interpolated, CallFrame frame, int depth)
    {
        UriValue? value = null;
        foreach (var part in interpolated.Parts)
        {
            var next = part switch
            {
                IInterpolatedStringTextOperation text => UriValue.Literal(text.Text.ConstantValue.Value as string ?? string.Empty),
                IInterpolationOperation hole => Part(hole.Expression, frame, depth, leading: value is null),
                _ => UriValue.Literal(string.Empty),
            };
            value = value is null ? next : value.Append(next);
        }

        return value ?? UriValue.Literal(string.Empty);
    }

    private UriValue? Parameter(IParameterReferenceOperation reference, CallFrame frame, int depth)
    {
        var parameter = reference.Parameter;
        if (TryReaching(parameter, reference, frame, depth, out var written))
        {
            return written;
        }

        if (frame.Binds(parameter))
        {
            if (frame.Arguments is { } arguments)
            {
                if (arguments.TryGetValue(parameter.Ordinal, out var argument))
                {
                    return Resolve(argument, frame.Caller!, depth + 1);
                }

                return parameter is { HasExplicitDefaultValue: true, ExplicitDefaultValue: string fallback } ? UriValue.Literal(fallback) : null;
            }

            if (frame.Expandable)
            {
                return UriValue.FromSymbol(parameter.Name, needsCallers: true);
            }
        }

        return UriValue.FromSymbol(parameter.Name);
    }

    /// <summary>The last write of a local or parameter before <paramref name="reference"/> in its method (flow-insensitive).</summary>
    private bool TryReaching(ISymbol symbol, IOperation reference, CallFrame frame, int depth, out UriValue? value) =>
        TryReachingAt(symbol, Root(reference), reference.Syntax.SpanStart, frame, depth, out value);

    private bool TryReachingAt(ISymbol symbol, IOperation root, int position, CallFrame frame, int depth, out UriValue? value)
    {
        value = null;
        if (!WritesIn(root).TryGetValue(symbol, out var writes))
        {
            return false;
        }

        Write? reaching = null;
        foreach (var write in writes)
        {
            if (write.End <= position)
            {
                reaching = write;
            }
        }

        if (reaching is not { } found)
        {
            return false;
        }

        if (!found.Append)
        {
            value = Resolve(found.Value, frame, depth + 1);
            return true;
        }

        var before = TryReachingAt(symbol, root, found.Start, frame, depth + 1, out var earlier) ? earlier
            : symbol is IParameterSymbol && found.Value.Parent is ICompoundAssignmentOperation { Target: { } target } ? Resolve(target, frame, depth + 1) : null;
        value = (before ?? UriValue.FromSymbol(symbol.Name)).Append(Part(found.Value, frame, depth, leading: false));
        return true;
    }

    private Dictionary<ISymbol, List<Write>> WritesIn(IOperation root)
    {
        if (_writes.TryGetValue(root, out var cached))
        {
            return cached;
        }

        var writes = new Dictionary<ISymbol, List<Write>>(SymbolEqualityComparer.Default);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { Value: var initial }:
                    Add(declarator.Symbol, new Write(declarator.Syntax.SpanStart, declarator.Syntax.Span.End, initial, Append: false));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IParameterReferenceOperation } assignment:
                    Add(Target(assignment.Target), new Write(assignment.Syntax.SpanStart, assignment.Syntax.Span.End, assignment.Value, Append: false));
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation or IParameterReferenceOperation } compound:
                    Add(Target(compound.Target), new Write(compound.Syntax.SpanStart, compound.Syntax.Span.End, compound.Value, Append: true));
                    break;
            }
        }

        _writes[root] = writes;
        return writes;

        static ISymbol Target(IOperation target) => target is ILocalReferenceOperation local ? local.Local : ((IParameterReferenceOperation)target).Parameter;

        void Add(ISymbol symbol, Write write)
        {
            if (!writes.TryGetValue(symbol, out var list))
            {
                writes[symbol] = list = new List<Write>();
            }

            list.Add(write);
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private UriValue? Creation(IObjectCreationOperation creation, CallFrame frame, int depth)
    {
        var type = creation.Type;
        var arguments = creation.Arguments;
        if (IsSystemType(type, "Uri"))
        {
            if (arguments.Length == 0)
            {
                return null;
            }

            var first = Resolve(arguments[0].Value, frame, depth + 1);
            if (arguments.Length == 1 || !IsSystemType(arguments[0].Value.Type, "Uri"))
            {
                return first; // new Uri(string) or new Uri(string, UriKind)
            }

            var relative = Resolve(arguments[1].Value, frame, depth + 1) ?? UriValue.Literal("{" + HoleName(arguments[1].Value) + "}");
            if (first is null)
            {
                return new UriValue(null, relative.Text, NeedsCallers: relative.NeedsCallers); // a base address nothing in the code sets: the path is still known
            }

            var (origin, path) = relative.Resolve(first);
            return new UriValue(origin, path, NeedsCallers: first.NeedsCallers || relative.NeedsCallers);
        }

        if (IsSystemType(type, "UriBuilder"))
        {
            var value = arguments.Length == 1 ? Resolve(arguments[0].Value, frame, depth + 1) : null;
            foreach (var initializer in creation.Initializer?.Initializers ?? [])
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Path" } } path)
                {
                    var relative = Resolve(path.Value, frame, depth + 1) ?? UriValue.Literal("{" + HoleName(path.Value) + "}");
                    var (origin, _) = value is null ? (null, string.Empty) : PathTemplate.Split(value.Text);
                    value = new UriValue(value?.Base ?? origin, "/" + relative.Text.TrimStart('/'), NeedsCallers: relative.NeedsCallers || value?.NeedsCallers == true);
                }
            }

            return value;
        }

        return null;
    }

    private UriValue? Invocation(IInvocationOperation invocation, CallFrame frame, int depth)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        var containing = method.ContainingType;
        switch (method.Name)
        {
            case "Format" when containing.SpecialType == SpecialType.System_String:
                return Format(arguments, frame, depth);
            case "Concat" when containing.SpecialType == SpecialType.System_String:
                return Concatenate(arguments.SelectMany(Flatten).ToList(), frame, depth, separator: null);
            case "Combine" when arguments.Count > 1 && (IsSystemType(containing, "Path") || containing.Name == "Url"):
                return Concatenate(arguments.SelectMany(Flatten).ToList(), frame, depth, separator: '/');
            case "EscapeDataString" or "EscapeUriString" or "UrlEncode" or "UrlPathEncode" when arguments.Count > 0:
                return UriValue.Literal("{" + HoleName(arguments[0]) + "}");
            case "GetEnvironmentVariable" when arguments.Count > 0 && Constant(arguments[0]) is { } variable:
                return UriValue.FromBase("env:" + variable);
            case "GetValue" or "GetConnectionString" when arguments.Count > 0 && Constant(arguments[^1]) is { } key && IsConfiguration(invocation.Instance?.Type ?? arguments[0].Type):
                return UriValue.FromBase(SectionPrefix(invocation.Instance ?? arguments[0]) + key);
            case "ToString" when IsSystemType(containing, "StringBuilder") && invocation.Instance is ILocalReferenceOperation builder:
                return Builder(builder, frame, depth);
            case "Replace" when containing.SpecialType == SpecialType.System_String && invocation.Instance is { } template && arguments.Count == 2
                && Constant(arguments[0]) is { } placeholder && placeholder.StartsWith('{') && placeholder.EndsWith('}'):
                // path.Replace("{id}", id): the template keeps its placeholder
                return Resolve(template, frame, depth + 1);
            case "Replace" when containing.SpecialType == SpecialType.System_String && invocation.Instance is { } template && arguments.Count == 2
                && arguments[0] is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                // path.Replace("{" + "agreementId" + "}", …), as swagger-codegen writes it
                return Resolve(template, frame, depth + 1);
            case "ToString" or "Trim" or "TrimEnd" or "TrimStart" or "ToLowerInvariant" or "ToLower" when invocation.Instance is { } instance:
                return Resolve(instance, frame, depth + 1);
        }

        return Returned(invocation, method, frame, depth);
    }

    /// <summary><c>string.Format("{0}/v1/certificates/{1}", baseUrl, id)</c>: the format's text with each placeholder a part.</summary>
    private UriValue? Format(List<IOperation> arguments, CallFrame frame, int depth)
    {
        var formatIndex = arguments.Count > 0 && Constant(arguments[0]) is not null ? 0 : 1;
        if (arguments.Count <= formatIndex || Constant(arguments[formatIndex]) is not { } format)
        {
            return null;
        }

        var values = arguments.Skip(formatIndex + 1).SelectMany(Flatten).ToList();
        UriValue? value = null;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i++;
                continue;
            }

            var close = format[i] == '{' ? format.IndexOf('}', i) : -1;
            if (close > i && int.TryParse(format.AsSpan(i + 1, close - i - 1).ToString().Split(',', ':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < values.Count)
            {
                if (text.Length > 0)
                {
                    value = value is null ? UriValue.Literal(text.ToString()) : value.Append(UriValue.Literal(text.ToString()));
                    text.Clear();
                }

                var part = Part(values[index], frame, depth, leading: value is null);
                value = value is null ? part : value.Append(part);
                i = close;
                continue;
            }

            text.Append(format[i]);
        }

        if (text.Length > 0 || value is null)
        {
            value = value is null ? UriValue.Literal(text.ToString()) : value.Append(UriValue.Literal(text.ToString()));
        }

        return value;
    }

    /// <summary><c>string.Concat</c> and <c>Path.Combine</c>/<c>Url.Combine</c> (joined by <paramref name="separator"/>).</summary>
    private UriValue? Concatenate(List<IOperation> parts, CallFrame frame, int depth, char? separator)
    {
        UriValue? value = null;
        foreach (var operation in parts)
        {
            var part = Part(operation, frame, depth, leading: value is null);
            if (value is not null && separator is { } slash && !value.Text.EndsWith(slash) && !part.Text.StartsWith(slash))
            {
                part = part with { Text = slash + part.Text };
            }

            value = value is null ? part : value.Append(part);
        }

        return value;
    }

    /// <summary>A <c>params</c> array's elements, or the argument itself.</summary>
    private static IEnumerable<IOperation> Flatten(IOperation argument) =>
        argument is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : [argument];

    /// <summary>A <c>StringBuilder</c> local: its initial text, then every <c>Append</c> on it before the <c>ToString</c>, in order.</summary>
    private UriValue? Builder(ILocalReferenceOperation builder, CallFrame frame, int depth)
    {
        var root = Root(builder);
        var position = builder.Syntax.SpanStart;
        var parts = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder.Local)
                && declarator.GetVariableInitializer()?.Value is IObjectCreationOperation { Arguments: [{ Value: var initial }, ..] } && initial.Type?.SpecialType == SpecialType.System_String)
            {
                parts.Add(initial);
            }
            else if (operation is IInvocationOperation { TargetMethod.Name: "Append", Arguments: [{ Value: var appended }, ..] } append
                && append.Syntax.SpanStart < position && ReceiverIs(append.Instance, builder.Local))
            {
                parts.Add(appended);
            }
        }

        parts.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return parts.Count == 0 ? null : Concatenate(parts, frame, depth, separator: null);

        static bool ReceiverIs(IOperation? receiver, ILocalSymbol local)
        {
            while (receiver is IInvocationOperation { TargetMethod.Name: "Append" } chained)
            {
                receiver = chained.Instance;
            }

            return receiver is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
        }
    }

    /// <summary>What a method of the compilation returns, its parameters bound to this call's arguments.</summary>
    private UriValue? Returned(IInvocationOperation invocation, IMethodSymbol method, CallFrame frame, int depth)
    {
        method = method.ReducedFrom ?? method;
        if (method.DeclaringSyntaxReferences is not [var reference] || depth > MaxDepth - 2)
        {
            return null;
        }

        var arguments = new Dictionary<int, IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter)
            {
                arguments[parameter.Ordinal] = argument.Value;
            }
        }

        var callee = new CallFrame(method, arguments, frame, expandable: false);
        UriValue? result = null;
        foreach (var returned in ReturnedExpressions(reference.GetSyntax()).Take(4))
        {
            result = Informative(result, Resolve(Operation(returned), callee, depth + 1));
        }

        return result;
    }

    private static IEnumerable<ExpressionSyntax> ReturnedExpressions(SyntaxNode declaration)
    {
        var (expressionBody, body) = declaration switch
        {
            MethodDeclarationSyntax method => (method.ExpressionBody?.Expression, (SyntaxNode?)method.Body),
            LocalFunctionStatementSyntax local => (local.ExpressionBody?.Expression, local.Body),
            _ => (null, null),
        };
        if (expressionBody is not null)
        {
            yield return expressionBody;
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var node in body.DescendantNodes(n => n is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax { Expression: { } returned })
            {
                yield return returned;
            }
        }
    }

    private UriValue? Property(IPropertyReferenceOperation reference, CallFrame frame, int depth)
    {
        var property = reference.Property;
        var containing = property.ContainingType;
        if (property.IsIndexer)
        {
            return reference.Arguments is [{ Value: var key }] && Constant(key) is { } name && IsConfiguration(containing)
                ? UriValue.FromBase(SectionPrefix(reference.Instance) + name)
                : null;
        }

        if (property.Name == "BaseAddress" && IsHttpClient(containing))
        {
            return _baseAddresses.Of(InstanceSymbol(reference.Instance), reference.Syntax);
        }

        if ((IsSystemType(containing, "Uri") && property.Name is "AbsoluteUri" or "OriginalString") || (IsSystemType(containing, "UriBuilder") && property.Name == "Uri"))
        {
            return reference.Instance is { } instance ? Resolve(instance, frame, depth + 1) : null;
        }

        if (property.Name == "Value" && IsConfiguration(containing) && reference.Instance is IInvocationOperation { TargetMethod.Name: "GetSection", Arguments: [{ Value: var section }, ..] } getSection
            && Constant(section) is { } sectionName)
        {
            return UriValue.FromBase(SectionPrefix(getSection.Instance) + sectionName);
        }

        if (OptionsSection(containing) is { } optionsSection)
        {
            return UriValue.FromBase(optionsSection + ":" + property.Name);
        }

        return Member(property, depth);
    }

    /// <summary>
    /// A field or property of the compilation: its initializer (or getter) and every value assigned to it, each resolved where
    /// it is written (a constructor parameter through the constructor's callers); the first that says something.
    /// </summary>
    private UriValue? Member(ISymbol member, int depth)
    {
        member = member.OriginalDefinition;
        var fallback = UriValue.FromSymbol((member.ContainingType is { } type ? type.Name + "." : string.Empty) + member.Name);
        if (member.DeclaringSyntaxReferences.IsEmpty || depth > MaxDepth - 2)
        {
            return fallback;
        }

        if (_members.TryGetValue(member, out var cached))
        {
            return cached;
        }

        if (!_resolvingMembers.Add(member))
        {
            return fallback;
        }

        UriValue? result = null;
        try
        {
            foreach (var written in Initializers(member).Concat(_callSites.WritesOf(member)))
            {
                result = Informative(result, ResolveWrite(written, depth));
                if (result is { Opaque: false, NeedsCallers: false })
                {
                    break;
                }
            }
        }
        finally
        {
            _resolvingMembers.Remove(member);
        }

        result = result is null or { Opaque: true } ? fallback : result with { NeedsCallers = false };
        _members[member] = result;
        return result;
    }

    private IEnumerable<IOperation> Initializers(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var expression = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax { Initializer.Value: var value } => value,
                PropertyDeclarationSyntax { Initializer.Value: var value } => value,
                PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => value,
                PropertyDeclarationSyntax { AccessorList.Accessors: var accessors } => accessors.FirstOrDefault(a => a.Keyword.IsKind(SyntaxKind.GetKeyword)) is { } getter
                    ? getter.ExpressionBody?.Expression ?? (getter.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null)
                    : null,
                _ => null,
            };
            if (expression is not null && Operation(expression) is { } operation)
            {
                yield return operation;
            }
        }
    }

    /// <summary>A value written to a member: where it is written, or, from a constructor's parameter, at the constructor's callers.</summary>
    private UriValue? ResolveWrite(IOperation written, int depth)
    {
        var method = CSharpCallSites.EnclosingMethod(Model(written.Syntax.SyntaxTree), written.Syntax);
        var value = Resolve(written, CallFrame.Unbound(method, expandable: method?.MethodKind == MethodKind.Constructor), depth + 1);
        if (value is not { NeedsCallers: true } || method is null)
        {
            return value;
        }

        foreach (var caller in _callSites.CallersOf(method).Take(MaxConstructorCallers))
        {
            var bound = Resolve(written, new CallFrame(method, caller.Arguments, CallFrame.Unbound(caller.Caller, expandable: false), expandable: false), depth + 1);
            if (bound is { Opaque: false })
            {
                return bound;
            }
        }

        return value with { NeedsCallers = false };
    }

    private (string? Verb, bool NeedsCallers) Verb(IOperation? operation, CallFrame frame, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return (null, false);
        }

        operation = Strip(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return (Verbs.Contains(text.ToUpperInvariant()) ? text.ToUpperInvariant() : null, false);
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "HttpMethod" } property }:
                return (property.Name.ToUpperInvariant(), false);
            case IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field }:
                return (Verbs.Contains(field.Name.ToUpperInvariant()) ? field.Name.ToUpperInvariant() : null, false);
            case IObjectCreationOperation { Type.Name: "HttpMethod", Arguments: [{ Value: var name }] }:
                return Verb(name, frame, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "ToString" or "ToUpper" or "ToUpperInvariant", Instance: { } instance }:
                return Verb(instance, frame, depth + 1);
            case IInvocationOperation invocation:
                // HttpMethod.Parse("GET"), or a converter of the compilation (HttpMethod → RestSharp.Method): the argument decides.
                foreach (var argument in invocation.Arguments)
                {
                    var found = Verb(argument.Value, frame, depth + 1);
                    if (found.Verb is not null || found.NeedsCallers)
                    {
                        return found;
                    }
                }

                return (null, false);
            case ILocalReferenceOperation local:
                return ReachingVerb(local.Local, local, frame, depth);
            case IParameterReferenceOperation reference:
                if (WritesIn(Root(reference)).ContainsKey(reference.Parameter))
                {
                    return ReachingVerb(reference.Parameter, reference, frame, depth);
                }

                if (frame.Binds(reference.Parameter))
                {
                    if (frame.Arguments is { } arguments)
                    {
                        return arguments.TryGetValue(reference.Parameter.Ordinal, out var argument) ? Verb(argument, frame.Caller!, depth + 1)
                            : reference.Parameter.HasExplicitDefaultValue ? (VerbFromSyntax(DefaultSyntax(reference.Parameter)), false) : (null, false);
                    }

                    return (null, frame.Expandable);
                }

                return (null, false);
            case IFieldReferenceOperation or IPropertyReferenceOperation when (operation as IMemberReferenceOperation)!.Member is { DeclaringSyntaxReferences: [var declaration] }:
                return declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initial } ? Verb(Operation(initial), frame, depth + 1) : (null, false);
            default:
                return (VerbFromSyntax(operation.Syntax), false);
        }
    }

    private (string? Verb, bool NeedsCallers) ReachingVerb(ISymbol symbol, IOperation reference, CallFrame frame, int depth)
    {
        Write? reaching = null;
        if (WritesIn(Root(reference)).TryGetValue(symbol, out var writes))
        {
            foreach (var write in writes)
            {
                if (write.End <= reference.Syntax.SpanStart)
                {
                    reaching = write;
                }
            }
        }

        return reaching is { } found ? Verb(found.Value, frame, depth + 1) : (null, false);
    }

    private static SyntaxNode? DefaultSyntax(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences is [var reference] && reference.GetSyntax() is ParameterSyntax { Default.Value: var value } ? value : null;

    /// <summary>
    /// Kiota request builders pass their URL template to the base constructor (<c>: base(adapter, "{+baseurl}/pets/{id}",
    /// pathParameters)</c>) and read it back as <c>UrlTemplate</c>, a member of the Kiota library (unbound here).
    /// </summary>
    private UriValue? KiotaTemplate(SyntaxNode syntax)
    {
        if (syntax is not IdentifierNameSyntax { Identifier.ValueText: "UrlTemplate" } || syntax.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type)
        {
            return null;
        }

        foreach (var constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
        {
            foreach (var argument in constructor.Initializer?.ArgumentList.Arguments ?? default)
            {
                if (argument.Expression is LiteralExpressionSyntax { Token.Value: string template } && template.StartsWith("{+baseurl}", StringComparison.OrdinalIgnoreCase))
                {
                    return new UriValue("{+baseurl}", StripQueryExpansions(template["{+baseurl}".Length..]));
                }
            }
        }

        return null;
    }

    /// <summary>RFC 6570 query expansions (<c>{?top,skip}</c>, <c>{&amp;x}</c>) are not part of the path.</summary>
    private static string StripQueryExpansions(string template)
    {
        var builder = new System.Text.StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] is '?' or '&')
            {
                var close = template.IndexOf('}', i);
                i = close < 0 ? template.Length : close;
                continue;
            }

            builder.Append(template[i]);
        }

        return builder.ToString();
    }

    private static ISymbol? InstanceSymbol(IOperation? instance) => instance switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static string? Constant(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    private static bool LooksLikeAddress(string source) =>
        source.Contains("Url", StringComparison.OrdinalIgnoreCase) || source.Contains("Uri", StringComparison.OrdinalIgnoreCase)
        || source.Contains("Address", StringComparison.OrdinalIgnoreCase) || source.Contains("Host", StringComparison.OrdinalIgnoreCase)
        || source.Contains("Endpoint", StringComparison.OrdinalIgnoreCase) || source.Contains("BasePath", StringComparison.OrdinalIgnoreCase)
        || source.Contains("AccessPoint", StringComparison.OrdinalIgnoreCase) || source.Contains("Server", StringComparison.OrdinalIgnoreCase)
        || source.Contains("Domain", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("env:", StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal);

    private static bool IsPathLike(IOperation operation)
    {
        if (IsSystemType(operation.Type, "Uri"))
        {
            return true;
        }

        var name = HoleName(operation);
        foreach (var candidate in PathLikeNames)
        {
            if (name.Contains(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a hole gets for a non-constant part: the innermost argument or member name.</summary>
    public static string HoleName(IOperation operation) => operation.Syntax is ExpressionSyntax expression ? HoleName(expression) : "value";

    public static string HoleName(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        return expression switch
        {
            InvocationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } => HoleName(first.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" } member } => HoleName(member.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => PathTemplate.HoleName(member.Name.Identifier.ValueText),
            MemberAccessExpressionSyntax member => PathTemplate.HoleName(member.Name.Identifier.ValueText),
            IdentifierNameSyntax identifier => PathTemplate.HoleName(identifier.Identifier.ValueText),
            ElementAccessExpressionSyntax element => HoleName(element.Expression),
            ConditionalAccessExpressionSyntax conditional => HoleName(conditional.Expression),
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
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
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

    public static bool IsSystemType(ITypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && current.ContainingNamespace?.ToDisplayString() is "System" or "System.Text" or "System.IO" or "System.Net")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConfiguration(ITypeSymbol? type) =>
        type is not null && (type.Name.StartsWith("IConfiguration", StringComparison.Ordinal) || type.AllInterfaces.Any(i => i.Name == "IConfiguration"));

    /// <summary><c>configuration.GetSection("Venafi")["BaseUrl"]</c> reads <c>Venafi:BaseUrl</c>.</summary>
    private static string SectionPrefix(IOperation? receiver)
    {
        if (receiver is not null && Strip(receiver) is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection", Arguments: [.., { Value: var argument }] } section
            && Constant(argument) is { } name)
        {
            var instance = section.Instance ?? (section.Arguments.Length > 1 ? section.Arguments[0].Value : null);
            return SectionPrefix(instance) + name + ":";
        }

        return string.Empty;
    }

    /// <summary>The configuration section an options class binds to, or null when the type is not an options class.</summary>
    private string? OptionsSection(INamedTypeSymbol? type)
    {
        if (type is null || !type.Locations.Any(l => l.IsInSource))
        {
            return null;
        }

        if (OptionsSections.TryGetValue(type.OriginalDefinition, out var bound))
        {
            return bound;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value, Name: "SectionName" or "Section" or "ConfigurationSection" or "SectionKey" })
            {
                return value;
            }
        }

        foreach (var suffix in (string[])["Options", "Settings", "Configuration"])
        {
            if (type.Name.Length > suffix.Length && type.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return type.Name[..^suffix.Length];
            }
        }

        return null;
    }
}
