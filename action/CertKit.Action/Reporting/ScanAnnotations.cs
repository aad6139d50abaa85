using CertKit.Action.GitHubAction;
using System.Globalization;
using CertKit.Action.Runtime;
using CertKit.Action.Scanning;

namespace CertKit.Action.Reporting;

/// <summary>
/// The reported findings as annotations on the files: errors as <c>::error</c>, warnings as <c>::warning</c>, notes as
/// <c>::notice</c>. GitHub shows at most <see cref="PerTypeLimit"/> annotations of each type per step and drops the rest
/// silently, so this emits what fits (counting the annotations the step already wrote) and says in one log line per
/// type how many were left out.
/// </summary>
internal static class ScanAnnotations
{
    public const int PerTypeLimit = 10;

    /// <param name="reserveError">keep one error slot free for the <c>::error::</c> line that fails the step.</param>
    public static void Emit(ActionsCore core, ActionScanResult result, bool reserveError)
    {
        foreach (var type in new[] { "error", "warning", "notice" })
        {
            var findings = result.Reported.Where(f => TypeOf(f.Level) == type).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            var room = Math.Max(0, PerTypeLimit - core.AnnotationCount(type) - (type == "error" && reserveError ? 1 : 0));
            foreach (var finding in findings.Take(room))
            {
                var properties = new AnnotationProperties
                {
                    Title = $"{finding.RuleId} {result.Title(finding.RuleId)}",
                    File = finding.Path,
                    StartLine = finding.Line,
                    EndLine = finding.EndLine,
                    StartColumn = finding.Column,
                    EndColumn = finding.EndColumn,
                };
                switch (type)
                {
                    case "error":
                        core.Error(finding.Message, properties);
                        break;
                    case "warning":
                        core.Warning(finding.Message, properties);
                        break;
                    default:
                        core.Notice(finding.Message, properties);
                        break;
                }
            }

            var left = findings.Count - Math.Min(room, findings.Count);
            if (left > 0)
            {
                core.Info(string.Create(CultureInfo.InvariantCulture,
                    $"certkit: and {left} more {type} finding{(left == 1 ? "" : "s")}, not annotated (GitHub shows {PerTypeLimit} {type} annotations per step); see the job summary."));
            }
        }
    }

    private static string TypeOf(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "notice",
    };
}
