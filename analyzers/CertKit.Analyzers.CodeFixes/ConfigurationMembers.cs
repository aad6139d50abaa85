using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>The <c>IConfiguration</c> a type already has: an instance field or property, a static one, a primary-constructor parameter.</summary>
internal readonly struct ConfigurationMembers
{
    public const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

    private ConfigurationMembers(string? instance, bool instanceIsInherited, string? @static, string? primaryConstructorParameter)
    {
        Instance = instance;
        InstanceIsInherited = instanceIsInherited;
        Static = @static;
        PrimaryConstructorParameter = primaryConstructorParameter;
    }

    /// <summary>An instance field or property (this type's, or a base type's non-private one), e.g. a constructor-injected <c>_configuration</c>.</summary>
    public string? Instance { get; }

    /// <summary>True when <see cref="Instance"/> is declared in a base type: assigned before this type's constructor body runs.</summary>
    public bool InstanceIsInherited { get; }

    public string? Static { get; }

    public string? PrimaryConstructorParameter { get; }

    public static ConfigurationMembers Of(SemanticModel semanticModel, TypeDeclarationSyntax type, CancellationToken cancellationToken)
    {
        var configurationType = semanticModel.Compilation.GetTypeByMetadataName(ConfigurationTypeName);
        if (configurationType is null)
        {
            return default;
        }

        var primary = type.ParameterList is { } parameters ? FindParameter(semanticModel, parameters.Parameters, configurationType, cancellationToken) : null;
        if (semanticModel.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol)
        {
            return new ConfigurationMembers(null, false, null, primary);
        }

        string? instance = null;
        var instanceIsInherited = false;
        string? @static = null;
        for (var current = typeSymbol; current is not null; current = current.BaseType)
        {
            var inherited = !SymbolEqualityComparer.Default.Equals(current, typeSymbol);
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field when !field.IsImplicitlyDeclared => field.Type,
                    IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null => property.Type,
                    _ => null,
                };

                if (memberType is null || !IsConfiguration(memberType, configurationType)
                    || (inherited && member.DeclaredAccessibility == Accessibility.Private))
                {
                    continue;
                }

                if (member.IsStatic)
                {
                    @static ??= member.Name;
                }
                else if (instance is null)
                {
                    instance = member.Name;
                    instanceIsInherited = inherited;
                }
            }
        }

        return new ConfigurationMembers(instance, instanceIsInherited, @static, primary);
    }

    public static string? FindParameter(
        SemanticModel semanticModel,
        SeparatedSyntaxList<ParameterSyntax> parameters,
        INamedTypeSymbol configurationType,
        CancellationToken cancellationToken)
    {
        foreach (var parameter in parameters)
        {
            if (semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is { } symbol && IsConfiguration(symbol.Type, configurationType))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configurationType)
    {
        if (SymbolEqualityComparer.Default.Equals(type, configurationType))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, configurationType))
            {
                return true;
            }
        }

        return false;
    }
}
