using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CertKit.Action.Scanning;

/// <summary>
/// Compiled results on disk (<c>--cache-dir</c>), beside the design-time results: each project's reference assembly and
/// each project's findings, stored under the keys of <see cref="ProjectInputKeys"/>. A project whose inputs did not change
/// since the scan that stored them is neither compiled nor analysed again: its findings are the ones that analysis
/// reported, and the projects referencing it bind against the stored reference assembly. One file per project (a new key
/// replaces the old one), so the folder does not grow with commits.
/// </summary>
internal sealed class CompiledProjectCache
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _images;
    private readonly string _analyses;

    public CompiledProjectCache(string folder)
    {
        var root = Path.GetFullPath(folder);
        _images = Path.Combine(root, "reference-assemblies");
        _analyses = Path.Combine(root, "analyses");
    }

    /// <summary>What one project's analysis produced: its findings (before the scan's cross-project de-duplication), the compilation's health, analyzer failures, and the counts its project line shows.</summary>
    internal sealed record Analysis(string Key, IReadOnlyList<Finding> Findings, CompilationHealth Health, IReadOnlyList<string> AnalyzerFailures, int SourceFiles, int AdditionalFiles);

    /// <summary>
    /// The stored reference assembly of <paramref name="projectName"/> when it was stored under <paramref name="key"/>; empty
    /// when its declarations did not compile under that key (<see cref="StoreNoImage"/>), so no emit is tried again.
    /// </summary>
    public byte[]? TryGetImage(string projectFile, string projectName, string key)
    {
        try
        {
            var path = FileFor(_images, projectFile, projectName, ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            // The key's hex digits and a newline, then the image.
            var bytes = File.ReadAllBytes(path);
            var header = Encoding.ASCII.GetBytes(key + "\n");
            return bytes.AsSpan().StartsWith(header) ? bytes[header.Length..] : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void StoreImage(string projectFile, string projectName, string key, byte[] image)
    {
        var header = Encoding.ASCII.GetBytes(key + "\n");
        var content = new byte[header.Length + image.Length];
        header.CopyTo(content, 0);
        image.CopyTo(content, header.Length);
        CacheFiles.WriteAtomically(FileFor(_images, projectFile, projectName, ".dll"), content);
    }

    /// <summary>Remembers that the project's reference assembly cannot be emitted under <paramref name="key"/> (errors in its declarations, such as a type of a package that was not restored).</summary>
    public void StoreNoImage(string projectFile, string projectName, string key) => StoreImage(projectFile, projectName, key, []);

    /// <summary>The stored analysis of <paramref name="projectName"/> when it was stored under <paramref name="key"/>.</summary>
    public Analysis? TryGetAnalysis(string projectFile, string projectName, string key)
    {
        try
        {
            var path = FileFor(_analyses, projectFile, projectName, ".json");
            if (!File.Exists(path))
            {
                return null;
            }

            var analysis = JsonSerializer.Deserialize<Analysis>(File.ReadAllBytes(path), Json);
            return analysis is not null && analysis.Key == key ? analysis : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void StoreAnalysis(string projectFile, string projectName, Analysis analysis) =>
        CacheFiles.WriteAtomically(FileFor(_analyses, projectFile, projectName, ".json"), JsonSerializer.SerializeToUtf8Bytes(analysis, Json));

    private static string FileFor(string folder, string projectFile, string projectName, string extension) =>
        Path.Combine(folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{FormatVersion}\n{projectFile}\n{projectName}")))[..32] + extension);
}
