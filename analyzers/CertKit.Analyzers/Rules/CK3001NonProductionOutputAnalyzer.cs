using System;
using System.Collections.Immutable;
using CertKit.Analyzers.Detection;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK3001: <c>Console</c> writes, <c>Debug</c>/<c>Trace</c> output and <c>Debugger.Launch/Break/Log</c> in library and service code.
/// A command-line tool's own console output is allowed (see <see cref="ProjectKind"/>); Debug, Trace and debugger calls never are.
/// <c>Debug.Assert</c>/<c>Debug.Fail</c>/<c>Trace.Assert</c> are invariant checks, not output, and are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK3001NonProductionOutputAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property key carrying which ILogger method the code fix should call.</summary>
    public const string LogLevelMethodKey = "LogMethod";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NonProductionOutput);

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

            var compilation = start.Compilation;
            var types = WellKnownTypes.For(compilation);
            var symbols = new OutputSymbols(
                types.Get(WellKnownTypeNames.SystemConsole),
                types.Get(WellKnownTypeNames.SystemDiagnosticsDebug),
                types.Get(WellKnownTypeNames.SystemDiagnosticsTrace),
                types.Get(WellKnownTypeNames.SystemDiagnosticsDebugger),
                types.Get(WellKnownTypeNames.SystemIOTextWriter),
                types.Get("System.Environment"));
            if (symbols.Console is null && symbols.Debug is null && symbols.Trace is null && symbols.Debugger is null)
            {
                return;
            }

            var isCommandLineTool = ProjectKind.IsCommandLineTool(compilation, start.Options);
            start.RegisterOperationAction(context => AnalyzeInvocation(context, symbols, isCommandLineTool), OperationKind.Invocation);

            // agreements.ForEach(Console.WriteLine): a method group writes just the same.
            start.RegisterOperationAction(context => AnalyzeMethodReference(context, symbols, isCommandLineTool), OperationKind.MethodReference);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, OutputSymbols symbols, bool isCommandLineTool)
    {
        var invocation = (IInvocationOperation)context.Operation;
        Analyze(context, invocation, invocation.TargetMethod, invocation.Instance, symbols, isCommandLineTool);
    }

    private static void AnalyzeMethodReference(OperationAnalysisContext context, OutputSymbols symbols, bool isCommandLineTool)
    {
        var reference = (IMethodReferenceOperation)context.Operation;
        Analyze(context, reference, reference.Method, reference.Instance, symbols, isCommandLineTool);
    }

    private static void Analyze(OperationAnalysisContext context, IOperation operation, IMethodSymbol method, IOperation? instance, OutputSymbols symbols, bool isCommandLineTool)
    {
        var type = method.ContainingType;
        string? display;
        string? logMethod;
        bool isConsole;

        if (SymbolEqualityComparer.Default.Equals(type, symbols.Console))
        {
            if (!IsWriteMethod(method.Name))
            {
                return;
            }

            display = "Console." + method.Name;
            logMethod = "LogInformation";
            isConsole = true;
        }
        else if (symbols.TextWriter is not null && IsWriteMethod(method.Name) && IsConsoleStream(instance, symbols.Console, out var stream)
                 && InheritsFrom(type, symbols.TextWriter))
        {
            display = "Console." + stream + "." + method.Name;
            logMethod = stream == "Error" ? "LogError" : "LogInformation";
            isConsole = true;
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.Debug))
        {
            logMethod = DebugLogMethod(method.Name);
            if (logMethod is null)
            {
                return;
            }

            display = "Debug." + method.Name;
            isConsole = false;
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.Trace))
        {
            logMethod = TraceLogMethod(method.Name);
            if (logMethod is null)
            {
                return;
            }

            display = "Trace." + method.Name;
            isConsole = false;
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.Debugger))
        {
            if (method.Name is not ("Launch" or "Break" or "Log"))
            {
                return;
            }

            display = "Debugger." + method.Name;
            logMethod = null;
            isConsole = false;
        }
        else
        {
            return;
        }

        if (isConsole && (ConsoleOutputAllowed(context, isCommandLineTool) || IsSample(context) || IsLastWordsBeforeExit(operation, symbols.Environment)
                          || IsConsoleAdapterMember(context.ContainingSymbol)))
        {
            return;
        }

        if (DevelopmentGuards.IsInsideDebugDirective(operation.Syntax, context.CancellationToken)
            || (operation.SemanticModel is { } model && DevelopmentGuards.IsInsideDebugConditionalMethod(model, operation.Syntax.SpanStart, context.CancellationToken)))
        {
            return;
        }

        var properties = logMethod is null || operation.Kind != OperationKind.Invocation
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(LogLevelMethodKey, logMethod);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NonProductionOutput, operation.Syntax.GetLocation(), properties, display));
    }

    private static bool ConsoleOutputAllowed(OperationAnalysisContext context, bool isCommandLineTool)
    {
        var configured = CertKitOptions.Get(context.Options, context.Operation.Syntax.SyntaxTree).ConsoleOutputAllowed;
        return configured ?? isCommandLineTool;
    }

    /// <summary>
    /// Sample code (a <c>Foo.Examples</c> project, a file under <c>samples/</c> or <c>examples/</c> of its project): its console
    /// output is what the sample shows its reader. Asked only for a console write, so the path is not read on the hot path.
    /// </summary>
    private static bool IsSample(OperationAnalysisContext context) =>
        FileClassifier.IsSampleName(context.Compilation.AssemblyName ?? string.Empty)
        || FileClassifier.SampleFolderOf(ProjectScope.RelativeToProject(context.Operation.Syntax.SyntaxTree.FilePath, context.Options)) is not null;

    /// <summary>
    /// A console write followed, in the same block, by <c>Environment.Exit</c>: a process that cannot start tells why on its
    /// console and stops, before any logger exists (a service's startup failure), which is output meant for production.
    /// </summary>
    private static bool IsLastWordsBeforeExit(IOperation operation, INamedTypeSymbol? environment)
    {
        if (environment is null || operation.Parent is not IExpressionStatementOperation statement || statement.Parent is not IBlockOperation block)
        {
            return false;
        }

        var after = false;
        foreach (var next in block.Operations)
        {
            if (ReferenceEquals(next, statement))
            {
                after = true;
            }
            else if (after && next is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod: { Name: "Exit" } exit } }
                     && SymbolEqualityComparer.Default.Equals(exit.ContainingType, environment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A <c>Write…</c> or <c>Log…</c> method that implements an interface member (<c>IConsole.WriteLine</c> →
    /// <c>Console.WriteLine</c>, an SDK's <c>ILogger.Log</c> → <c>Console.WriteLine</c>): the adapter through which a tool's
    /// or a library's own output goes, not output left in the code. Whether writing there belongs in production is decided
    /// where the interface is chosen. When the type's declared interfaces did not resolve (a degraded compilation, a PCL
    /// whose core library is missing), a public instance method of that name may implement one and is taken as the adapter
    /// it is declared to be.
    /// </summary>
    private static bool IsConsoleAdapterMember(ISymbol containing)
    {
        if (containing is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation } method
            || !IsOutputMethodName(method.MethodKind == MethodKind.ExplicitInterfaceImplementation && method.ExplicitInterfaceImplementations.Length > 0 ? method.ExplicitInterfaceImplementations[0].Name : method.Name))
        {
            return false;
        }

        if (!method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return true;
        }

        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }

                // The interface comes from a project whose core library is missing (its string is an error type): the
                // signatures cannot match exactly, so the member of the same name and arity is the one implemented.
                if (member is IMethodSymbol declared && declared.Parameters.Length == method.Parameters.Length && (HasUnresolvedType(declared) || HasUnresolvedType(method)))
                {
                    return true;
                }
            }
        }

        return method is { IsStatic: false, DeclaredAccessibility: Accessibility.Public } && DeclaresUnresolvedBase(method.ContainingType);
    }

    private static bool HasUnresolvedType(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        return false;
    }

    // class Logger : APGW.ILogger where APGW.ILogger did not bind: the compiler keeps an error type in the base list.
    private static bool DeclaresUnresolvedBase(INamedTypeSymbol type)
    {
        if (type.BaseType is { TypeKind: TypeKind.Error })
        {
            return true;
        }

        foreach (var declared in type.Interfaces)
        {
            if (declared.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOutputMethodName(string name) => IsWriteMethod(name) || name.StartsWith("Log", StringComparison.Ordinal);

    private static bool IsWriteMethod(string name) => name.StartsWith("Write", StringComparison.Ordinal);

    /// <summary><c>Console.Out</c> or <c>Console.Error</c> as the receiver of a TextWriter call.</summary>
    private static bool IsConsoleStream(IOperation? instance, INamedTypeSymbol? console, out string stream)
    {
        stream = string.Empty;
        if (instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } property }
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, console))
        {
            stream = property.Name;
            return true;
        }

        return false;
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static string? DebugLogMethod(string name) => name switch
    {
        "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" or "Print" => "LogDebug",
        _ => null,
    };

    private static string? TraceLogMethod(string name) => name switch
    {
        "Write" or "WriteLine" or "WriteIf" or "WriteLineIf" => "LogTrace",
        "TraceInformation" => "LogInformation",
        "TraceWarning" => "LogWarning",
        "TraceError" => "LogError",
        _ => null,
    };

    private sealed class OutputSymbols
    {
        public OutputSymbols(INamedTypeSymbol? console, INamedTypeSymbol? debug, INamedTypeSymbol? trace, INamedTypeSymbol? debugger, INamedTypeSymbol? textWriter, INamedTypeSymbol? environment)
        {
            Environment = environment;
            Console = console;
            Debug = debug;
            Trace = trace;
            Debugger = debugger;
            TextWriter = textWriter;
        }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? Debug { get; }

        public INamedTypeSymbol? Trace { get; }

        public INamedTypeSymbol? Debugger { get; }

        public INamedTypeSymbol? TextWriter { get; }

        public INamedTypeSymbol? Environment { get; }
    }

    /// <summary>
    /// Tells a command-line tool (whose console output is its product) from libraries and services.
    /// A tool is an executable (<c>OutputType</c> Exe, compilation kind ConsoleApplication) that is built with neither the
    /// Web nor the Worker SDK and references no hosting assembly, or that parses its command line with a command-line
    /// library (System.CommandLine, CommandLineParser, …: a tool that builds a generic host for dependency injection is still
    /// a tool). <c>certkit.console_output_allowed</c> overrides the verdict.
    /// The references are the compilation's, or, when the certkit tool compiled a project ad hoc (against references of its
    /// own choosing), the names the project file references (<see cref="ProjectReferencesKey"/>).
    /// </summary>
    public static class ProjectKind
    {
        /// <summary>
        /// Global option the certkit tool sets for a project it compiles ad hoc: the package and framework references of the
        /// project file, separated by <c>,</c> (a <c>;</c> starts a comment in a config file).
        /// </summary>
        public const string ProjectReferencesKey = "build_property.CertKitProjectReferences";

        // Assemblies that make an executable a hosted service rather than a command-line tool.
        private static readonly string[] HostingAssemblies =
        {
            "Microsoft.Extensions.Hosting",
            "Microsoft.AspNetCore",
            "Microsoft.AspNetCore.App",
            "Microsoft.AspNetCore.Hosting",
            "Microsoft.Azure.Functions.Worker.Core",
            "Microsoft.Azure.Functions.Worker",
        };

        // Command-line parsing libraries (package and assembly names): an executable that parses its arguments with one is a tool.
        private static readonly string[] CommandLineLibraries =
        {
            "System.CommandLine",
            "CommandLine",
            "CommandLineParser",
            "McMaster.Extensions.CommandLineUtils",
            "Spectre.Console.Cli",
            "Cocona",
            "CliFx",
            "Mono.Options",
            "NDesk.Options",
        };

        public static bool IsCommandLineTool(Compilation compilation, AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (global.TryGetValue("build_property.OutputType", out var outputType) && !string.IsNullOrWhiteSpace(outputType))
            {
                if (!string.Equals(outputType.Trim(), "Exe", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (compilation.Options.OutputKind != OutputKind.ConsoleApplication)
            {
                return false;
            }

            if (IsTrue(global, "build_property.UsingMicrosoftNETSdkWeb") || IsTrue(global, "build_property.UsingMicrosoftNETSdkWorker"))
            {
                return false;
            }

            var hosting = false;
            if (global.TryGetValue(ProjectReferencesKey, out var projectReferences) && projectReferences is not null)
            {
                foreach (var name in projectReferences.Split(new[] { ',', ';' }))
                {
                    var trimmed = name.Trim();
                    if (IsOneOf(trimmed, CommandLineLibraries))
                    {
                        return true;
                    }

                    hosting |= IsOneOf(trimmed, HostingAssemblies);
                }

                return !hosting;
            }

            foreach (var assembly in ProjectScope.ReferencedAssemblyNames(compilation))
            {
                if (IsOneOf(assembly, CommandLineLibraries))
                {
                    return true;
                }

                hosting |= IsOneOf(assembly, HostingAssemblies);
            }

            return !hosting;
        }

        private static bool IsOneOf(string name, string[] names)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
