using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK4001: a certificate validation callback that accepts every certificate.
/// Any delegate whose signature is a TLS validation callback (returns bool and takes <see cref="System.Net.Security.SslPolicyErrors"/>)
/// is checked where it is created: <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>,
/// <c>SslClientAuthenticationOptions</c>/<c>SslServerAuthenticationOptions.RemoteCertificateValidationCallback</c> (also through
/// <c>SocketsHttpHandler.SslOptions</c>), <c>ServicePointManager.ServerCertificateValidationCallback</c>, the <c>SslStream</c>
/// constructor, <c>ClientWebSocketOptions</c>, Kestrel's <c>HttpsConnectionAdapterOptions.ClientCertificateValidation</c>, and
/// third-party clients that use the same delegate types. It is reported when every return yields the constant <c>true</c>
/// and nothing throws; <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c> is reported wherever it is read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK4001TlsValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TlsValidationDisabled, Descriptors.DeprecatedTlsProtocol, Descriptors.DeprecatedTlsProtocolStored);

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

            var types = WellKnownTypes.For(start.Compilation);
            var securityProtocolType = types.Get(WellKnownTypeNames.SystemNetSecurityProtocolType);
            var sslProtocols = types.Get(WellKnownTypeNames.SystemSecurityAuthenticationSslProtocols);
            ProtocolHolders? protocols = null;
            if (securityProtocolType is not null || sslProtocols is not null)
            {
                protocols = new ProtocolHolders(securityProtocolType, sslProtocols);
                start.RegisterOperationAction(c => AnalyzeProtocol(c, protocols), OperationKind.FieldReference);
                start.RegisterCompilationEndAction(protocols.ReportEnabledHolders);
            }

            var sslPolicyErrors = types.Get(WellKnownTypeNames.SystemNetSecuritySslPolicyErrors);
            if (sslPolicyErrors is not null)
            {
                start.RegisterOperationAction(context => AnalyzeDelegateCreation(context, sslPolicyErrors), OperationKind.DelegateCreation);
            }

            // One action for property reads (they are among the commonest operations): the driver's dispatch costs more than the checks.
            var acceptAnyCertificate = sslPolicyErrors is not null && types.Get(WellKnownTypeNames.SystemNetHttpHttpClientHandler) is not null;
            if (protocols is not null || acceptAnyCertificate)
            {
                start.RegisterOperationAction(
                    c =>
                    {
                        if (protocols is not null)
                        {
                            RecordHolderRead(c, protocols, ((IPropertyReferenceOperation)c.Operation).Property);
                        }

                        if (acceptAnyCertificate)
                        {
                            AnalyzePropertyReference(c);
                        }
                    },
                    OperationKind.PropertyReference);
            }
        });
    }

    private static void AnalyzeDelegateCreation(OperationAnalysisContext context, INamedTypeSymbol sslPolicyErrors)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (!IsValidationCallbackType(creation.Type, sslPolicyErrors))
        {
            return;
        }

        bool acceptsAll;
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                acceptsAll = AlwaysReturnsTrue(lambda.Body);
                break;
            case IMethodReferenceOperation methodReference:
                acceptsAll = MethodAlwaysReturnsTrue(methodReference.Method, creation.SemanticModel, context.CancellationToken);
                break;
            default:
                return;
        }

        if (!acceptsAll || DevelopmentGuards.IsDevelopmentOnly(creation, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.TlsValidationDisabled, creation.Target.Syntax.GetLocation(), DescribeTarget(creation)));
    }

    /// <summary>
    /// Deprecated protocols kept in a field or property of this project, and which of those fields and properties are written
    /// out where protocols are enabled: the two meet at compilation end (a field of deprecated protocols may as well be a mask
    /// to remove, so it is reported only once it is seen enabling).
    /// </summary>
    private sealed class ProtocolHolders(INamedTypeSymbol? securityProtocolType, INamedTypeSymbol? sslProtocols)
    {
        private readonly ConcurrentQueue<(ISymbol Holder, Location Location, string Protocol)> stored = new();
        private readonly ConcurrentDictionary<ISymbol, bool> enabling = new(SymbolEqualityComparer.Default);

        // Both protocol types are enums: asked for every field and property read, the type kind rules out the rest before any comparison.
        public bool IsProtocolType(ITypeSymbol? type) =>
            type is { TypeKind: TypeKind.Enum } && (SymbolEqualityComparer.Default.Equals(type, securityProtocolType) || SymbolEqualityComparer.Default.Equals(type, sslProtocols));

        public bool IsDeprecated(IFieldSymbol field)
        {
            var type = field.ContainingType;
            if (type is not { TypeKind: TypeKind.Enum })
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(type, securityProtocolType)
                ? field.Name is "Ssl3" or "Tls" or "Tls11"
                : SymbolEqualityComparer.Default.Equals(type, sslProtocols) && field.Name is "Ssl2" or "Ssl3" or "Tls" or "Tls11" or "Default";
        }

        public void Stored(ISymbol holder, Location location, string protocol) => stored.Enqueue((holder.OriginalDefinition, location, protocol));

        public void Enabling(ISymbol holder) => enabling.TryAdd(holder.OriginalDefinition, true);

        public void ReportEnabledHolders(CompilationAnalysisContext context)
        {
            foreach (var (holder, location, protocol) in stored)
            {
                if (enabling.ContainsKey(holder))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedTlsProtocolStored, location, protocol, holder.Name));
                }
            }
        }
    }

    private enum Use
    {
        Other,
        Enables,
        StoredIn,
    }

    /// <summary>
    /// <c>SecurityProtocolType.Ssl3/Tls/Tls11</c> and <c>SslProtocols.Ssl2/Ssl3/Tls/Tls11/Default</c> where protocols are
    /// enabled: assigned (<c>=</c>, <c>|=</c>, an object initialiser), given to a parameter or a local of the enum type, alone
    /// or OR-ed with others. Removing one (<c>&amp;= ~…</c>) and comparing with one are not enabling it. Kept in a field or
    /// property of this project: reported at compilation end if that field or property is itself written out to enable.
    /// </summary>
    private static void AnalyzeProtocol(OperationAnalysisContext context, ProtocolHolders protocols)
    {
        var reference = (IFieldReferenceOperation)context.Operation;
        var field = reference.Field;
        if (!protocols.IsDeprecated(field))
        {
            RecordHolderRead(context, protocols, field);
            return;
        }

        var use = UseOf(reference, context.ContainingSymbol, out var holder);
        if (use == Use.Other || DevelopmentGuards.IsDevelopmentOnly(reference, context.CancellationToken))
        {
            return;
        }

        var name = field.ContainingType.Name + "." + field.Name;
        if (use == Use.StoredIn)
        {
            protocols.Stored(holder!, reference.Syntax.GetLocation(), name);
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DeprecatedTlsProtocol, reference.Syntax.GetLocation(), name));
    }

    /// <summary>This project's field or property of a protocol type, read where protocols are enabled (<c>handler.SslProtocols = Allowed</c>).</summary>
    private static void RecordHolderRead(OperationAnalysisContext context, ProtocolHolders protocols, ISymbol member)
    {
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        if (!protocols.IsProtocolType(type) || member.Locations.IsEmpty || !member.Locations[0].IsInSource
            || UseOf(context.Operation, context.ContainingSymbol, out _) != Use.Enables)
        {
            return;
        }

        protocols.Enabling(member);
    }

    private static Use UseOf(IOperation reference, ISymbol? containingSymbol, out ISymbol? holder)
    {
        holder = null;
        var operation = reference;
        for (var parent = operation.Parent; parent is not null; operation = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or }:
                    continue;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Value == operation ? Use.Enables : Use.Other;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound:
                    return compound.Value == operation ? Use.Enables : Use.Other;
                case IArgumentOperation argument:
                    return argument.Parameter?.Type.TypeKind == TypeKind.Enum && argument.Parameter.Name != "flag" ? Use.Enables : Use.Other;
                case IVariableInitializerOperation:
                    return Use.Enables;
                case IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer:
                    holder = fieldInitializer.InitializedFields[0];
                    return Use.StoredIn;
                case IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInitializer:
                    holder = propertyInitializer.InitializedProperties[0];
                    return Use.StoredIn;
                case IReturnOperation when containingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property }:
                    holder = property;
                    return Use.StoredIn;
                default:
                    // ~Tls (removal), == / != / HasFlag (a test), & (a mask), a method's return, switch: not enabling.
                    return Use.Other;
            }
        }

        return Use.Other;
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        var property = reference.Property;
        if (property.Name != "DangerousAcceptAnyServerCertificateValidator" || !property.IsStatic
            || !SymbolNames.TypeIs(property.ContainingType, "System.Net.Http", "HttpClientHandler"))
        {
            return;
        }

        if (DevelopmentGuards.IsDevelopmentOnly(reference, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.TlsValidationDisabled, reference.Syntax.GetLocation(), "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"));
    }

    /// <summary>A delegate returning bool with an <c>SslPolicyErrors</c> parameter: the shape of every .NET certificate validation callback.</summary>
    private static bool IsValidationCallbackType(ITypeSymbol? type, INamedTypeSymbol sslPolicyErrors)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } named || !MayTakeSslPolicyErrors(named, sslPolicyErrors)
            || named.DelegateInvokeMethod is not { } invoke || invoke.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        foreach (var parameter in invoke.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, sslPolicyErrors))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no parameter of the delegate can be <c>SslPolicyErrors</c>: none in its definition's <c>Invoke</c>, and none
    /// of its type arguments. Every lambda of a LINQ query is a constructed <c>Func</c>, whose substituted <c>Invoke</c> method
    /// is built on first request and cost about twenty times the driver's dispatch of the action; the definition's
    /// <c>Invoke</c> and the type arguments are already there.
    /// </summary>
    private static bool MayTakeSslPolicyErrors(INamedTypeSymbol delegateType, INamedTypeSymbol sslPolicyErrors)
    {
        if (delegateType.OriginalDefinition.DelegateInvokeMethod is not { } declared)
        {
            return false;
        }

        foreach (var parameter in declared.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, sslPolicyErrors))
            {
                return true;
            }
        }

        for (var type = delegateType; type is not null; type = type.ContainingType)
        {
            foreach (var argument in type.TypeArguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument, sslPolicyErrors))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every return yields constant true and nothing throws (a throw rejects the certificate); nested functions are not looked into.</summary>
    private static bool AlwaysReturnsTrue(IOperation? body)
    {
        if (body is null)
        {
            return false;
        }

        var returns = 0;
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    continue;
                case IThrowOperation:
                    return false;
                case IReturnOperation { Kind: OperationKind.Return } returnOperation:
                    if (!IsConstantTrue(returnOperation.ReturnedValue))
                    {
                        return false;
                    }

                    returns++;
                    continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return returns > 0;
    }

    private static bool IsConstantTrue(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is { ConstantValue: { HasValue: true, Value: true } };
    }

    /// <summary>A method group: its body through the operation tree when it is in the same file, else by syntax (<c>return true;</c> only).</summary>
    private static bool MethodAlwaysReturnsTrue(IMethodSymbol method, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
    {
        var references = method.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            return false;
        }

        var declaration = references[0].GetSyntax(cancellationToken);
        if (model is not null && declaration.SyntaxTree == model.SyntaxTree)
        {
            switch (model.GetOperation(declaration, cancellationToken))
            {
                case IMethodBodyOperation methodBody:
                    return AlwaysReturnsTrue((IOperation?)methodBody.BlockBody ?? methodBody.ExpressionBody);
                case ILocalFunctionOperation localFunction:
                    return AlwaysReturnsTrue(localFunction.Body);
                default:
                    return false;
            }
        }

        return SyntaxAlwaysReturnsTrue(declaration);
    }

    private static bool SyntaxAlwaysReturnsTrue(SyntaxNode declaration)
    {
        var (block, expression) = declaration switch
        {
            MethodDeclarationSyntax method => (method.Body, method.ExpressionBody?.Expression),
            LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody?.Expression),
            _ => (null, null),
        };
        if (expression is not null)
        {
            return expression.IsKind(SyntaxKind.TrueLiteralExpression);
        }

        if (block is null)
        {
            return false;
        }

        var returns = 0;
        foreach (var node in block.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case ThrowStatementSyntax:
                case ThrowExpressionSyntax:
                    return false;
                case ReturnStatementSyntax returnStatement:
                    if (returnStatement.Expression is null || !returnStatement.Expression.IsKind(SyntaxKind.TrueLiteralExpression))
                    {
                        return false;
                    }

                    returns++;
                    break;
            }
        }

        return returns > 0;
    }

    /// <summary>What the callback is given to: the property, parameter or variable name, else the delegate type.</summary>
    private static string DescribeTarget(IDelegateCreationOperation creation)
    {
        IOperation current = creation;
        while (current.Parent is IConversionOperation conversion)
        {
            current = conversion;
        }

        switch (current.Parent)
        {
            case IAssignmentOperation { Target: IPropertyReferenceOperation property }:
                return property.Property.ContainingType.Name + "." + property.Property.Name;
            case IAssignmentOperation { Target: IFieldReferenceOperation field }:
                return field.Field.Name;
            case IArgumentOperation { Parameter: { } parameter }:
                return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    ? "The " + parameter.Name + " of new " + constructor.ContainingType.Name + "(...)"
                    : "The " + parameter.Name + " argument";
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol.Name;
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } fieldInitializer:
                return fieldInitializer.InitializedFields[0].Name;
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } propertyInitializer:
                return propertyInitializer.InitializedProperties[0].Name;
            default:
                return "This " + creation.Type!.Name;
        }
    }
}
