using System.Globalization;

namespace CertKit.Action.Runtime;

/// <summary>Where an annotation points, as <c>@actions/core</c>'s <c>AnnotationProperties</c>.</summary>
public sealed record AnnotationProperties
{
    public string? Title { get; init; }
    public string? File { get; init; }
    public int? StartLine { get; init; }
    public int? EndLine { get; init; }
    public int? StartColumn { get; init; }
    public int? EndColumn { get; init; }

    /// <summary>
    /// <c>toCommandProperties</c>: the runner's names in its order (title, file, line, endLine, col, endColumn).
    /// A line or column of 0 is dropped, as JavaScript's falsy check drops it.
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, string?>> ToCommandProperties() =>
    [
        new("title", Title),
        new("file", File),
        new("line", Number(StartLine)),
        new("endLine", Number(EndLine)),
        new("col", Number(StartColumn)),
        new("endColumn", Number(EndColumn)),
    ];

    private static string? Number(int? value) =>
        value is null or 0 ? null : value.Value.ToString(CultureInfo.InvariantCulture);
}
