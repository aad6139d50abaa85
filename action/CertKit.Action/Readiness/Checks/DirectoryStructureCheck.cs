using System.Text.Json;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>directory-structure</c>: one folder per <c>deployAs</c> application, named like it, that the Node.js buildpack can
/// build: a <c>package.json</c> with the script Connect runs, the scripts <c>connect.yaml</c> calls, and dependencies
/// declared there rather than reached outside the folder.
/// </summary>
internal sealed class DirectoryStructureCheck : IReadinessCheck
{
    public string Id => "directory-structure";

    public string Requirement => "One buildable folder per connect.yaml application, dependencies self-contained.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        var problems = new List<string>();
        var evidence = new List<string>();
        foreach (var application in manifest.Applications)
        {
            var where = $"{manifest.RelativePath}:{application.Line}";
            if (!Directory.Exists(Path.Combine(context.Root, application.Name)))
            {
                problems.Add($"{application.Name}/: no such folder (deployAs '{application.Name}' at {where}); Connect builds each application from the folder of its name");
                continue;
            }

            var packagePath = application.Name + "/package.json";
            var text = context.ReadText(packagePath);
            if (text is null)
            {
                problems.Add($"{packagePath}: not found; the Node.js buildpack needs it to build '{application.Name}'");
                continue;
            }

            JsonElement package;
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                package = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                problems.Add($"{packagePath}:{(exception.LineNumber ?? 0) + 1}: not valid JSON: {CertKitException.OneLine(exception.Message)}");
                continue;
            }

            var scripts = PackageJson.Scripts(package);
            var before = problems.Count;
            var needed = NeededScript(application.ApplicationType);
            if (needed is not null && !scripts.ContainsKey(needed))
            {
                problems.Add($"{packagePath}: no scripts.{needed}; the buildpack runs `npm {(needed == "start" ? "start" : "run " + needed)}` for a {application.ApplicationType} application");
            }

            foreach (var (hook, command) in application.Scripts)
            {
                foreach (var script in NpmRunTargets(command).Where(script => !scripts.ContainsKey(script)))
                {
                    problems.Add($"{where}: scripts.{hook} runs `npm run {script}`, which {packagePath} does not define");
                }
            }

            foreach (var (name, spec) in PackageJson.Dependencies(package))
            {
                if (ReachesOutside(spec))
                {
                    problems.Add($"{packagePath}: dependency '{name}' is '{spec}', outside the application folder; dependencies must be self-contained and declared in package.json");
                }
            }

            if (problems.Count == before)
            {
                evidence.Add($"{application.Name}/: {packagePath}{(needed is null ? string.Empty : $" with scripts.{needed} `{scripts[needed]}`")}, {PackageJson.Dependencies(package).Count()} dependencies declared");
            }
        }

        return Task.FromResult(CheckOutcome.FailedIfAny(problems, evidence));
    }

    private static string? NeededScript(string? applicationType) => applicationType switch
    {
        "service" or "event" or "job" => "start",
        "merchant-center-custom-application" or "merchant-center-custom-view" or "assets" => "build",
        _ => null,
    };

    private static IEnumerable<string> NpmRunTargets(string command)
    {
        var words = command.Split([' ', '\t', '&', ';', '|'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 2 < words.Length; i++)
        {
            if (words[i] == "npm" && words[i + 1] is "run" or "run-script")
            {
                yield return words[i + 2];
            }
        }
    }

    private static bool ReachesOutside(string spec)
    {
        string path;
        if (spec.StartsWith("file:", StringComparison.Ordinal) || spec.StartsWith("link:", StringComparison.Ordinal) || spec.StartsWith("portal:", StringComparison.Ordinal))
        {
            path = spec[(spec.IndexOf(':') + 1)..];
        }
        else if (spec.StartsWith('.') || spec.StartsWith('/'))
        {
            path = spec;
        }
        else
        {
            return false; // a registry version, a git URL, a tarball URL
        }

        path = path.Replace('\\', '/');
        return path == ".." || path.StartsWith("../", StringComparison.Ordinal) || path.StartsWith('/');
    }
}
