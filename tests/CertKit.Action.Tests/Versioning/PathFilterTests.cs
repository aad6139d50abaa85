using CertKit.Action.Versioning;

namespace CertKit.Action.Tests.Versioning;

public class PathFilterTests
{
    [Theory]
    [InlineData("connector-a/", "connector-a/src/Client.cs", true)]
    [InlineData("connector-a", "connector-a/src/Client.cs", true)]
    [InlineData("connector-a", "connector-ab/src/Client.cs", false)]
    [InlineData("./src/", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/inner/a.cs", false)]
    [InlineData("src/**/*.cs", "src/inner/deep/a.cs", true)]
    [InlineData("src/**/*.cs", "src/a.cs", true)]
    [InlineData("**/*.csproj", "a/b/C.csproj", true)]
    [InlineData("README.md", "README.md", true)]
    [InlineData("docs/", "src/docs.cs", false)]
    public void Matches_folders_files_and_globs(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new PathFilter([pattern]).Matches(path));
    }

    [Fact]
    public void An_empty_filter_matches_everything()
    {
        Assert.True(PathFilter.Everything.IsEverything);
        Assert.True(PathFilter.Everything.Matches("any/path.txt"));
    }
}
