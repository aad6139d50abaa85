using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK2001: a token or secret reaches a persistent or client-visible store (file, registry, cookie, session, distributed cache,
/// application settings, MAUI preferences, a database parameter or EF entity) without passing a protector; and the explicit
/// opt-outs of encrypted token caches (MSAL <c>WithUnprotectedFile</c>, Azure.Identity <c>UnsafeAllowUnencryptedStorage</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK2001PlaintextTokenStorageAnalyzer : DiagnosticAnalyzer
{
    private const string FileSink = "a file";

    // Below this a literal in an authentication cookie is a flag or a marker ("1", "yes"), not a credential.
    private const int MinimumCookieCredentialLength = 6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PlaintextTokenStorage, Descriptors.PlaintextTokenStorageFlow, Descriptors.TokenStoreNotResolved);

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

            var sinks = StorageSinks.For(start.Compilation);

            // Cookie sinks the name-based checks reported, so the flow (CredentialFlowAnalyzer) does not report them again. A
            // cookie value that comes only from literals of its body is left to the flow (judged live, with the
            // credential-value judgement).
            var reportedCookies = ReportedByName.For(start.Compilation).Cookies;
            var flows = new TokenFlowCache(sinks.Flow, start.Options, countConnectionStrings: false);

            // Operation actions share the driver's operation tree (any SDK build's default analyzers build it anyway): a call,
            // assignment or creation leaves on its symbol's name and type, and only a real sink's body gets a flow.
            // A project's own method that stores a parameter in a database or a file: calls giving it a token, at compilation end.
            var persistence = new PersistenceMethods(start.Compilation);

            // The note where a store did not resolve (CK2001UnresolvedTokenStores) hears the same invocations and assignments:
            // one action per operation kind, as the driver's dispatch of an action costs as much as most of these checks.
            var notes = new CK2001UnresolvedTokenStores();
            start.RegisterOperationAction(
                c =>
                {
                    OnInvocation(c, sinks, flows, reportedCookies, persistence);
                    notes.OnInvocation(c);
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                c =>
                {
                    OnAssignment(c, sinks, flows, persistence);
                    notes.OnAssignment(c);
                },
                OperationKind.SimpleAssignment);
            start.RegisterOperationAction(notes.OnInvalid, OperationKind.Invalid);
            start.RegisterOperationAction(c => OnCreation(c, sinks, flows, reportedCookies, persistence), OperationKind.ObjectCreation);
            start.RegisterAdditionalFileAction(AnalyzeView);
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var finding in persistence.Resolve())
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaintextTokenStorageFlow, finding.Location, finding.Subject ?? "A token", finding.Sink));
                }

                notes.Report(end);
            });
        });
    }

    /// <summary>
    /// A hardcoded credential that reaches an authentication cookie (<see cref="CredentialFlow"/>, run by
    /// <see cref="CredentialFlowAnalyzer"/>), across methods and files; once per sink.
    /// </summary>
    internal static Diagnostic? JudgeFlow(SinkFinding finding, bool live, AnalyzerOptions analyzerOptions, SemanticModel? model, ReportedByName reportedByName, System.Threading.CancellationToken cancellationToken)
    {
        var reported = reportedByName.Cookies;
        var sink = finding.Sink;
        if (sink.Location.SourceTree is not { } sinkTree || finding.Literal.SourceTree is not { } literalTree)
        {
            return null;
        }

        // Live, the value came only from literals, which the name-based checks leave to the flow.
        if (!live)
        {
            foreach (var span in reported.Keys)
            {
                if (span.Item1 == sinkTree && span.Item2.Contains(sink.Location.SourceSpan))
                {
                    return null;
                }
            }
        }

        // "true", "1", "deleted": a flag or a marker, not a credential (one plain word is not one).
        var options = CertKitOptions.Get(analyzerOptions, literalTree);
        if (finding.Text is { } text
            && (text.Length < MinimumCookieCredentialLength || CredentialValues.HasWhiteSpace(text) || IsOneWord(text)
                || !CredentialValues.IsHardcodedSecret(CredentialNameKind.Credential, text, sink.Name, options.PlaceholderPatterns)
                || bool.TryParse(text, out _)))
        {
            return null;
        }

        return Diagnostic.Create(live ? Descriptors.PlaintextTokenStorageLocalFlow : Descriptors.PlaintextTokenStorageFlow, sink.Location, new[] { finding.Literal }, "A hardcoded credential", sink.Display);
    }

    /// <summary>A Razor view (.cshtml, .razor) that renders a credential-named member into the page: <c>@Model.AccessToken</c>.</summary>
    private static void AnalyzeView(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!RazorViews.IsView(file.Path)
            || FileClassifier.Classify(ProjectScope.RelativeToProject(file.Path, context.Options)).Kind is not (FileKind.Source or FileKind.Configuration)
            || file.GetText(context.CancellationToken) is not { Length: > 0 } sourceText)
        {
            return;
        }

        var rendered = new List<RenderedValue>();
        RazorViews.FindRenderedCredentials(sourceText.ToString(), rendered);
        foreach (var value in rendered)
        {
            var span = new TextSpan(value.Start, value.Length);
            var location = Location.Create(file.Path, span, sourceText.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaintextTokenStorage, location, "'" + value.Expression + "'", "a rendered view"));
        }
    }

    private static void OnInvocation(OperationAnalysisContext context, StorageSinks sinks, TokenFlowCache flows, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reportedCookies, PersistenceMethods persistence)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (StorageSinks.IsCandidateMethod(method.Name))
        {
            AnalyzeInvocation(context, invocation, sinks, flows.For(invocation), reportedCookies, persistence);
        }
        else if (!method.DeclaringSyntaxReferences.IsEmpty && LiteralOrigins.IsInSource(method) && HasTextArgument(invocation, sinks.Flow) && persistence.MayStore(method))
        {
            RecordTokenArguments(invocation, sinks.Flow, flows.For(invocation), persistence);
        }
    }

    /// <summary>Cheap filter before the called method's body is read: some argument is text that is not a constant.</summary>
    private static bool HasTextArgument(IInvocationOperation invocation, TokenFlowSymbols symbols)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (IsRecordable(argument, symbols))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRecordable(IArgumentOperation argument, TokenFlowSymbols symbols) =>
        argument.Parameter is { } parameter && symbols.IsText(parameter.Type) && !argument.Value.ConstantValue.HasValue && !OperationTree.IsLiteralOrNull(argument.Value);

    /// <summary>A call of this compilation's own method: remember which text parameters it gives a token, in case the method stores them.</summary>
    private static void RecordTokenArguments(IInvocationOperation invocation, TokenFlowSymbols symbols, TokenFlowHandle lazyFlow, PersistenceMethods persistence)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (!IsRecordable(argument, symbols))
            {
                continue;
            }

            var parameter = argument.Parameter!;

            var value = lazyFlow.Value.ClassifyExposure(argument.Value);
            if (value.IsSecretText)
            {
                persistence.RecordCall(parameter, invocation.Syntax.GetLocation(), value.Subject);
            }
        }
    }

    private static void OnAssignment(OperationAnalysisContext context, StorageSinks sinks, TokenFlowCache flows, PersistenceMethods persistence)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;

        // ViewBag.AccessToken = token: rendered into the page the browser gets (and its caches keep).
        if (assignment.Target is IDynamicMemberReferenceOperation { Instance: IPropertyReferenceOperation { Property.Name: "ViewBag" } viewBag } member
            && TokenFlowSymbols.Is(viewBag.Property.ContainingType, sinks.MvcController))
        {
            var value = flows.For(assignment).Value.ClassifyExposure(assignment.Value);
            if (value.IsSecretText)
            {
                Report(context, assignment.Syntax, value.Subject, "a rendered view (ViewBag." + member.MemberName + ")", quote: false);
            }

            return;
        }

        // ViewData["AccessToken"] = token (rendered into the page), TempData["AccessToken"] = token (a cookie by default).
        if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "ViewData" or "TempData" } store } indexer
            && store.Property.Type.Name is "ViewDataDictionary" or "ITempDataDictionary" or "TempDataDictionary")
        {
            var value = flows.For(assignment).Value.ClassifyExposure(assignment.Value);
            if (value.IsSecretText)
            {
                var what = store.Property.Name == "ViewData" ? "a rendered view (ViewData)" : "TempData (a cookie)";
                Report(context, assignment.Syntax, value.Subject, what, quote: false);
            }

            return;
        }

        // Every property assignment comes here: without a settings or EF type in the compilation only parameter.Value
        // and UnsafeAllowUnencryptedStorage can be sinks, so the rest leave before a flow handle is allocated.
        if (assignment.Target is IPropertyReferenceOperation target
            && (target.Property.Name is "Value" or "UnsafeAllowUnencryptedStorage" || sinks.ApplicationSettingsBase is not null || sinks.HasEntityFramework))
        {
            AnalyzeAssignment(context, assignment, target, sinks, flows.For(assignment), persistence);
        }
    }

    private static void OnCreation(OperationAnalysisContext context, StorageSinks sinks, TokenFlowCache flows, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reportedCookies, PersistenceMethods persistence)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Arguments.Length < 2)
        {
            return;
        }

        if (TokenFlowSymbols.Is(creation.Type, sinks.DbParameter))
        {
            AnalyzeCreation(context, creation, flows.For(creation), persistence);
        }
        else if (creation.Type is INamedTypeSymbol type && (SymbolEqualityComparer.Default.Equals(type, sinks.NetCookie) || type.Name is "HttpCookie" or "CookieHeaderValue"))
        {
            // new Cookie("auth", token), new HttpCookie("auth", token), new CookieHeaderValue("jwt", token)
            IOperation? name = null;
            IOperation? value = null;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "name":
                        name = argument.Value;
                        break;
                    case "value":
                        value = argument.Value;
                        break;
                }
            }

            if (value is not null)
            {
                var flow = flows.For(creation).Value;
                if (CheckValue(context, creation.Syntax, value, flow.ClassifyKeyName(name), flow, "a cookie", literalsToFlow: true))
                {
                    reportedCookies.TryAdd((creation.Syntax.SyntaxTree, creation.Syntax.Span), 0);
                }
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation, StorageSinks sinks, TokenFlowHandle lazyFlow, ConcurrentDictionary<(SyntaxTree, TextSpan), byte> reportedCookies, PersistenceMethods persistence)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        var type = method.ContainingType;
        if (type is null)
        {
            return;
        }

        // Cheap name checks first: most invocations leave here without touching the flow.
        if (StorageSinks.FileWriteMethods.Contains(name))
        {
            if (SymbolEqualityComparer.Default.Equals(type, sinks.Flow.File))
            {
                CheckValues(context, invocation, lazyFlow.Value, skip: 1, FileSink, persistence);
            }

            return;
        }

        if (StorageSinks.WriterMethods.Contains(name))
        {
            if (invocation.Instance is { } writer
                && (TokenFlowSymbols.Is(type, sinks.Flow.Stream) || TokenFlowSymbols.Is(type, sinks.Flow.TextWriter) || TokenFlowSymbols.Is(type, sinks.Flow.BinaryWriter))
                && lazyFlow.Value.IsFileTarget(writer))
            {
                CheckValues(context, invocation, lazyFlow.Value, skip: 0, FileSink, persistence);
            }

            return;
        }

        switch (name)
        {
            case "SetValue":
                if (SymbolEqualityComparer.Default.Equals(type, sinks.RegistryKey) || SymbolEqualityComparer.Default.Equals(type, sinks.Registry))
                {
                    CheckKeyed(context, invocation, lazyFlow.Value, "name", "valueName", "the registry");
                }

                return;
            case "Append":
                if (TokenFlowSymbols.Is(type, sinks.ResponseCookies))
                {
                    if (CheckKeyed(context, invocation, lazyFlow.Value, "key", null, "a response cookie", literalsToFlow: true))
                    {
                        reportedCookies.TryAdd((invocation.Syntax.SyntaxTree, invocation.Syntax.Span), 0);
                    }
                }

                return;
            case "Set":
            case "SetString":
            case "SetAsync":
            case "SetStringAsync":
                if (TokenFlowSymbols.Is(type, sinks.Session) || SymbolEqualityComparer.Default.Equals(type, sinks.SessionExtensions))
                {
                    CheckKeyed(context, invocation, lazyFlow.Value, "key", null, "the session");
                }
                else if (TokenFlowSymbols.Is(type, sinks.DistributedCache) || SymbolEqualityComparer.Default.Equals(type, sinks.DistributedCacheExtensions))
                {
                    CheckKeyed(context, invocation, lazyFlow.Value, "key", null, "a distributed cache");
                }
                else if (name == "Set" && sinks.IsPreferences(type))
                {
                    CheckKeyed(context, invocation, lazyFlow.Value, "key", null, "app preferences");
                }

                return;
            case "Serialize":
            case "SerializeAsync":
                CheckSerializeIntoFile(context, invocation, sinks, lazyFlow.Value);
                return;
            case "AddWithValue":
                // DbParameterCollection providers (SqlClient, Sqlite, Npgsql) all name it AddWithValue.
                if (TokenFlowSymbols.Is(type, sinks.DbParameterCollection) || type.Name.EndsWith("ParameterCollection", StringComparison.Ordinal))
                {
                    CheckKeyed(context, invocation, lazyFlow.Value, "parameterName", "name", "a database parameter", persistence: persistence);
                }

                return;
            case "WithUnprotectedFile":
                if (SymbolEqualityComparer.Default.Equals(type, sinks.MsalStorageBuilder))
                {
                    Report(context, invocation.Syntax, "The MSAL token cache", "an unprotected file (WithUnprotectedFile)", quote: false);
                }

                return;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target, StorageSinks sinks, TokenFlowHandle lazyFlow, PersistenceMethods persistence)
    {
        var property = target.Property;
        var owner = property.ContainingType;

        if (property.Name == "UnsafeAllowUnencryptedStorage")
        {
            if (assignment.Value.ConstantValue is { HasValue: true, Value: true } && owner?.ContainingNamespace?.ToDisplayString() == "Azure.Identity")
            {
                Report(context, assignment.Syntax, "The Azure.Identity token cache", "unencrypted storage (UnsafeAllowUnencryptedStorage = true)", quote: false);
            }

            return;
        }

        // parameter.Value = token (DbParameter, SqlParameter, IDataParameter; object initializers too)
        if (property.Name == "Value" && (TokenFlowSymbols.Is(owner, sinks.DataParameter) || TokenFlowSymbols.Is(owner, sinks.DbParameter)))
        {
            var value = lazyFlow.Value.Classify(assignment.Value);
            if (value.IsSecretText)
            {
                Report(context, assignment.Syntax, value.Subject, "a database parameter", quote: false);
            }
            else
            {
                persistence.RecordStored(assignment.Value, context.ContainingSymbol, "a database parameter");
            }

            return;
        }

        // Settings.Default.RefreshToken = token; Settings.Default["ApiKey"] = key;
        if (sinks.ApplicationSettingsBase is not null && TokenFlowSymbols.Is(owner, sinks.ApplicationSettingsBase))
        {
            // this["RefreshToken"] = value inside the settings class itself is the property's own setter.
            if (target.Instance is IInstanceReferenceOperation)
            {
                return;
            }

            var key = property.IsIndexer
                ? (target.Arguments.Length > 0 ? lazyFlow.Value.ClassifyKeyName(target.Arguments[0].Value) : SensitiveValue.None)
                : lazyFlow.Value.ClassifyKeyName(property.Name);
            CheckValue(context, assignment.Syntax, assignment.Value, key, lazyFlow.Value, "application settings");
            return;
        }

        if (!sinks.HasEntityFramework || property.IsIndexer || property.IsStatic || owner is not { Locations.Length: > 0 } || !owner.Locations[0].IsInSource)
        {
            return;
        }

        // EF Core: entity.RefreshToken = token; in a method that saves or tracks entities.
        if (CredentialNames.MayContainCredentialWord(property.Name)
            && SensitiveNames.Classify(property.Name, sinks.Flow.IsText(property.Type), default) == SensitiveNameKind.Secret)
        {
            var flow = lazyFlow.Value;
            var value = flow.ClassifyExposure(assignment.Value);
            if (value.IsSecretText && flow.SavesEntities(sinks))
            {
                Report(context, assignment.Syntax, value.Subject, "a database column (entity '" + owner.Name + "')", quote: false);
            }

            return;
        }

        // new LogEntity { Request = request }; context.SaveChanges(): the method stores its parameter, whatever the column is called.
        if (sinks.Flow.IsText(property.Type) && OperationTree.Unwrap(assignment.Value) is IParameterReferenceOperation or ILocalReferenceOperation
            && lazyFlow.Value.SavesEntities(sinks))
        {
            persistence.RecordStored(assignment.Value, context.ContainingSymbol, "a database column (entity '" + owner.Name + "')");
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, TokenFlowHandle lazyFlow, PersistenceMethods persistence)
    {
        // new SqlParameter("@refresh_token", token), and target-typed new("@refresh_token", token)
        IArgumentOperation? nameArgument = null;
        IArgumentOperation? valueArgument = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name is "parameterName" or "name")
            {
                nameArgument = argument;
            }
            else if (argument.Parameter?.Name == "value")
            {
                valueArgument = argument;
            }
        }

        if (valueArgument is not null)
        {
            var flow = lazyFlow.Value;
            CheckValue(context, creation.Syntax, valueArgument.Value, flow.ClassifyKeyName(nameArgument?.Value), flow, "a database parameter", persistence: persistence);
        }
    }

    /// <summary>File.WriteAllText(path, token), writer.Write(token): every argument after <paramref name="skip"/> is a value.</summary>
    private static void CheckValues(OperationAnalysisContext context, IInvocationOperation invocation, TokenValueFlow flow, int skip, string sink, PersistenceMethods persistence)
    {
        for (var i = skip; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            if (argument.Parameter?.Type is { } parameterType && flow.Symbols.IsNeverSecret(parameterType))
            {
                continue;
            }

            var value = flow.ClassifyExposure(argument.Value);
            if (value.IsSecretText)
            {
                Report(context, invocation.Syntax, value.Subject, sink, quote: false);
                return;
            }

            persistence.RecordStored(argument.Value, context.ContainingSymbol, sink);
        }
    }

    /// <summary>Keyed stores (cookie, session, cache, registry, preferences, ADO.NET): the value, or a raw value under a token-named key.</summary>
    private static bool CheckKeyed(OperationAnalysisContext context, IInvocationOperation invocation, TokenValueFlow flow, string keyParameter, string? alternateKeyParameter, string sink, bool literalsToFlow = false, PersistenceMethods? persistence = null)
    {
        IOperation? key = null;
        IOperation? value = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameterName = argument.Parameter?.Name;
            if (parameterName == keyParameter || (alternateKeyParameter is not null && parameterName == alternateKeyParameter))
            {
                key = argument.Value;
            }
            else if (parameterName == "value")
            {
                value = argument.Value;
            }
        }

        return value is not null && CheckValue(context, invocation.Syntax, value, flow.ClassifyKeyName(key), flow, sink, literalsToFlow, persistence);
    }

    /// <summary>
    /// The value stored under <paramref name="key"/>. With <paramref name="literalsToFlow"/> (cookies), a value that comes only
    /// from literals is left to the literal flow, which judges it as a hardcoded credential (live, in the same body). With
    /// <paramref name="persistence"/> (database and file stores), a value that is a parameter of the method is recorded: the
    /// method stores what its callers give it.
    /// </summary>
    private static bool CheckValue(OperationAnalysisContext context, SyntaxNode reportAt, IOperation value, SensitiveValue key, TokenValueFlow flow, string sink, bool literalsToFlow = false, PersistenceMethods? persistence = null)
    {
        if (literalsToFlow && ComesOnlyFromLiterals(value))
        {
            return false;
        }

        var verdict = flow.Classify(value);
        if (verdict.IsSecretText)
        {
            Report(context, reportAt, verdict.Subject, sink, quote: false);
            return true;
        }

        // Preferences.Set("refresh_token", result.Value): a value we cannot trace, stored under a token's name, unprotected.
        if (key.Kind == SensitiveKind.Token && verdict.Kind == SensitiveKind.None && !OperationTree.IsLiteralOrNull(value)
            && value is not IInvalidOperation && !value.Syntax.IsMissing)
        {
            Report(context, reportAt, key.Name, sink, quote: true);
            return true;
        }

        persistence?.RecordStored(value, context.ContainingSymbol, sink);
        return false;
    }

    private static void CheckSerializeIntoFile(OperationAnalysisContext context, IInvocationOperation invocation, StorageSinks sinks, TokenValueFlow flow)
    {
        var type = invocation.TargetMethod.ContainingType;
        var symbols = sinks.Flow;
        if (!SymbolEqualityComparer.Default.Equals(type, symbols.SystemTextJsonSerializer)
            && !TokenFlowSymbols.Is(type, symbols.NewtonsoftJsonSerializer)
            && !TokenFlowSymbols.Is(type, symbols.XmlSerializer))
        {
            return;
        }

        IOperation? target = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameterType = argument.Parameter?.Type;
            if (TokenFlowSymbols.Is(parameterType, symbols.Stream) || TokenFlowSymbols.Is(parameterType, symbols.TextWriter)
                || TokenFlowSymbols.Is(parameterType, symbols.XmlWriter) || SymbolEqualityComparer.Default.Equals(parameterType, symbols.Utf8JsonWriter)
                || parameterType?.Name == "JsonWriter")
            {
                target = argument.Value;
                break;
            }
        }

        if (target is null || TokenValueFlow.SerializedValue(invocation) is not { } serialized || !flow.IsFileTarget(target))
        {
            return;
        }

        var value = flow.ClassifyExposure(serialized);
        if (value.IsSensitive)
        {
            Report(context, invocation.Syntax, value.Subject, FileSink, quote: false);
        }
    }

    /// <summary>True when every value that can reach <paramref name="value"/> in its body is a constant (through locals).</summary>
    private static bool ComesOnlyFromLiterals(IOperation value, int depth = 0)
    {
        value = OperationTree.Unwrap(value);
        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        if (depth > 8 || value is not ILocalReferenceOperation local || !BodyValues.Of(value).TryGetValues(local.Local, out var assigned))
        {
            return false;
        }

        foreach (var write in assigned)
        {
            if (write.IsCompound || !ComesOnlyFromLiterals(write.Value, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOneWord(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string? what, string sink, bool quote)
    {

        var subject = what is null ? "A token" : quote ? "'" + what + "'" : what;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.PlaintextTokenStorage, node.GetLocation(), subject, sink));
    }
}
