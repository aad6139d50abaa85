using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using CertKit.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Whether a value is handed to a call that opens it for a person — the shell (<c>Process.Start(url)</c>,
/// <c>new ProcessStartInfo(url) { UseShellExecute = true }</c>), MAUI's or Xamarin's <c>Browser</c>/<c>Launcher</c>, or a
/// method of the project that passes its parameter on to one of those (<c>URLHelpers.OpenURL(url)</c>). A URL opened in
/// the browser is a page for people, not an endpoint the code calls. So is a URL a web application redirects the
/// person's browser to (<c>Controller.Redirect(url)</c>, <c>Response.Redirect(url)</c>, <c>new RedirectResult(url)</c>,
/// ASP.NET MVC and ASP.NET Core alike). Resolved once per compilation; the project's own
/// wrappers are read by syntax, once each. Called only for the rare literal that holds a URL.
/// </summary>
internal sealed class BrowserOpenings
{
    private static readonly ConditionalWeakTable<Compilation, BrowserOpenings> Cache = new();

    private readonly INamedTypeSymbol? process;
    private readonly INamedTypeSymbol? processStartInfo;
    private readonly INamedTypeSymbol?[] launchers;
    private readonly INamedTypeSymbol?[] redirectors;
    private readonly INamedTypeSymbol?[] redirectResults;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> wrappers = new(SymbolEqualityComparer.Default);

    private BrowserOpenings(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        process = types.Get(WellKnownTypeNames.SystemDiagnosticsProcess);
        processStartInfo = types.Get(WellKnownTypeNames.SystemDiagnosticsProcessStartInfo);
        launchers = new[]
        {
            types.Get(WellKnownTypeNames.MicrosoftMauiApplicationModelBrowser),
            types.Get(WellKnownTypeNames.MicrosoftMauiApplicationModelIBrowser),
            types.Get(WellKnownTypeNames.MicrosoftMauiApplicationModelLauncher),
            types.Get(WellKnownTypeNames.MicrosoftMauiApplicationModelILauncher),
            types.Get(WellKnownTypeNames.XamarinEssentialsBrowser),
            types.Get(WellKnownTypeNames.XamarinEssentialsLauncher),
        };
        redirectors = new[]
        {
            types.Get(WellKnownTypeNames.MicrosoftAspNetCoreMvcControllerBase),
            types.Get(WellKnownTypeNames.MicrosoftAspNetCoreMvcRazorPagesPageModel),
            types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHttpHttpResponse),
            types.Get(WellKnownTypeNames.SystemWebMvcController),
            types.Get(WellKnownTypeNames.SystemWebHttpResponse),
            types.Get(WellKnownTypeNames.SystemWebHttpResponseBase),
        };
        redirectResults = new[]
        {
            types.Get(WellKnownTypeNames.MicrosoftAspNetCoreMvcRedirectResult),
            types.Get(WellKnownTypeNames.SystemWebMvcRedirectResult),
        };
    }

    public static BrowserOpenings For(Compilation compilation) => Cache.GetValue(compilation, static c => new BrowserOpenings(c));

    /// <summary>
    /// True when <paramref name="argument"/> (a URL, or the format or concatenation that builds it) is given to a call that
    /// opens it: directly, or as the format of a <c>string.Format</c> whose result is.
    /// </summary>
    public bool OpensArgument(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 2; hops++)
        {
            if (model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter } operation)
            {
                // The opener is in a project this compilation does not have (an ad-hoc or degraded compilation): its name.
                // A controller whose framework did not resolve still redirects by the framework's method name.
                return argument.Parent?.Parent is InvocationExpressionSyntax unresolved
                    && (IsOpenerName(ValueTargets.NameOf(unresolved.Expression))
                        || (IsRedirectName(ValueTargets.NameOf(unresolved.Expression)) && unresolved.ArgumentList.Arguments[0] == argument));
            }

            var method = parameter.ContainingSymbol as IMethodSymbol;
            if (method is null)
            {
                return false;
            }

            // OpenURL(string.Format("https://…?q={0}", text)): follow the formatted string to the call that takes it.
            if (method.Name == "Format" && method.ContainingType?.SpecialType == SpecialType.System_String && parameter.Name == "format"
                && operation.Parent is IInvocationOperation { Syntax: InvocationExpressionSyntax invocation }
                && ValueTargets.Climb(invocation, throughConcatenation: true).Parent is ArgumentSyntax outer)
            {
                argument = outer;
                continue;
            }

            return Opens(parameter, cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// True when every read of the local that <paramref name="local"/>'s value is stored in (in <paramref name="body"/>) is an
    /// argument that opens it, and there is at least one: <c>var url = "…"; URLHelpers.OpenURL(url);</c>.
    /// </summary>
    public bool OpensLocal(ILocalSymbol local, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        var opened = false;
        foreach (var node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != local.Name)
            {
                continue;
            }

            var use = ValueTargets.Climb(identifier, throughConcatenation: true);
            if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use)
            {
                continue; // url = "…": a write, not a use
            }

            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (use.Parent is not ArgumentSyntax argument || !OpensArgument(argument, model, cancellationToken))
            {
                return false;
            }

            opened = true;
        }

        return opened;
    }

    private bool Opens(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)parameter.ContainingSymbol;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        if (parameter.Ordinal == 0
            && ((method.Name == "Start" && method.IsStatic && SymbolEqualityComparer.Default.Equals(type, process))
                || (method.MethodKind == MethodKind.Constructor && SymbolEqualityComparer.Default.Equals(type, processStartInfo))))
        {
            return true;
        }

        if (parameter.Ordinal == 0 && (IsRedirectName(method.Name) && DerivesFromAny(type, redirectors)
                                       || (method.MethodKind == MethodKind.Constructor && IsAny(type, redirectResults))))
        {
            return true;
        }

        foreach (var launcher in launchers)
        {
            if (launcher is not null && SymbolEqualityComparer.Default.Equals(type, launcher))
            {
                return method.Name is "OpenAsync" or "TryOpenAsync";
            }
        }

        // The project's own opener is read; one in a referenced assembly cannot be, and is known by its name.
        return method.DeclaringSyntaxReferences.IsDefaultOrEmpty
            ? parameter.Ordinal == 0 && IsOpenerName(method.Name)
            : wrappers.GetOrAdd(parameter.OriginalDefinition, p => WrapperOpens(p, cancellationToken));
    }

    /// <summary>The redirect methods of ASP.NET MVC's and ASP.NET Core's controllers, pages and responses.</summary>
    public static bool IsRedirectName(string? name) =>
        name is "Redirect" or "RedirectPermanent" or "RedirectPreserveMethod" or "RedirectPermanentPreserveMethod";

    private static bool IsAny(INamedTypeSymbol type, INamedTypeSymbol?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && SymbolEqualityComparer.Default.Equals(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFromAny(INamedTypeSymbol type, INamedTypeSymbol?[] candidates)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsAny(current.OriginalDefinition, candidates))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A method named as opening a page for people: a verb that shows (<c>Open</c>, <c>Launch</c>, <c>Browse</c>,
    /// <c>Navigate</c>) followed by what a person looks at (<c>Url</c>, <c>Link</c>, <c>Browser</c>, <c>Page</c>):
    /// <c>OpenURL</c>, <c>OpenLink</c>, <c>OpenInBrowser</c>, <c>LaunchWebPage</c>. <c>OpenRead</c> and <c>OpenAsync</c> are not.
    /// </summary>
    public static bool IsOpenerName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = Detection.IdentifierWords.Split(name!);
        if (words.Count < 2 || words[0] is not ("open" or "launch" or "browse" or "navigate"))
        {
            return false;
        }

        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] is "url" or "uri" or "link" or "browser" or "page" or "webpage" or "website")
            {
                return true;
            }
        }

        return false;
    }

    // The project's own opener, read by syntax: its parameter becomes a process's FileName (psi.FileName = url,
    // new ProcessStartInfo(url), Process.Start(url)). One level: a wrapper of a wrapper is not followed.
    private static bool WrapperOpens(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var name = parameter.Name;
        foreach (var reference in ((IMethodSymbol)parameter.ContainingSymbol).DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                var use = ValueTargets.Climb(identifier, throughConcatenation: false);
                switch (use.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Right == use && ValueTargets.NameOf(assignment.Left) == "FileName":
                        return true;
                    case ArgumentSyntax { Parent: ArgumentListSyntax list } argument when list.Arguments[0] == argument:
                        if ((list.Parent is InvocationExpressionSyntax invocation && ValueTargets.NameOf(invocation.Expression) == "Start")
                            || (list.Parent is ObjectCreationExpressionSyntax creation && TypeName(creation.Type) == "ProcessStartInfo"))
                        {
                            return true;
                        }

                        break;
                }
            }
        }

        return false;
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
