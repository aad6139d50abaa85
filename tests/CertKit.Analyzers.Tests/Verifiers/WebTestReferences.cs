using Microsoft.CodeAnalysis.Testing;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>
/// ASP.NET Core service code: the real .NET 8 ASP.NET Core reference pack, EF Core 8, Swashbuckle and
/// Microsoft.IdentityModel, so rules that match framework types (CK3003, CK4001) are tested against the real API shapes.
/// Only packages whose dependencies resolve at their exact lower bound from the served feed are listed (the testing
/// library's resolver does not float to a newer version): JWT bearer 8.0.x, for one, needs an unserved IdentityModel.
/// </summary>
public static class WebTestReferences
{
    public static readonly ReferenceAssemblies AspNetCore80 = ReferenceAssemblies.Net.Net80.AddPackages(
        [
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
            new PackageIdentity("Microsoft.EntityFrameworkCore", "8.0.30"),
            new PackageIdentity("Swashbuckle.AspNetCore.Swagger", "6.2.3"),
            new PackageIdentity("Swashbuckle.AspNetCore.SwaggerUI", "8.1.4"),
            new PackageIdentity("Microsoft.IdentityModel.Logging", "8.16.0"),
        ]);
}
