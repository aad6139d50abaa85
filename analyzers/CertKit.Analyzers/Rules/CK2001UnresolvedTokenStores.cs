using System.Collections.Concurrent;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK2001's coverage note: where a token may be stored but the store did not bind, CK2001 saw nothing, and silence must not
/// read as "no plaintext token". A note (Info, <see cref="Descriptors.TokenStoreNotResolved"/>) is reported when
/// <list type="bullet">
/// <item>a token-named member of an object is assigned (<c>set.accessToken = …</c>, <c>new Log { RefreshToken = … }</c>) in a
/// body whose save call did not resolve (<c>db.SaveChanges()</c> on a context whose base type is missing), or</item>
/// <item>a token-named value is given to this project's method whose body has such a save call
/// (<c>repository.AddLog(…, $"refreshToken={refreshToken}", …)</c>).</item>
/// </list>
/// A save call "did not resolve" when the compiler bound it to nothing (an invalid operation) or to a member of a missing
/// type; it is a save call by its verb (<c>Save…</c>, <c>Insert…</c>, <c>Update…</c>, <c>Write…</c>, …). A fully
/// bound compilation has no such call, so the note never appears where CK2001 could judge.
/// Part of <see cref="CK2001PlaintextTokenStorageAnalyzer"/> (one per compilation), which hands it the invocations,
/// assignments and invalid operations it sees: one dispatch of the driver per operation serves both.
/// </summary>
internal sealed class CK2001UnresolvedTokenStores
{
    // The first word of a method that persists what it is given (EF's SaveChanges, repositories, writers, key-value stores).
    // Not Add, Put or Execute: on real code those are mostly a list's Add, an HTTP PUT and a gateway SDK's request.
    private static readonly ImmutableHashSet<string> SaveVerbs = ImmutableHashSet.Create(
        System.StringComparer.OrdinalIgnoreCase,
        "save", "insert", "update", "upsert", "attach", "persist", "store", "write", "commit");

    // What a Write… call writes when it is diagnostic output (WriteException, WriteLine, WriteLog): a log, which is CK3002's
    // concern, not a store of the object (ShareX's DebugHelper.WriteException in a degraded compilation).
    private static readonly ImmutableHashSet<string> OutputObjects = ImmutableHashSet.Create(
        System.StringComparer.OrdinalIgnoreCase,
        "exception", "line", "log", "error", "warning", "debug", "trace", "info", "verbose");

    private readonly ConcurrentDictionary<ISymbol, (int Start, string Text)> unresolvedSaves = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentQueue<(ISymbol Body, Location Location, string Token, string Target)> tokenWrites = new();
    private readonly ConcurrentQueue<(IMethodSymbol Callee, Location Location, string Token)> tokenCalls = new();
    private readonly NameVerdicts names = new();

    /// <summary>An invalid operation: a save call that bound to nothing.</summary>
    public void OnInvalid(OperationAnalysisContext context) => RecordUnresolvedSave(context, unresolvedSaves, names);

    /// <summary>An invocation: a save call of a missing type, or a token given to this project's method.</summary>
    public void OnInvocation(OperationAnalysisContext context)
    {
        RecordUnresolvedSave(context, unresolvedSaves, names);
        RecordTokenCall(context, tokenCalls, names);
    }

    /// <summary>A simple assignment: a token-named member given a value.</summary>
    public void OnAssignment(OperationAnalysisContext context) => RecordTokenWrite(context, tokenWrites, names);

    /// <summary>At compilation end: the token writes and calls whose body or callee has a save call that did not resolve.</summary>
    public void Report(CompilationAnalysisContext end)
    {
        if (unresolvedSaves.IsEmpty)
        {
            return;
        }

        foreach (var write in tokenWrites)
        {
            if (unresolvedSaves.TryGetValue(write.Body, out var save))
            {
                // An anonymous object (a Dapper parameter object) has no type name to show.
                var target = write.Target.Length == 0 ? "an anonymous object" : "an object of type '" + write.Target + "'";
                end.ReportDiagnostic(Note(write.Location, "'" + write.Token + "'", target, "'" + save.Text + "'"));
            }
        }

        foreach (var call in tokenCalls)
        {
            if (unresolvedSaves.TryGetValue(call.Callee, out var save))
            {
                end.ReportDiagnostic(Note(call.Location, "'" + call.Token + "'", call.Callee.ContainingType.Name + "." + call.Callee.Name, "'" + save.Text + "' in it"));
            }
        }
    }

