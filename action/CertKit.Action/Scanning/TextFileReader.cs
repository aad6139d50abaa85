using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>Reads one file as text, or says why it is not text the scan should read.</summary>
internal static class TextFileReader
{
    /// <summary>How much of a file is probed for a NUL byte, as git does to call a file binary.</summary>
    public const int BinaryProbeLength = 8 * 1024;

    public const long DefaultMaxFileSize = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal sealed record Outcome(SourceText? Text, string? SkipReason, string? Note)
    {
        public static Outcome Skip(string reason) => new(null, reason, null);
    }

    public static Outcome Read(string path, long maxFileSize)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxFileSize)
            {
                return Outcome.Skip($"larger than the size limit ({FormatSize(length)} > {FormatSize(maxFileSize)})");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Outcome.Skip("unreadable: " + exception.Message);
        }

        // A file can grow between the size check and the read.
        if (bytes.LongLength > maxFileSize)
        {
            return Outcome.Skip($"larger than the size limit ({FormatSize(bytes.LongLength)} > {FormatSize(maxFileSize)})");
        }

        var bom = DetectByteOrderMark(bytes);
        if (bom is not null)
        {
            var (encoding, preambleLength) = bom.Value;
            return new Outcome(SourceText.From(encoding.GetString(bytes, preambleLength, bytes.Length - preambleLength), encoding), null, null);
        }

        if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, BinaryProbeLength)) >= 0)
        {
            return Outcome.Skip("binary (NUL byte in the first 8 KB)");
        }

        try
        {
            return new Outcome(SourceText.From(StrictUtf8.GetString(bytes), Encoding.UTF8), null, null);
        }
        catch (DecoderFallbackException)
        {
            // Latin-1 maps every byte to a character, so offsets and lines stay right even when the guess is wrong.
            return new Outcome(SourceText.From(Encoding.Latin1.GetString(bytes), Encoding.Latin1), null, "not valid UTF-8: read as Latin-1");
        }
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024.0):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    private static (Encoding Encoding, int PreambleLength)? DetectByteOrderMark(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return (Encoding.UTF32, 4);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return null;
    }
}
