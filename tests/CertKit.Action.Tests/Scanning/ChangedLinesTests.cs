using CertKit.Action.Scanning;

namespace CertKit.Action.Tests.Scanning;

public sealed class ChangedLinesTests
{
    private const string Diff = """
        diff --git a/config/app.yaml b/config/app.yaml
        index 3b18e51..a1b2c3d 100644
        --- a/config/app.yaml
        +++ b/config/app.yaml
        @@ -2,0 +3,2 @@ first: 1
        +added: 1
        +added: 2
        @@ -10 +12 @@ tail
        -old
        +new
        @@ -20,3 +21,0 @@
        -gone
        -gone
        -gone
        diff --git a/removed.json b/removed.json
        deleted file mode 100644
        --- a/removed.json
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -{
        -}
        diff --git "a/docs/caf\303\251 notes.md" "b/docs/caf\303\251 notes.md"
        --- "a/docs/caf\303\251 notes.md"
        +++ "b/docs/caf\303\251 notes.md"
        @@ -1 +1,3 @@
        -x
        +y
        +z
        +w
        """;

    [Theory]
    [InlineData("config/app.yaml", 2, false)]
    [InlineData("config/app.yaml", 3, true)]
    [InlineData("config/app.yaml", 4, true)]
    [InlineData("config/app.yaml", 5, false)]
    [InlineData("config/app.yaml", 12, true)]
    [InlineData("config/app.yaml", 13, false)]
    [InlineData("config/app.yaml", 21, false)]
    [InlineData("removed.json", 1, false)]
    [InlineData("docs/café notes.md", 3, true)]
    [InlineData("docs/café notes.md", 4, false)]
    [InlineData("new/file.ts", 250, true)]
    [InlineData("other.ts", 1, false)]
    public void NewSideRangesAndUntrackedFilesCount(string path, int line, bool changed)
    {
        var lines = ChangedLines.Parse(Diff.Replace("\r\n", "\n"), ["new/file.ts"]);

        Assert.Equal(changed, lines.Contains(path, line));
    }

    [Fact]
    public void ChangedFilesListTheFilesWithNewLinesAndUntrackedOnesAndDeletedFilesApart()
    {
        var lines = ChangedLines.Parse(Diff.Replace("\r\n", "\n"), ["new/file.ts"]);

        Assert.Equal(["config/app.yaml", "docs/café notes.md", "new/file.ts"], lines.Files.Order(StringComparer.Ordinal));
        Assert.Equal(["removed.json"], lines.DeletedFiles);
    }
}