    private static Diagnostic Note(Location location, string token, string target, string save) =>
        Diagnostic.Create(Descriptors.TokenStoreNotResolved, location, DiagnosticSeverity.Info, additionalLocations: null, properties: null, token, target, save);

    /// <summary>A save call the compiler bound to nothing, or to a member of a type it could not find.</summary>
    private static void RecordUnresolvedSave(OperationAnalysisContext context, ConcurrentDictionary<ISymbol, (int Start, string Text)> unresolvedSaves, NameVerdicts names)
    {
        var operation = context.Operation;
        var unresolved = operation switch
        {
            IInvalidOperation => true,
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType?.TypeKind == TypeKind.Error
                || invocation.Instance?.Type?.TypeKind == TypeKind.Error,
            _ => false,
        };
        if (!unresolved || operation.Syntax is not InvocationExpressionSyntax call || !names.IsSaveVerb(MethodName(call.Expression)))
        {
            return;
        }

        // The first such call of the body by position, so the note reads the same in every run.
        var text = call.Expression.ToString() + (call.ArgumentList.Arguments.Count == 0 ? "()" : "(…)");
        var save = (call.SpanStart, text.Length > 80 ? text.Substring(0, 77) + "..." : text);
        unresolvedSaves.AddOrUpdate(context.ContainingSymbol, save, (_, known) => known.Start <= save.SpanStart ? known : save);
    }

    /// <summary><c>x.AccessToken = value</c> (also in an object initialiser): a token-named member of an object is given a value.</summary>
    private static void RecordTokenWrite(OperationAnalysisContext context, ConcurrentQueue<(ISymbol, Location, string, string)> tokenWrites, NameVerdicts names)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var (member, instance) = assignment.Target switch
        {
            IPropertyReferenceOperation property => ((ISymbol)property.Property, property.Instance),
            IFieldReferenceOperation field => (field.Field, field.Instance),
            _ => (null, null),
        };
        if (member is null || instance is null || !names.IsTokenName(member.Name, MemberType(member), member.ContainingType)
            || assignment.Value.ConstantValue.HasValue || names.IsProtected(assignment.Value))
        {
            return;
        }

