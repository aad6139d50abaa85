using Microsoft.CodeAnalysis;

namespace CertKit.Analyzers.Tests.Verifiers;

/// <summary>The reference sets come from the NuGet package folder restore filled, never from a download at test time.</summary>
public class TestReferencesTests
{
    public static TheoryData<string> Sets => [nameof(TestReferences.Net80), nameof(TestReferences.AspNetCore80), nameof(TestReferences.StorageAndLogging)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_reference_is_a_file_in_the_restored_package_folder(string name)
    {
        var set = (ReferenceSet)typeof(TestReferences).GetProperty(name)!.GetValue(null)!;
        var packageRoot = Path.GetFullPath(typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!);

        Assert.NotEmpty(set.References);
        Assert.All(set.References, reference =>
        {
            var path = ((PortableExecutableReference)reference).FilePath!;
            Assert.StartsWith(packageRoot, path, StringComparison.Ordinal);
            Assert.True(File.Exists(path), path);
        });
        Assert.Contains(set.References, r => Path.GetFileName(((PortableExecutableReference)r).FilePath) == "System.Runtime.dll");
    }
}
