using System.Xml.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertKit.Action.Scanning;

/// <summary>How much of a project a pull request's scan analyses.</summary>
internal enum ProjectChange
{
    /// <summary>Not analysed: nothing in it changed.</summary>
    None,

    /// <summary>Only text files changed: its changed text files are analysed in its context, its C# is not compiled.</summary>
    TextFiles,

    /// <summary>A C# file it compiles changed: the whole project is compiled and analysed.</summary>
    Full,

    /// <summary>Its build changed (project file, imported build file, analyzer configuration): analysed as MSBuild now builds it.</summary>
    Widened,
}

/// <summary>
/// Which projects a scan with <c>--base</c> analyses (see docs/scan.md, "Pull requests"): the project that holds a changed
/// file (in full when it is C#, only the text file otherwise); every project that links a changed C# file from outside
/// its folder; and, reported in full, every project whose build the change alters as MSBuild sees it: its project file,
/// a <c>.props</c>/<c>.targets</c>/<c>Directory.Packages.props</c>/<c>global.json</c>/<c>NuGet.config</c> in its folder or
/// above, an <c>.editorconfig</c> above any of its files, a <c>.globalconfig</c> in its folder or above. Deleted files
/// count as changes.
/// </summary>
internal sealed class ChangeScope
{
    private readonly Dictionary<string, ProjectChange> _projects;

    private ChangeScope(Dictionary<string, ProjectChange> projects, bool filesUnderNoProject)
    {
        _projects = projects;
        FilesUnderNoProject = filesUnderNoProject;
    }

    /// <summary>Whether the files under no project (one ad-hoc compilation) are analysed.</summary>
    public bool FilesUnderNoProject { get; }

    public ProjectChange Of(string projectPath) => _projects.GetValueOrDefault(projectPath, ProjectChange.None);

    /// <param name="changedFiles">Full paths of changed, added and deleted files.</param>
    /// <param name="projectPaths">Full paths of the repository's projects.</param>
    /// <param name="ownerOf">The project whose folder holds a path (deepest), or null.</param>
    /// <param name="linkedDocuments">The C# files a project compiles from outside its folder, when a cached design-time result knows them.</param>
    public static ChangeScope Compute(
        IEnumerable<string> changedFiles,
        IReadOnlyList<string> projectPaths,
        Func<string, string?> ownerOf,
        Func<string, IEnumerable<string>?> linkedDocuments)
    {
        var scopes = new Dictionary<string, ProjectChange>(StringComparer.Ordinal);
        var noProject = false;
        void Raise(string project, ProjectChange scope)
        {
            if (scope > scopes.GetValueOrDefault(project, ProjectChange.None))
            {
                scopes[project] = scope;
            }
        }

        IEnumerable<string> ProjectsUnder(string folder) =>
            projectPaths.Where(p => p.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));

        var links = new Lazy<IReadOnlyList<(string Project, Matcher Patterns, string Folder)>>(() => LinkPatterns(projectPaths));
        foreach (var file in changedFiles.Distinct(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var folder = Path.GetDirectoryName(file)!;
            var owner = ownerOf(file);
            if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && projectPaths.Contains(file))
            {
                Raise(file, ProjectChange.Widened);
            }
            else if (DesignTimeCache.IsBuildFile(file) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var project in ProjectsUnder(folder))
                {
                    Raise(project, ProjectChange.Widened);
                }

                // The build file itself is a text file of the project (or of no project) that holds it.
                RaiseOwner(owner, ProjectChange.TextFiles);
            }
            else if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var project in ProjectsUnder(folder))
                {
                    Raise(project, ProjectChange.Widened);
                }

                // The project that holds the folder has files under it too; so may the files under no project.
                if (owner is not null)
                {
                    Raise(owner, ProjectChange.Widened);
                }
                else
                {
                    noProject = true;
                }
            }
            else if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                RaiseOwner(owner, ProjectChange.Full);
                foreach (var project in projectPaths)
                {
                    if (project != owner && (linkedDocuments(project)?.Contains(file, StringComparer.Ordinal) == true || Links(links.Value, project, file)))
                    {
                        Raise(project, ProjectChange.Full);
                    }
                }
            }
            else
            {
                RaiseOwner(owner, ProjectChange.TextFiles);
            }
        }

        return new ChangeScope(scopes, noProject);

        void RaiseOwner(string? owner, ProjectChange scope)
        {
            if (owner is null)
            {
                noProject = true;
            }
            else
            {
                Raise(owner, scope);
            }
        }
    }

    private static bool Links(IReadOnlyList<(string Project, Matcher Patterns, string Folder)> links, string project, string file)
    {
        foreach (var link in links)
        {
            if (link.Project == project && link.Patterns.Match(link.Folder, file).HasMatches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>Compile Include</c> items of each project file that reach outside its folder ("..\Shared\*.cs"), as globs
    /// rooted at the folder the include climbs to.
    /// </summary>
    private static IReadOnlyList<(string Project, Matcher Patterns, string Folder)> LinkPatterns(IReadOnlyList<string> projectPaths)
    {
        var result = new List<(string, Matcher, string)>();
        foreach (var project in projectPaths)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(project);
            }
            catch (Exception exception) when (exception is System.Xml.XmlException or IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var item in document.Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                foreach (var include in (item.Attribute("Include")?.Value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var pattern = include.Replace("$(MSBuildThisFileDirectory)", string.Empty, StringComparison.OrdinalIgnoreCase)
                        .Replace("$(MSBuildProjectDirectory)", string.Empty, StringComparison.OrdinalIgnoreCase)
                        .Replace('\\', '/');
                    if (!pattern.Contains("..", StringComparison.Ordinal) || pattern.Contains("$(", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // Matcher does not climb: root the glob at the folder its leading "../" segments reach.
                    var root = Path.GetDirectoryName(project)!;
                    var rest = pattern.TrimStart('/');
                    while (rest.StartsWith("../", StringComparison.Ordinal))
                    {
                        root = Path.GetDirectoryName(root) ?? root;
                        rest = rest[3..];
                    }

                    var matcher = new Matcher(StringComparison.Ordinal);
                    matcher.AddInclude(rest);
                    result.Add((project, matcher, root));
                }
            }
        }

        return result;
    }
}
