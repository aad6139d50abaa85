using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// Reference sets for the token-storage and logging rules (CK2001, CK3002): the ASP.NET Core shared framework
/// (HttpResponse, ISession, IDistributedCache, IDataProtector), DPAPI, Newtonsoft.Json, application settings,
/// EF Core, MSAL, Azure.Identity and the three common third-party loggers.
/// </summary>
public static class StorageAndLoggingReferences
{
    public static readonly ReferenceAssemblies Net80Web = ReferenceAssemblies.Net.Net80.AddPackages(
        [
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("System.Security.Cryptography.ProtectedData", "8.0.0"),
            new PackageIdentity("System.Configuration.ConfigurationManager", "8.0.0"),
            new PackageIdentity("Newtonsoft.Json", "13.0.3"),
            new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.30"),
            new PackageIdentity("Microsoft.Identity.Client.Extensions.Msal", "4.61.3"),
            new PackageIdentity("Azure.Identity", "1.12.1"),
            new PackageIdentity("Serilog", "4.2.0"),
            new PackageIdentity("NLog", "5.5.1"),
            new PackageIdentity("log4net", "3.5.0"),
        ]);
}
