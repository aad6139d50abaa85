using System.Text;
using CertKit.Action.Scanning;

namespace CertKit.Action.Tests.Scanning;

public sealed class TextFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("certkit-reader-").FullName;

    [Fact]
    public void Utf8IsReadAsIs()
    {
        var outcome = Read([.. Encoding.UTF8.GetBytes("café: ü\n")]);

        Assert.Equal("café: ü\n", outcome.Text!.ToString());
        Assert.Null(outcome.Note);
    }

    [Fact]
    public void Utf16WithByteOrderMarkIsTextDespiteItsNulBytes()
    {
        var outcome = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("key=value\n")]);

        Assert.Equal("key=value\n", outcome.Text!.ToString());
    }

    [Fact]
    public void InvalidUtf8FallsBackToLatin1WithANote()
    {
        var outcome = Read([(byte)'n', (byte)'=', 0xE9, (byte)'\n']);

        Assert.Equal("n=\u00e9\n", outcome.Text!.ToString());
        Assert.Equal("not valid UTF-8: read as Latin-1", outcome.Note);
    }

    [Fact]
    public void NulByteInTheFirst8KbMeansBinary()
    {
        var early = new byte[9000];
        early.AsSpan().Fill((byte)'a');
        early[8191] = 0;
        var late = (byte[])early.Clone();
        late[8191] = (byte)'a';
        late[8192] = 0;

        Assert.Equal("binary (NUL byte in the first 8 KB)", Read(early).SkipReason);
        Assert.NotNull(Read(late).Text);
    }

    [Fact]
    public void FilesOverTheLimitAreSkippedWithTheirSize()
    {
        var outcome = Read(new byte[1536], maxFileSize: 1024);

        Assert.Equal("larger than the size limit (1.5 KB > 1 KB)", outcome.SkipReason);
    }

    [Fact]
    public void MissingFileIsUnreadable()
    {
        var outcome = TextFileReader.Read(Path.Combine(_folder, "missing.yaml"), TextFileReader.DefaultMaxFileSize);

        Assert.StartsWith("unreadable: ", outcome.SkipReason);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TextFileReader.Outcome Read(byte[] bytes, long maxFileSize = TextFileReader.DefaultMaxFileSize)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return TextFileReader.Read(path, maxFileSize);
    }
}
