using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Log sinks (CK3002): Microsoft.Extensions.Logging (<c>Log*</c> extensions, <c>ILogger.Log</c>, <c>LoggerMessage.Define</c>
/// delegates, <c>[LoggerMessage]</c> methods), Serilog, NLog, log4net, <c>Console</c>, <c>Debug</c>, <c>Trace</c>. The logger
/// types are resolved once per compilation; absent libraries stay null and never match.
/// </summary>
internal sealed class LogSinks
{
    private static readonly ConditionalWeakTable<Compilation, LogSinks> PerCompilation = new();

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

    [Flags]
    private enum Families : byte
    {
        MicrosoftExtensionsLogging = 1,
        Serilog = 2,
        NLog = 4,
        Log4Net = 8,
        Console = 16,
        Diagnostics = 32,
    }

    // Every name a log call can have, with the families that use it: most invocations leave on one look-up.
    private static readonly Dictionary<string, Families> SinkNames = IndexNames();

    private static Dictionary<string, Families> IndexNames()
    {
        var index = new Dictionary<string, Families>(StringComparer.Ordinal);
        Add(MelExtensionMethods, Families.MicrosoftExtensionsLogging);
        Add(SerilogMethods, Families.Serilog);
        Add(NLogMethods, Families.NLog);
        Add(Log4NetMethods, Families.Log4Net);
        Add(ConsoleMethods, Families.Console);
        Add(DiagnosticsMethods, Families.Diagnostics);
        return index;

        void Add(HashSet<string> names, Families family)
        {
            foreach (var name in names)
            {
                index[name] = index.TryGetValue(name, out var known) ? known | family : family;
            }
        }
    }

    private readonly KnownType melLogger;
    private readonly KnownType melLoggerExtensions;
    private readonly KnownType loggerMessageAttribute;
    private readonly KnownType eventId;
    private readonly KnownType serilogLogger;
    private readonly KnownType serilogLog;
    private readonly KnownType nLogLoggerBase;
    private readonly KnownType nLogLogger;
    private readonly KnownType log4NetLog;
    private readonly KnownType console;
    private readonly KnownType debug;
    private readonly KnownType trace;
    private readonly KnownType formatProvider;

    private LogSinks(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        Flow = TokenFlowSymbols.For(compilation);
        melLogger = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsLoggingILogger);
        melLoggerExtensions = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsLoggingLoggerExtensions);
        loggerMessageAttribute = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsLoggingLoggerMessageAttribute);
        eventId = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsLoggingEventId);
        serilogLogger = types.Lazy(WellKnownTypeNames.SerilogILogger);
        serilogLog = types.Lazy(WellKnownTypeNames.SerilogLog);
        nLogLoggerBase = types.Lazy(WellKnownTypeNames.NLogILoggerBase);
        nLogLogger = types.Lazy(WellKnownTypeNames.NLogLogger);
        log4NetLog = types.Lazy(WellKnownTypeNames.log4netILog);
        console = types.Lazy(WellKnownTypeNames.SystemConsole);
        debug = types.Lazy(WellKnownTypeNames.SystemDiagnosticsDebug);
        trace = types.Lazy(WellKnownTypeNames.SystemDiagnosticsTrace);
        formatProvider = types.Lazy(WellKnownTypeNames.SystemIFormatProvider);
    }

    public TokenFlowSymbols Flow { get; }

    public INamedTypeSymbol? MelLogger => melLogger.Value;

    public INamedTypeSymbol? MelLoggerExtensions => melLoggerExtensions.Value;

    public INamedTypeSymbol? LoggerMessageAttribute => loggerMessageAttribute.Value;

    public INamedTypeSymbol? EventId => eventId.Value;

    public INamedTypeSymbol? SerilogLogger => serilogLogger.Value;

    public INamedTypeSymbol? SerilogLog => serilogLog.Value;

    public INamedTypeSymbol? NLogLoggerBase => nLogLoggerBase.Value;

    public INamedTypeSymbol? NLogLogger => nLogLogger.Value;

    public INamedTypeSymbol? Log4NetLog => log4NetLog.Value;

    public INamedTypeSymbol? Console => console.Value;

    public INamedTypeSymbol? Debug => debug.Value;

    public INamedTypeSymbol? Trace => trace.Value;

    public INamedTypeSymbol? FormatProvider => formatProvider.Value;

    public static LogSinks For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new LogSinks(c));

    /// <summary>The sink's display name, or null when the call is not a log sink.</summary>
    public string? Describe(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type)
    {
        var name = method.Name;

        // LoggerMessage.Define delegates: Action<ILogger, T1, …, Exception?>
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return method.Parameters.Length > 0 && TokenFlowSymbols.Is(method.Parameters[0].Type, MelLogger) ? "a LoggerMessage delegate" : null;
        }

        // [LoggerMessage] partial methods (the generator writes the body).
        if (method.PartialImplementationPart is not null || method.PartialDefinitionPart is not null)
        {
            var definition = method.PartialDefinitionPart ?? method;
            foreach (var attribute in definition.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LoggerMessageAttribute))
                {
                    return "[LoggerMessage] " + name;
                }
            }

            return null;
        }

        if (!SinkNames.TryGetValue(name, out var families))
        {
            return null;
        }

        if ((families & Families.MicrosoftExtensionsLogging) != 0)
        {
            if (SymbolEqualityComparer.Default.Equals(type, MelLoggerExtensions) || TokenFlowSymbols.Is(type, MelLogger))
            {
                return "ILogger." + name;
            }
        }

        if ((families & Families.Serilog) != 0 && (SymbolEqualityComparer.Default.Equals(type, SerilogLog) || TokenFlowSymbols.Is(type, SerilogLogger)))
        {
            return "Serilog " + name;
        }

        if ((families & Families.NLog) != 0 && (TokenFlowSymbols.Is(type, NLogLoggerBase) || TokenFlowSymbols.Is(type, NLogLogger)))
        {
            return "NLog " + name;
        }

        if ((families & Families.Log4Net) != 0 && TokenFlowSymbols.Is(type, Log4NetLog))
        {
            return "log4net " + name;
        }

        if ((families & Families.Console) != 0)
        {
            if (SymbolEqualityComparer.Default.Equals(type, Console))
            {
                return "Console." + name;
            }

            // Console.Out.WriteLine / Console.Error.WriteLine
            if (invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } stream
                && SymbolEqualityComparer.Default.Equals(stream.Property.ContainingType, Console))
            {
                return "Console." + stream.Property.Name + "." + name;
            }
        }

        if ((families & Families.Diagnostics) != 0
            && (SymbolEqualityComparer.Default.Equals(type, Debug) || SymbolEqualityComparer.Default.Equals(type, Trace)))
        {
            return type.Name + "." + name;
        }

        return null;
    }

    /// <summary>Arguments that say where or how to log, never what: the logger, exception, level, event id, format provider, condition.</summary>
    public bool IsContextParameter(ITypeSymbol type)
    {
        // Text, numbers, object and arrays (a log call's message and params array) are none of the context types: answered
        // before the interface searches, which build a type's interface list anew on every call (2 µs a parameter).
        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Array)
        {
            return type.SpecialType == SpecialType.System_Boolean;
        }

        return type.TypeKind == TypeKind.Enum
            || TokenFlowSymbols.Is(type, Flow.Exception)
            || TokenFlowSymbols.Is(type, MelLogger)
            || TokenFlowSymbols.Is(type, FormatProvider)
            || SymbolEqualityComparer.Default.Equals(type, EventId);
    }
}
