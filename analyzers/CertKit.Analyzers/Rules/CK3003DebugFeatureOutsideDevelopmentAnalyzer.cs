using System;
using System.Collections.Immutable;
using CertKit.Analyzers.Flow;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Rules;

/// <summary>
/// CK3003: developer-only features switched on without a development guard: the developer exception page, Swagger/OpenAPI UI,
/// EF Core sensitive data logging and detailed errors, <c>IdentityModelEventSource.ShowPII</c>, and detailed-error switches of
/// Blazor, SignalR, JWT bearer and the web host. Guards are those of <see cref="DevelopmentGuards"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CK3003DebugFeatureOutsideDevelopmentAnalyzer : DiagnosticAnalyzer
{
    private const string AspNetCoreBuilderNamespace = "Microsoft.AspNetCore.Builder";
    private const string EntityFrameworkNamespace = "Microsoft.EntityFrameworkCore";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DebugFeatureOutsideDevelopment);

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
            var hasAspNetCore = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreBuilderIApplicationBuilder) is not null
                || types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHostingIWebHostBuilder) is not null;
            var hasEntityFramework = types.Get(WellKnownTypeNames.MicrosoftEntityFrameworkCoreDbContextOptionsBuilder) is not null;
            var identityModelEventSource = types.Get(WellKnownTypeNames.MicrosoftIdentityModelLoggingIdentityModelEventSource);
            if (!hasAspNetCore && !hasEntityFramework && identityModelEventSource is null)
            {
                return;
            }

            start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(context => AnalyzeAssignment(context, identityModelEventSource), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "UseDeveloperExceptionPage":
            case "UseDatabaseErrorPage":
            case "UseMigrationsEndPoint":
            case "UseBrowserLink":
            case "MapOpenApi":
                if (!SymbolNames.NamespaceIs(Namespace(method), AspNetCoreBuilderNamespace))
                {
                    return;
                }

                break;
            case "UseSwagger":
            case "UseSwaggerUI":
            case "UseReDoc":
            case "MapSwagger":
                // Swashbuckle puts its extensions in Microsoft.AspNetCore.Builder; NSwag and others in their own namespaces.
                if (!SymbolNames.NamespaceIs(Namespace(method), AspNetCoreBuilderNamespace) && !SymbolNames.NamespaceIsOrIsUnder(Namespace(method), "Swashbuckle") && !SymbolNames.NamespaceIsOrIsUnder(Namespace(method), "NSwag"))
                {
                    return;
                }

                break;
            case "EnableSensitiveDataLogging":
            case "EnableDetailedErrors":
                if (!SymbolNames.NamespaceIsOrIsUnder(Namespace(method), EntityFrameworkNamespace) || !SwitchArgumentIsOnOrAbsent(invocation))
                {
                    return;
                }

                break;
            case "UseSetting":
                // webHost.UseSetting(WebHostDefaults.DetailedErrorsKey, "true")
                if (!SymbolNames.NamespaceIsOrIsUnder(Namespace(method), "Microsoft.AspNetCore") || !IsDetailedErrorsSetting(invocation))
                {
                    return;
                }

                break;
            default:
                return;
        }

        Report(context, invocation, method.Name + "()");

        // Read for the few calls whose name matches, not for every invocation.
        static INamespaceSymbol? Namespace(IMethodSymbol method) => method.ContainingType?.ContainingNamespace;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol? identityModelEventSource)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
        {
            return;
        }

        switch (property.Name)
        {
            case "ShowPII":
            case "LogCompleteSecurityArtifact":
                if (identityModelEventSource is null || !SymbolEqualityComparer.Default.Equals(property.ContainingType, identityModelEventSource))
                {
                    return;
                }

                break;
            case "DetailedErrors":
            case "EnableDetailedErrors":
            case "IncludeErrorDetails":
                // CircuitOptions.DetailedErrors (Blazor Server), HubOptions.EnableDetailedErrors (SignalR), JwtBearerOptions.IncludeErrorDetails.
                if (!SymbolNames.NamespaceIsOrIsUnder(property.ContainingType?.ContainingNamespace, "Microsoft.AspNetCore"))
                {
                    return;
                }

                break;
            default:
                return;
        }

        if (!IsConstantTrue(assignment.Value))
        {
            return;
        }

        Report(context, assignment, property.Name + " = true");
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string feature)
    {
        if (DevelopmentGuards.IsDevelopmentOnly(operation, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.DebugFeatureOutsideDevelopment, operation.Syntax.GetLocation(), feature));
    }

    /// <summary><c>EnableSensitiveDataLogging()</c> or <c>(true)</c>; a computed switch (configuration, IsDevelopment()) is the caller's decision.</summary>
    private static bool SwitchArgumentIsOnOrAbsent(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_Boolean)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return true;
            }

            return IsConstantTrue(argument.Value);
        }

        return true;
    }

    private static bool IsDetailedErrorsSetting(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length != 2 && !(invocation.Arguments.Length == 3 && invocation.TargetMethod.IsExtensionMethod))
        {
            return false;
        }

        var offset = invocation.Arguments.Length - 2;
        var key = invocation.Arguments[offset].Value;
        var value = invocation.Arguments[offset + 1].Value.ConstantValue;
        return IsDetailedErrorsKey(key)
            && value is { HasValue: true, Value: string valueText } && (string.Equals(valueText, "true", StringComparison.OrdinalIgnoreCase) || valueText == "1");
    }

    /// <summary>"detailedErrors", or <c>WebHostDefaults.DetailedErrorsKey</c> (a static readonly field, so not a constant).</summary>
    private static bool IsDetailedErrorsKey(IOperation key)
    {
        if (key.ConstantValue is { HasValue: true, Value: string keyText })
        {
            return string.Equals(keyText, "detailedErrors", StringComparison.OrdinalIgnoreCase);
        }

        return key is IFieldReferenceOperation { Field: { Name: "DetailedErrorsKey", ContainingType.Name: "WebHostDefaults" } };
    }

    private static bool IsConstantTrue(IOperation operation)
    {
        // HubOptions.EnableDetailedErrors is bool?: the literal arrives wrapped in a nullable conversion.
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation.ConstantValue is { HasValue: true, Value: true };
    }
}
