using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// The reference sets test sources compile against: real packages, downloaded by the testing library, so rules that match
/// framework and library types are tested against the real API shapes. Only packages whose dependencies resolve at their
/// exact lower bound from the served feed are listed (the testing library's resolver does not float to a newer version):
/// JWT bearer 8.0.x, for one, needs an unserved IdentityModel.
/// </summary>
public static class TestReferences
{
    /// <summary>.NET 8 plus the packages integration code commonly uses (logging, configuration).</summary>
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80.AddPackages(
        [
            new PackageIdentity("Microsoft.Extensions.Logging.Abstractions", "8.0.0"),
            new PackageIdentity("Microsoft.Extensions.Configuration.Abstractions", "8.0.0"),
        ]);

    /// <summary>ASP.NET Core service code (CK3001, CK3003, CK4001): the ASP.NET Core reference pack, EF Core 8, Swashbuckle, Microsoft.IdentityModel.</summary>
    public static readonly ReferenceAssemblies AspNetCore80 = ReferenceAssemblies.Net.Net80.AddPackages(
        [
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.30"),
            new PackageIdentity("Swashbuckle.AspNetCore.Swagger", "6.2.3"),
            new PackageIdentity("Swashbuckle.AspNetCore.SwaggerUI", "8.1.4"),
            new PackageIdentity("Microsoft.IdentityModel.Logging", "8.16.0"),
        ]);

    /// <summary>
    /// Token storage and logging (CK2001, CK3002): the ASP.NET Core shared framework (HttpResponse, ISession, IDistributedCache,
    /// IDataProtector), DPAPI, Newtonsoft.Json, application settings, EF Core, MSAL, Azure.Identity and the three common third-party loggers.
    /// </summary>
    public static readonly ReferenceAssemblies StorageAndLogging = ReferenceAssemblies.Net.Net80.AddPackages(
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