        tokenWrites.Enqueue((context.ContainingSymbol, assignment.Syntax.GetLocation(), member.Name, member.ContainingType.Name));
    }

    /// <summary>A call of this project's method with a token-named value in an argument (<c>$"refreshToken={refreshToken}"</c>).</summary>
    private static void RecordTokenCall(OperationAnalysisContext context, ConcurrentQueue<(IMethodSymbol, Location, string)> tokenCalls, NameVerdicts names)
    {
        var invocation = (IInvocationOperation)context.Operation;
        // An interface's or abstract method has no body, so no save call of its own: most calls through a service's interface leave here.
        var callee = invocation.TargetMethod.OriginalDefinition;
        if (invocation.Arguments.IsEmpty || callee.IsAbstract || callee.IsExtern || callee.Locations.IsEmpty || !callee.Locations[0].IsInSource)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (TokenIn(argument.Value, names) is { } token)
            {
                // A protector of the project's own (EncryptToken(token)) is no store; asked only once a token is found.
                if (!names.IsProtected(invocation))
                {
                    tokenCalls.Enqueue((callee, argument.Syntax.GetLocation(), token));
                }

                return;
            }
        }
    }

    /// <summary>The first token-named local, parameter, field or property read in a value; not inside a protector's call or a lambda.</summary>
    private static string? TokenIn(IOperation value, NameVerdicts names)
    {
        // Most arguments are a literal or one reference: judged without walking.
        switch (value)
        {
            case ILiteralOperation:
                return null;
            case ILocalReferenceOperation local:
                return names.IsTokenName(local.Local.Name, local.Local.Type, null) ? local.Local.Name : null;
            case IParameterReferenceOperation parameter:
                return names.IsTokenName(parameter.Parameter.Name, parameter.Parameter.Type, null) ? parameter.Parameter.Name : null;
        }

        // One stack per thread, emptied before use: most values are walked in a few steps.
        var pending = NameVerdicts.Pending ??= new System.Collections.Generic.Stack<IOperation>(16);
        pending.Clear();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();

            // By kind (one virtual read), not by a chain of interface type tests on every node of the walk.
            string? found = null;
            switch (operation.Kind)
            {
                case OperationKind.AnonymousFunction:
                    continue;
                case OperationKind.Invocation when names.IsProtected(operation):
                    continue;
                case OperationKind.LocalReference:
                    var local = ((ILocalReferenceOperation)operation).Local;
                    found = names.IsTokenName(local.Name, local.Type, null) ? local.Name : null;
                    break;
                case OperationKind.ParameterReference:
                    var parameter = ((IParameterReferenceOperation)operation).Parameter;
                    found = names.IsTokenName(parameter.Name, parameter.Type, null) ? parameter.Name : null;
                    break;
                case OperationKind.FieldReference:
                    var field = ((IFieldReferenceOperation)operation).Field;
                    found = names.IsTokenName(field.Name, field.Type, field.ContainingType) ? field.Name : null;
                    break;
                case OperationKind.PropertyReference:
                    var property = ((IPropertyReferenceOperation)operation).Property;
                    found = names.IsTokenName(property.Name, property.Type, property.ContainingType) ? property.Name : null;
                    break;
            }

            if (found is not null)
            {
                pending.Clear();
                return found;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return null;
    }

    /// <summary>The verdicts on names, once per name and compilation: the same names are read at thousands of calls.</summary>
    private sealed class NameVerdicts
    {
        private readonly ConcurrentDictionary<string, bool> secretNames = new(System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> protectorNames = new(System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> saveVerbNames = new(System.StringComparer.Ordinal);

        // The walk of TokenIn, one per thread (emptied before and after use): a new stack for every argument grew three times.
        [System.ThreadStatic]
        internal static System.Collections.Generic.Stack<IOperation>? Pending;

        /// <summary>
        /// A credential held as text (an enum member <c>PreAuth</c>, an <c>ICredentials</c> object or a response object named
        /// <c>preAuth</c> is none; a licence key is stored by design, as for CK2001). A bare <c>Token</c> member counts only in a type or namespace about authentication (a payment's
        /// <c>TrxToken</c> on a report row is an identifier), as for CK2001's whole-object writes.
        /// </summary>
        public bool IsTokenName(string name, ITypeSymbol? type, INamedTypeSymbol? memberOf)
        {
            if (!IsText(type) || !IsSecretName(name))
            {
                return false;
            }

            return memberOf is null || CredentialNames.Classify(name) != CredentialNameKind.BareToken
                || CredentialSinkNames.IsAuthenticationContext(memberOf.Name, memberOf.ContainingNamespace?.ToDisplayString());
        }

        /// <summary>A call of a method whose name says it protects its value (<c>EncryptToken</c>, <c>Protect</c>, <c>Hash</c>).</summary>
        public bool IsProtected(IOperation value)
        {
            if (value is not IInvocationOperation call)
            {
                return false;
            }

            var name = call.TargetMethod.Name;
            return name.Length > 0 && (protectorNames.TryGetValue(name, out var known) ? known : protectorNames.GetOrAdd(name, SensitiveNames.SaysProtected(name)));
        }

        /// <summary>A method name whose first word persists (<see cref="SaveVerbs"/>).</summary>
        public bool IsSaveVerb(string methodName) =>
            methodName.Length > 0 && (saveVerbNames.TryGetValue(methodName, out var known) ? known : saveVerbNames.GetOrAdd(methodName, StartsWithSaveVerb(methodName)));

        private bool IsSecretName(string name) =>
            name.Length > 0 && (secretNames.TryGetValue(name, out var known) ? known
                : secretNames.GetOrAdd(name, SensitiveNames.Classify(name, textValue: true, default) == SensitiveNameKind.Secret && !CredentialSinkNames.NamesLicence(name)));
    }

    // Text, or a type that did not resolve (the value's type is unknown, so its name decides).
    private static bool IsText(ITypeSymbol? type) =>
        type is null || type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Error
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte };

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static string MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool StartsWithSaveVerb(string methodName)
    {
        if (methodName.Length == 0)
        {
            return false;
        }

        var words = IdentifierWords.Split(methodName);
        return words.Count > 0 && SaveVerbs.Contains(words[0])
            && !(words.Count > 1 && string.Equals(words[0], "write", System.StringComparison.OrdinalIgnoreCase) && OutputObjects.Contains(words[1]));
    }
}
