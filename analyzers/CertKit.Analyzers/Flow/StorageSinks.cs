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

    private readonly KnownType registryKey;
    private readonly KnownType registry;
    private readonly KnownType responseCookies;
    private readonly KnownType netCookie;
    private readonly KnownType session;
    private readonly KnownType sessionExtensions;
    private readonly KnownType distributedCache;
    private readonly KnownType distributedCacheExtensions;
    private readonly KnownType applicationSettingsBase;
    private readonly KnownType mauiPreferences;
    private readonly KnownType mauiPreferencesInterface;
    private readonly KnownType xamarinPreferences;
    private readonly KnownType dbParameterCollection;
    private readonly KnownType dbParameter;
    private readonly KnownType dataParameter;
    private readonly KnownType dbContext;
    private readonly KnownType dbSet;
    private readonly KnownType ef6DbContext;
    private readonly KnownType mvcController;
    private readonly KnownType ef6DbSet;
    private readonly KnownType msalStorageBuilder;

    private StorageSinks(Compilation compilation)
    {
        var types = WellKnownTypes.For(compilation);
        Flow = TokenFlowSymbols.For(compilation);
        registryKey = types.Lazy(WellKnownTypeNames.MicrosoftWin32RegistryKey);
        registry = types.Lazy(WellKnownTypeNames.MicrosoftWin32Registry);
        responseCookies = types.Lazy(WellKnownTypeNames.MicrosoftAspNetCoreHttpIResponseCookies);
        netCookie = types.Lazy(WellKnownTypeNames.SystemNetCookie);
        session = types.Lazy(WellKnownTypeNames.MicrosoftAspNetCoreHttpISession);
        sessionExtensions = types.Lazy(WellKnownTypeNames.MicrosoftAspNetCoreHttpSessionExtensions);
        distributedCache = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsCachingDistributedIDistributedCache);
        distributedCacheExtensions = types.Lazy(WellKnownTypeNames.MicrosoftExtensionsCachingDistributedDistributedCacheExtensions);
        applicationSettingsBase = types.Lazy(WellKnownTypeNames.SystemConfigurationApplicationSettingsBase);
        mauiPreferences = types.Lazy(WellKnownTypeNames.MicrosoftMauiStoragePreferences);
        mauiPreferencesInterface = types.Lazy(WellKnownTypeNames.MicrosoftMauiStorageIPreferences);
        xamarinPreferences = types.Lazy(WellKnownTypeNames.XamarinEssentialsPreferences);
        dbParameterCollection = types.Lazy(WellKnownTypeNames.SystemDataCommonDbParameterCollection);
        dbParameter = types.Lazy(WellKnownTypeNames.SystemDataCommonDbParameter);
        dataParameter = types.Lazy(WellKnownTypeNames.SystemDataIDataParameter);
        dbContext = types.Lazy(WellKnownTypeNames.MicrosoftEntityFrameworkCoreDbContext);
        dbSet = types.Lazy(WellKnownTypeNames.MicrosoftEntityFrameworkCoreDbSet1);
        ef6DbContext = types.Lazy(WellKnownTypeNames.SystemDataEntityDbContext);
        mvcController = types.Lazy(WellKnownTypeNames.MicrosoftAspNetCoreMvcController);
        ef6DbSet = types.Lazy(WellKnownTypeNames.SystemDataEntityDbSet1);
        msalStorageBuilder = types.Lazy(WellKnownTypeNames.MicrosoftIdentityClientExtensionsMsalStorageCreationPropertiesBuilder);
    }

    public TokenFlowSymbols Flow { get; }

    public INamedTypeSymbol? RegistryKey => registryKey.Value;

    public INamedTypeSymbol? Registry => registry.Value;

    public INamedTypeSymbol? ResponseCookies => responseCookies.Value;

    public INamedTypeSymbol? NetCookie => netCookie.Value;

    public INamedTypeSymbol? Session => session.Value;

    public INamedTypeSymbol? SessionExtensions => sessionExtensions.Value;

    public INamedTypeSymbol? DistributedCache => distributedCache.Value;

    public INamedTypeSymbol? DistributedCacheExtensions => distributedCacheExtensions.Value;

    public INamedTypeSymbol? ApplicationSettingsBase => applicationSettingsBase.Value;

    public INamedTypeSymbol? MauiPreferences => mauiPreferences.Value;

    public INamedTypeSymbol? MauiPreferencesInterface => mauiPreferencesInterface.Value;

    public INamedTypeSymbol? XamarinPreferences => xamarinPreferences.Value;

    public INamedTypeSymbol? DbParameterCollection => dbParameterCollection.Value;

    public INamedTypeSymbol? DbParameter => dbParameter.Value;

    public INamedTypeSymbol? DataParameter => dataParameter.Value;

    public INamedTypeSymbol? DbContext => dbContext.Value;

    public INamedTypeSymbol? DbSet => dbSet.Value;

    /// <summary>Entity Framework 6 (<c>System.Data.Entity</c>), still in many .NET Framework integrations.</summary>
    public INamedTypeSymbol? Ef6DbContext => ef6DbContext.Value;

    public INamedTypeSymbol? Ef6DbSet => ef6DbSet.Value;

    /// <summary>ASP.NET Core MVC's <c>Controller</c>, whose <c>ViewBag</c> is rendered into the page.</summary>
    public INamedTypeSymbol? MvcController => mvcController.Value;

    /// <summary>True when EF Core or EF6 is referenced: entity assignments can be sinks.</summary>
    public bool HasEntityFramework => DbContext is not null || Ef6DbContext is not null;

    public INamedTypeSymbol? MsalStorageBuilder => msalStorageBuilder.Value;

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
