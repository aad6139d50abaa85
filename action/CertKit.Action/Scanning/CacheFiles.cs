using System.Security.Cryptography;
using System.Text;

namespace CertKit.Action.Scanning;

/// <summary>What the scan's caches in <c>--cache-dir</c> (<see cref="DesignTimeCache"/>, <see cref="CompiledProjectCache"/>) share: how a file is written, and how a key's fields are hashed.</summary>
internal static class CacheFiles
{
    /// <summary>Writes through a temporary file, so a reader never sees half of it; a cache that cannot be written only costs the next scan time, so failures are ignored.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>One field of a key: its UTF-8 bytes and a terminator, so "ab"+"c" and "a"+"bc" hash differently.</summary>
    public static void AppendField(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
