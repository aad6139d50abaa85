using Microsoft.Build.Locator;

namespace CertKit.Action.Scanning;

/// <summary>
/// Points the process at the installed .NET SDK's MSBuild. It must run before any MSBuild type is loaded, which is why
/// nothing in this class touches one and every MSBuildWorkspace use lives in <see cref="MsBuildProjectLoader"/>.
/// </summary>
internal static class MsBuildRegistration
{
    private static readonly object Gate = new();

    /// <summary>The MSBuild in use (path and version), once registered: part of the design-time cache's key.</summary>
    public static string? Sdk { get; private set; }

    /// <summary>Null when MSBuild is usable, otherwise why not (no SDK on the machine).</summary>
    public static string? EnsureRegistered()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                Sdk ??= "registered elsewhere";
                return null;
            }

            try
            {
                var instance = MSBuildLocator.RegisterDefaults();
                Sdk = instance.MSBuildPath + "|" + instance.Version;
                return null;
            }
            catch (InvalidOperationException exception)
            {
                return "no .NET SDK found to load projects with (" + exception.Message + ")";
            }
        }
    }
}
