using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK3002: a token, secret or connection string (or a record that holds one) passed to a logger — Microsoft.Extensions.Logging
/// (<c>Log*</c> extensions, <c>ILogger.Log</c>, <c>LoggerMessage.Define</c> delegates, <c>[LoggerMessage]</c> methods), Serilog,
/// NLog, log4net — to <c>Console</c>/<c>Debug</c>/<c>Trace</c>, or into an exception message. Reported at the argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK3002SensitiveDataInLogsAnalyzer : DiagnosticAnalyzer
{
    private static readonly HashSet<string> MelExtensionMethods = new(StringComparer.Ordinal)
    {
        "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope",
    };

    private static readonly HashSet<string> SerilogMethods = new(StringComparer.Ordinal)
    {
        "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write",
    };

    private static readonly HashSet<string> NLogMethods = new(StringComparer.Ordinal)
    {
        "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalDebug", "ConditionalTrace",
    };

    private static readonly HashSet<string> Log4NetMethods = new(StringComparer.Ordinal)
    {
        "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat",
    };

    private static readonly HashSet<string> ConsoleMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteAsync", "WriteLineAsync",
    };

    private static readonly HashSet<string> DiagnosticsMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Assert", "Fail", "TraceInformation", "TraceWarning", "TraceError",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveDataInLogs);

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

            var sinks = new LogSinks(start.Compilation);
            var flows = new TokenFlowCache(sinks.Flow, start.Options, countConnectionStrings: true);

            // Operation actions share the driver's operation tree (any SDK build's default analyzers build it anyway); a call
            // leaves on its method's name and containing type, and only a log sink's body gets a flow.
            start.RegisterOperationAction(c => OnInvocation(c, sinks, flows), OperationKind.Invocation);
            if (sinks.Flow.Exception is not null)
            {
                start.RegisterOperationAction(c => OnCreation(c, sinks, flows), OperationKind.ObjectCreation);
            }
        });
    }

    private static void OnInvocation(OperationAnalysisContext context, LogSinks sinks, TokenFlowCache flows)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (invocation.Arguments.IsEmpty || method.ContainingType is not { } type || Sink(invocation, method, type, sinks) is not { } sink)
        {
            return;
        }

        AnalyzeArguments(context, invocation, sink, sinks, flows.For(invocation));
    }

    private static void OnCreation(OperationAnalysisContext context, LogSinks sinks, TokenFlowCache flows)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!creation.Arguments.IsEmpty && TokenFlowSymbols.Is(creation.Type, sinks.Flow.Exception))
        {
            AnalyzeCreation(context, creation, flows.For(creation));
        }
    }

    private static void AnalyzeArguments(OperationAnalysisContext context, IInvocationOperation invocation, string sink, LogSinks sinks, Lazy<TokenValueFlow> flow)
    {
        string? template = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsContextParameter(parameter.Type, sinks))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    Check(context, element, sink, flow.Value, ref template, invocation);
                }
            }
            else
            {
                Check(context, argument.Value, sink, flow.Value, ref template, invocation);
            }
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, Lazy<TokenValueFlow> flow)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Name: "message" } && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                var value = flow.Value.Classify(argument.Value);
                if (value.IsSecretText)
                {
                    Report(context, argument.Value.Syntax, value, "an exception message");
                }
            }
        }
    }

    /// <summary>The sink's display name, or null when the call is not a log sink.</summary>
    private static string? Sink(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, LogSinks sinks)
    {
        var name = method.Name;

        // LoggerMessage.Define delegates: Action<ILogger, T1, …, Exception?>
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return method.Parameters.Length > 0 && TokenFlowSymbols.Is(method.Parameters[0].Type, sinks.MelLogger) ? "a LoggerMessage delegate" : null;
        }

        // [LoggerMessage] partial methods (the generator writes the body).
        if (method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null)
        {
            var definition = method.PartialDefinitionPart ?? method;
            foreach (var attribute in definition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sinks.LoggerMessageAttribute))
                {
                    return "[LoggerMessage] " + name;
                }
            }

            return null;
        }

        if (MelExtensionMethods.Contains(name))
        {
            if (SymbolEqualityComparer.Default.Equals(type, sinks.MelLoggerExtensions) || TokenFlowSymbols.Is(type, sinks.MelLogger))
            {
                return "ILogger." + name;
            }
        }

        if (SerilogMethods.Contains(name) && (SymbolEqualityComparer.Default.Equals(type, sinks.SerilogLog) || TokenFlowSymbols.Is(type, sinks.SerilogLogger)))
        {
            return "Serilog " + name;
        }

        if (NLogMethods.Contains(name) && (TokenFlowSymbols.Is(type, sinks.NLogLoggerBase) || TokenFlowSymbols.Is(type, sinks.NLogLogger)))
        {
            return "NLog " + name;
        }

        if (Log4NetMethods.Contains(name) && TokenFlowSymbols.Is(type, sinks.Log4NetLog))
        {
            return "log4net " + name;
        }

        if (ConsoleMethods.Contains(name))
        {
            if (SymbolEqualityComparer.Default.Equals(type, sinks.Console))
            {
                return "Console." + name;
            }

            // Console.Out.WriteLine / Console.Error.WriteLine
            if (invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } stream
                && SymbolEqualityComparer.Default.Equals(stream.Property.ContainingType, sinks.Console))
            {
                return "Console." + stream.Property.Name + "." + name;
            }
        }

        if (DiagnosticsMethods.Contains(name)
            && (SymbolEqualityComparer.Default.Equals(type, sinks.Debug) || SymbolEqualityComparer.Default.Equals(type, sinks.Trace)))
        {
            return type.Name + "." + name;
        }

        return null;
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string sink, TokenValueFlow flow, ref string? template, IInvocationOperation invocation)
    {
        var verdict = flow.Classify(value);
        if (verdict.IsSecretText)
        {
            Report(context, value.Syntax, verdict, sink);
            return;
        }

        if (verdict.Kind is SensitiveKind.Holder or SensitiveKind.HolderType)
        {
            // Records and anonymous objects print their members; Serilog's {@Tokens} destructures any object.
            template ??= Template(invocation);
            if (TokenFlowSymbols.PrintsMembers(OperationTree.Unwrap(value).Type) || template.IndexOf("{@", StringComparison.Ordinal) >= 0)
            {
                Report(context, value.Syntax, verdict, sink);
            }
        }
    }

    private static string Template(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }
        }

        return string.Empty;
    }

    /// <summary>Arguments that say where or how to log, never what: the logger, exception, level, event id, format provider, condition.</summary>
    private static bool IsContextParameter(ITypeSymbol type, LogSinks sinks) =>
        type.SpecialType == SpecialType.System_Boolean
        || type.TypeKind == TypeKind.Enum
        || TokenFlowSymbols.Is(type, sinks.Flow.Exception)
        || TokenFlowSymbols.Is(type, sinks.MelLogger)
        || TokenFlowSymbols.Is(type, sinks.FormatProvider)
        || SymbolEqualityComparer.Default.Equals(type, sinks.EventId);

    private static void Report(OperationAnalysisContext context, SyntaxNode node, SensitiveValue value, string sink)
    {
        var what = value.Kind == SensitiveKind.ConnectionString
            ? "The connection string" + (value.Name is null ? string.Empty : " '" + value.Name + "'")
            : value.Name is null ? "A secret" : "'" + value.Name + "'";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SensitiveDataInLogs, node.GetLocation(), what, sink));
    }

    /// <summary>Logger types, resolved once per compilation; absent libraries stay null and never match.</summary>
    private sealed class LogSinks
    {
        public LogSinks(Compilation compilation)
        {
            Flow = TokenFlowSymbols.Create(compilation);
            MelLogger = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.MicrosoftExtensionsLoggingILogger);
            MelLoggerExtensions = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.MicrosoftExtensionsLoggingLoggerExtensions);
            LoggerMessageAttribute = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.MicrosoftExtensionsLoggingLoggerMessageAttribute);
            EventId = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.MicrosoftExtensionsLoggingEventId);
            SerilogLogger = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SerilogILogger);
            SerilogLog = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SerilogLog);
            NLogLoggerBase = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.NLogILoggerBase);
            NLogLogger = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.NLogLogger);
            Log4NetLog = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.log4netILog);
            Console = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemConsole);
            Debug = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemDiagnosticsDebug);
            Trace = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemDiagnosticsTrace);
            FormatProvider = WellKnownTypes.For(compilation).Get(WellKnownTypeNames.SystemIFormatProvider);
        }

        public TokenFlowSymbols Flow { get; }

        public INamedTypeSymbol? MelLogger { get; }

        public INamedTypeSymbol? MelLoggerExtensions { get; }

        public INamedTypeSymbol? LoggerMessageAttribute { get; }

        public INamedTypeSymbol? EventId { get; }

        public INamedTypeSymbol? SerilogLogger { get; }

        public INamedTypeSymbol? SerilogLog { get; }

        public INamedTypeSymbol? NLogLoggerBase { get; }

        public INamedTypeSymbol? NLogLogger { get; }

        public INamedTypeSymbol? Log4NetLog { get; }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? Debug { get; }

        public INamedTypeSymbol? Trace { get; }

        public INamedTypeSymbol? FormatProvider { get; }
    }
}
