using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Action.Scanning;

/// <summary>
/// Hashes of everything a project's compilation and analysis read, for <see cref="CompiledProjectCache"/>. The image key
/// covers what the project's reference assembly is made of: its options, the text of every source, its metadata and
/// analyzer (generator) references by path, size and time, and the image keys of the projects it references, so a
/// change anywhere below a project changes its key. The analysis key adds what only the findings depend on: the files
/// handed to the analyzers as additional and configuration files, how the scan treats each source (analysed, secrets
/// only, not analysed), and this certkit build with its rule set.
/// </summary>
internal sealed class ProjectInputKeys
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly IReadOnlyDictionary<string, DesignTimeProject> _designs;
    private readonly string _build;
    private readonly Dictionary<string, string?> _imageKeys = new(StringComparer.Ordinal);

    /// <param name="designs">Every design-time project of the scan, by workspace name (project references name them).</param>
    /// <param name="analyzers">The analyzers' identities: their types and assemblies' module versions (a rebuilt or another rule set is another key).</param>
    public ProjectInputKeys(IReadOnlyDictionary<string, DesignTimeProject> designs, IEnumerable<Type> analyzers)
    {
        _designs = designs;
        var build = new StringBuilder("certkit-project-inputs/").Append(FormatVersion).Append('/').Append(typeof(ProjectInputKeys).Assembly.ManifestModule.ModuleVersionId);
        foreach (var analyzer in analyzers.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            build.Append('/').Append(analyzer.FullName).Append('@').Append(analyzer.Assembly.ManifestModule.ModuleVersionId);
        }

        _build = build.ToString();
    }

    /// <summary>The key of <paramref name="design"/>'s reference assembly; null when it cannot be known (a reference cycle).</summary>
    public string? ImageKey(DesignTimeProject design)
    {
        if (_imageKeys.TryGetValue(design.Name, out var known))
        {
            return known;
        }

        _imageKeys[design.Name] = null; // a cycle reaching this project again gets no key
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CacheFiles.AppendField(hash, _build);
        CacheFiles.AppendField(hash, design.Name);
        CacheFiles.AppendField(hash, design.AssemblyName);
        CacheFiles.AppendField(hash, design.FilePath);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(design.Options, Json));
        foreach (var document in design.Documents)
        {
            AppendText(hash, document);
        }

        foreach (var reference in design.MetadataReferences)
        {
            AppendFileStamp(hash, reference.Path);
            CacheFiles.AppendField(hash, string.Join(',', reference.Aliases));
        }

        foreach (var analyzer in design.AnalyzerReferences)
        {
            AppendFileStamp(hash, analyzer);
        }

        foreach (var reference in design.ProjectReferences)
        {
            CacheFiles.AppendField(hash, reference.Name);
            CacheFiles.AppendField(hash, string.Join(',', reference.Aliases));
            if (_designs.TryGetValue(reference.Name, out var referenced))
            {
                if (ImageKey(referenced) is not { } referencedKey)
                {
                    return null;
                }

                CacheFiles.AppendField(hash, referencedKey);
            }
            else
            {
                CacheFiles.AppendField(hash, "not loaded"); // the compilation goes without it, as the key says
            }
        }

        var key = Convert.ToHexString(hash.GetHashAndReset());
        _imageKeys[design.Name] = key;
        return key;
    }

    /// <summary>
    /// The key of <paramref name="design"/>'s findings: its image key, the additional and configuration files the
    /// analyzers get, and each source's treatment (<paramref name="treatmentOf"/>: "all", "secrets", "skip" or null when
    /// the scan did not list the file). Null when the image key is.
    /// </summary>
    public string? AnalysisKey(
        DesignTimeProject design,
        IEnumerable<(string Path, SourceText Text)> additionalFiles,
        IEnumerable<(string Path, SourceText Text)> configFiles,
        Func<string, string?> treatmentOf)
    {
        if (ImageKey(design) is not { } imageKey)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        CacheFiles.AppendField(hash, "analysis");
        CacheFiles.AppendField(hash, imageKey);
        foreach (var document in design.Documents)
        {
            CacheFiles.AppendField(hash, treatmentOf(document.Path) ?? "unlisted");
        }

        foreach (var document in design.AdditionalDocuments)
        {
            AppendText(hash, document);
        }

        foreach (var document in design.AnalyzerConfigDocuments)
        {
            AppendText(hash, document);
        }

        foreach (var (path, text) in additionalFiles.Concat(configFiles))
        {
            CacheFiles.AppendField(hash, path);
            hash.AppendData(text.GetChecksum().AsSpan());
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// A source by its content: a generated file's kept text, or a repository file's bytes on disk, whether or not this
    /// scan read it (a pull request reads only the projects it analyses, and must find the full scan's keys).
    /// </summary>
    private static void AppendText(IncrementalHash hash, DesignTimeFile file)
    {
        CacheFiles.AppendField(hash, file.Path);
        if (file.Text is not null)
        {
            CacheFiles.AppendField(hash, file.Text);
        }
        else
        {
            try
            {
                hash.AppendData(SHA256.HashData(File.ReadAllBytes(file.Path)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                CacheFiles.AppendField(hash, "unreadable");
            }
        }
    }

    /// <summary>A referenced file by path, size and last write (NuGet packages and reference packs do not change in place; a rebuilt DLL does).</summary>
    private static void AppendFileStamp(IncrementalHash hash, string path)
    {
        CacheFiles.AppendField(hash, path);
        var info = new FileInfo(path);
        CacheFiles.AppendField(hash, info.Exists ? $"{info.Length}/{info.LastWriteTimeUtc.Ticks}" : "missing");
    }
}
