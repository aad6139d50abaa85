using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CertKit.Action.Evidence.Api;

/// <summary>
/// Reads the public and protected surface of a compilation, by symbol: types and their visible members declared in the
/// folder's source (generated files under obj/ left out). Private and internal code, and method bodies, are not part of it.
/// </summary>
internal static class ApiSurfaceCollector
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat DisplayFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut);

    /// <param name="relativePath">The reported path of a declaration's file, or null when the file is not part of the folder's source.</param>
    public static void Collect(Compilation compilation, Func<string, string?> relativePath, Dictionary<string, ApiSymbol> into)
    {
        Visit(compilation.Assembly.GlobalNamespace, relativePath, into);
    }

    private static void Visit(INamespaceSymbol ns, Func<string, string?> relativePath, Dictionary<string, ApiSymbol> into)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                Visit(inner, relativePath, into);
            }
            else if (member is INamedTypeSymbol type && member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public)
            {
                VisitType(type, relativePath, into);
            }
        }
    }

    private static void VisitType(INamedTypeSymbol type, Func<string, string?> relativePath, Dictionary<string, ApiSymbol> into)
    {
        var location = SourceLocation(type, relativePath);
        if (location is null)
        {
            return;
        }

        var typeKey = "T:" + type.ToDisplayString(TypeFormat);
        var typeFacets = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = type.IsRecord ? "record " + type.TypeKind.ToString().ToLowerInvariant() : type.TypeKind.ToString().ToLowerInvariant(),
            ["accessibility"] = Accessibility(type),
            ["modifiers"] = Modifiers(type),
            ["base"] = type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType and not SpecialType.System_Enum } baseType ? baseType.ToDisplayString(TypeFormat) : string.Empty,
            ["interfaces"] = string.Join(", ", type.Interfaces.Select(i => i.ToDisplayString(TypeFormat)).Order(StringComparer.Ordinal)),
        };
        if (type.TypeKind == TypeKind.Enum && type.EnumUnderlyingType is { } underlying)
        {
            typeFacets["underlying"] = underlying.ToDisplayString(TypeFormat);
        }

        into[typeKey] = new ApiSymbol(typeKey, type.ContainingType is null ? null : "T:" + type.ContainingType.ToDisplayString(TypeFormat), type.Name, "type", type.ToDisplayString(TypeFormat), typeFacets, false, location.Value.File, location.Value.Line);

        foreach (var member in type.GetMembers())
        {
            if (!IsVisible(member))
            {
                continue;
            }

            if (member is INamedTypeSymbol nested)
            {
                VisitType(nested, relativePath, into);
                continue;
            }

            if (!IsSurfaceMember(member))
            {
                continue;
            }

            var memberLocation = SourceLocation(member, relativePath) ?? location.Value;
            var facets = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["accessibility"] = Accessibility(member),
                ["modifiers"] = Modifiers(member),
            };
            var parameters = ImmutableParameters(member);
            switch (member)
            {
                case IMethodSymbol method:
                    facets["returns"] = method.ReturnType.ToDisplayString(TypeFormat) + RefKind(method.RefKind);
                    facets["typeParameters"] = string.Join(", ", method.TypeParameters.Select(Constraints));
                    break;
                case IPropertySymbol property:
                    facets["returns"] = property.Type.ToDisplayString(TypeFormat) + RefKind(property.RefKind);
                    facets["accessors"] = Accessors(property);
                    break;
                case IFieldSymbol field:
                    facets["returns"] = field.Type.ToDisplayString(TypeFormat);
                    if (field.HasConstantValue)
                    {
                        facets["value"] = Format(field.ConstantValue);
                    }

                    break;
                case IEventSymbol @event:
                    facets["returns"] = @event.Type.ToDisplayString(TypeFormat);
                    break;
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                facets["parameter " + parameter.Name] = (parameter.IsParams ? "params " : string.Empty) + RefKind(parameter.RefKind)
                    + (parameter.HasExplicitDefaultValue ? "optional = " + Format(parameter.ExplicitDefaultValue) : "required");
            }

            var key = typeKey + "::" + member.Name + (parameters.Count > 0 || member is IMethodSymbol ? "(" + string.Join(",", parameters.Select(p => RefKind(p.RefKind) + p.Type.ToDisplayString(TypeFormat))) + ")" : string.Empty)
                + (member is IMethodSymbol { Arity: > 0 } generic ? "`" + generic.Arity.ToString(CultureInfo.InvariantCulture) : string.Empty);
            var abstractRequirement = member.IsAbstract && member is not INamedTypeSymbol;
            into[key] = new ApiSymbol(key, typeKey, member.Name, Kind(member), member.ToDisplayString(DisplayFormat), facets, abstractRequirement, memberLocation.File, memberLocation.Line);
        }
    }

    private static IReadOnlyList<IParameterSymbol> ImmutableParameters(ISymbol member) => member switch
    {
        IMethodSymbol method => method.Parameters,
        IPropertySymbol property => property.Parameters,
        _ => [],
    };

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Public or Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal
        && !(symbol.ContainingType?.IsSealed == true && symbol.DeclaredAccessibility != Microsoft.CodeAnalysis.Accessibility.Public);

    private static bool IsSurfaceMember(ISymbol member)
    {
        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise or MethodKind.StaticConstructor or MethodKind.Destructor)
            {
                return false;
            }

            // The parameterless constructor a class gets when it declares none is part of its surface; other synthesized members are not.
            return !method.IsImplicitlyDeclared || (method.MethodKind == MethodKind.Constructor && !method.ContainingType.IsRecord && method.ContainingType.TypeKind == TypeKind.Class);
        }

        return !member.IsImplicitlyDeclared && member is IPropertySymbol or IFieldSymbol or IEventSymbol;
    }

    private static (string File, int Line)? SourceLocation(ISymbol symbol, Func<string, string?> relativePath)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource && location.SourceTree?.FilePath is { Length: > 0 } path && relativePath(path) is { } relative)
            {
                return (relative, location.GetLineSpan().StartLinePosition.Line + 1);
            }
        }

        return null;
    }

    private static string Kind(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "constructor",
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum value",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        _ => "member",
    };

    private static string Accessibility(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        _ => "protected",
    };

    private static string Modifiers(ISymbol symbol)
    {
        var modifiers = new List<string>();
        if (symbol.IsStatic)
        {
            modifiers.Add("static");
        }

        if (symbol.IsAbstract && symbol is not INamedTypeSymbol { TypeKind: TypeKind.Interface })
        {
            modifiers.Add("abstract");
        }

        if (symbol.IsSealed && symbol is not INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Enum or TypeKind.Delegate })
        {
            modifiers.Add("sealed");
        }

        if (symbol.IsVirtual)
        {
            modifiers.Add("virtual");
        }

        if (symbol is IFieldSymbol { IsReadOnly: true } or INamedTypeSymbol { IsReadOnly: true } && symbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum })
        {
            modifiers.Add("readonly");
        }

        if (symbol is IFieldSymbol { IsConst: true })
        {
            modifiers.Add("const");
        }

        if (symbol is INamedTypeSymbol { IsRefLikeType: true })
        {
            modifiers.Add("ref");
        }

        return string.Join(' ', modifiers);
    }

    private static string Accessors(IPropertySymbol property)
    {
        var parts = new List<string>();
        if (property.GetMethod is { } getter && IsVisible(getter))
        {
            parts.Add("get");
        }

        if (property.SetMethod is { } setter && IsVisible(setter))
        {
            parts.Add(setter.IsInitOnly ? "init" : "set");
        }

        return string.Join(' ', parts);
    }

    private static string Constraints(ITypeParameterSymbol parameter)
    {
        var constraints = new List<string>();
        if (parameter.HasReferenceTypeConstraint)
        {
            constraints.Add("class");
        }

        if (parameter.HasValueTypeConstraint)
        {
            constraints.Add("struct");
        }

        if (parameter.HasUnmanagedTypeConstraint)
        {
            constraints.Add("unmanaged");
        }

        if (parameter.HasNotNullConstraint)
        {
            constraints.Add("notnull");
        }

        constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(TypeFormat)));
        if (parameter.HasConstructorConstraint)
        {
            constraints.Add("new()");
        }

        return constraints.Count == 0 ? parameter.Name : parameter.Name + " : " + string.Join(", ", constraints);
    }

    private static string RefKind(RefKind kind) => kind switch
    {
        Microsoft.CodeAnalysis.RefKind.Ref => "ref ",
        Microsoft.CodeAnalysis.RefKind.Out => "out ",
        Microsoft.CodeAnalysis.RefKind.In => "in ",
        Microsoft.CodeAnalysis.RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => string.Empty,
    };

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
