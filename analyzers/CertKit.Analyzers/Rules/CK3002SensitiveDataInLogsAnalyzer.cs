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

            var sinks = LogSinks.For(start.Compilation);
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
        if (invocation.Arguments.IsEmpty || method.ContainingType is not { } type || sinks.Describe(invocation, method, type) is not { } sink)
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

    private static void AnalyzeArguments(OperationAnalysisContext context, IInvocationOperation invocation, string sink, LogSinks sinks, TokenFlowHandle flow)
    {
        string? template = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && sinks.IsContextParameter(parameter.Type))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    Check(context, element, sink, flow, ref template, invocation);
                }
            }
            else
            {
                Check(context, argument.Value, sink, flow, ref template, invocation);
            }
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, TokenFlowHandle flow)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Name: "message" } && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                var value = flow.Value.ClassifyExposure(argument.Value);
                if (value.IsSecretText)
                {
                    Report(context, argument.Value.Syntax, value, "an exception message");
                }
            }
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation value, string sink, TokenFlowHandle flow, ref string? template, IInvocationOperation invocation)
    {
        // A literal or default (most templates and many arguments) is never a secret to the flow: judged without the body's flow or its lock.
        if (OperationTree.Unwrap(value) is ILiteralOperation or IDefaultValueOperation)
        {
            return;
        }

        // Whether the value was protected does not matter here, only whether it exposes a secret.
        var verdict = flow.Value.ClassifyExposure(value);
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

    private static void Report(OperationAnalysisContext context, SyntaxNode node, SensitiveValue value, string sink)
    {
        var what = value.Kind == SensitiveKind.ConnectionString
            ? "The connection string" + (value.Name is null ? string.Empty : " '" + value.Name + "'")
            : value.Subject ?? "A secret";
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SensitiveDataInLogs, node.GetLocation(), what, sink));
    }
}
