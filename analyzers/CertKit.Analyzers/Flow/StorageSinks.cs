using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// Persistent and client-visible stores (CK2001): files, the registry, cookies, the session, distributed caches, application
/// settings, MAUI/Xamarin preferences, ADO.NET parameters, EF entities and the MSAL cache builder. The store types are resolved
/// once per compilation; absent ones stay null and their checks never match.
/// </summary>
internal sealed class StorageSinks
{
    private static readonly ConditionalWeakTable<Compilation, StorageSinks> PerCompilation = new();

    public static readonly HashSet<string> FileWriteMethods = new(StringComparer.Ordinal)
    {
        "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync",
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync",
    };

    public static readonly HashSet<string> WriterMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteAsync", "WriteLineAsync",
    };

    public static readonly HashSet<string> EntityTrackingMethods = new(StringComparer.Ordinal)
    {
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange",
    };

    // Every method name a sink can have: most invocations leave on this one lookup.
    public static readonly HashSet<string> CandidateMethods = new(
        FileWriteMethods.Concat(WriterMethods).Concat(new[] { "SetValue", "Append", "Set", "SetString", "SetAsync", "SetStringAsync", "Serialize", "SerializeAsync", "AddWithValue", "WithUnprotectedFile" }),
        StringComparer.Ordinal);

    /// <summary>A method name a sink can have: most invocations leave on the first letter (every candidate starts with A, S or W).</summary>
    public static bool IsCandidateMethod(string name) =>
        name.Length >= 3 && name[0] is 'A' or 'S' or 'W' && CandidateMethods.Contains(name);

    private StorageSinks(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        Flow = TokenFlowSymbols.For(compilation);
        RegistryKey = types.Get(WellKnownTypeNames.MicrosoftWin32RegistryKey);
        Registry = types.Get(WellKnownTypeNames.MicrosoftWin32Registry);
        ResponseCookies = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHttpIResponseCookies);
        NetCookie = types.Get(WellKnownTypeNames.SystemNetCookie);
        Session = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHttpISession);
        SessionExtensions = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreHttpSessionExtensions);
        DistributedCache = types.Get(WellKnownTypeNames.MicrosoftExtensionsCachingDistributedIDistributedCache);
        DistributedCacheExtensions = types.Get(WellKnownTypeNames.MicrosoftExtensionsCachingDistributedDistributedCacheExtensions);
        ApplicationSettingsBase = types.Get(WellKnownTypeNames.SystemConfigurationApplicationSettingsBase);
        MauiPreferences = types.Get(WellKnownTypeNames.MicrosoftMauiStoragePreferences);
        MauiPreferencesInterface = types.Get(WellKnownTypeNames.MicrosoftMauiStorageIPreferences);
        XamarinPreferences = types.Get(WellKnownTypeNames.XamarinEssentialsPreferences);
        DbParameterCollection = types.Get(WellKnownTypeNames.SystemDataCommonDbParameterCollection);
        DbParameter = types.Get(WellKnownTypeNames.SystemDataCommonDbParameter);
        DataParameter = types.Get(WellKnownTypeNames.SystemDataIDataParameter);
        DbContext = types.Get(WellKnownTypeNames.MicrosoftEntityFrameworkCoreDbContext);
        DbSet = types.Get(WellKnownTypeNames.MicrosoftEntityFrameworkCoreDbSet1);
        Ef6DbContext = types.Get(WellKnownTypeNames.SystemDataEntityDbContext);
        MvcController = types.Get(WellKnownTypeNames.MicrosoftAspNetCoreMvcController);
        Ef6DbSet = types.Get(WellKnownTypeNames.SystemDataEntityDbSet1);
        MsalStorageBuilder = types.Get(WellKnownTypeNames.MicrosoftIdentityClientExtensionsMsalStorageCreationPropertiesBuilder);
    }

    public TokenFlowSymbols Flow { get; }

    public INamedTypeSymbol? RegistryKey { get; }

    public INamedTypeSymbol? Registry { get; }

    public INamedTypeSymbol? ResponseCookies { get; }

    public INamedTypeSymbol? NetCookie { get; }

    public INamedTypeSymbol? Session { get; }

    public INamedTypeSymbol? SessionExtensions { get; }

    public INamedTypeSymbol? DistributedCache { get; }

    public INamedTypeSymbol? DistributedCacheExtensions { get; }

    public INamedTypeSymbol? ApplicationSettingsBase { get; }

    public INamedTypeSymbol? MauiPreferences { get; }

    public INamedTypeSymbol? MauiPreferencesInterface { get; }

    public INamedTypeSymbol? XamarinPreferences { get; }

    public INamedTypeSymbol? DbParameterCollection { get; }

    public INamedTypeSymbol? DbParameter { get; }

    public INamedTypeSymbol? DataParameter { get; }

    public INamedTypeSymbol? DbContext { get; }

    public INamedTypeSymbol? DbSet { get; }

    /// <summary>Entity Framework 6 (<c>System.Data.Entity</c>), still in many .NET Framework integrations.</summary>
    public INamedTypeSymbol? Ef6DbContext { get; }

    public INamedTypeSymbol? Ef6DbSet { get; }

    /// <summary>ASP.NET Core MVC's <c>Controller</c>, whose <c>ViewBag</c> is rendered into the page.</summary>
    public INamedTypeSymbol? MvcController { get; }

    /// <summary>True when EF Core or EF6 is referenced: entity assignments can be sinks.</summary>
    public bool HasEntityFramework => DbContext is not null || Ef6DbContext is not null;

    public INamedTypeSymbol? MsalStorageBuilder { get; }

    public bool IsPreferences(INamedTypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type, MauiPreferences)
        || TokenFlowSymbols.Is(type, MauiPreferencesInterface)
        || SymbolEqualityComparer.Default.Equals(type, XamarinPreferences);

    /// <summary>SaveChanges on a DbContext (EF Core or EF6), or Add/Update/Attach on a DbContext or DbSet: the entity reaches the database.</summary>
    public bool IsEntitySave(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (method.Name.StartsWith("SaveChanges", StringComparison.Ordinal))
        {
            return TokenFlowSymbols.Is(type, DbContext) || TokenFlowSymbols.Is(type, Ef6DbContext);
        }

        return EntityTrackingMethods.Contains(method.Name)
            && (TokenFlowSymbols.Is(type, DbContext) || TokenFlowSymbols.Is(type, DbSet) || TokenFlowSymbols.Is(type, Ef6DbContext) || TokenFlowSymbols.Is(type, Ef6DbSet));
    }

    public static StorageSinks For(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new StorageSinks(c));
}
