namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// The runtimes commercetools Connect builds applications with (docs.commercetools.com/connect/supported-runtimes, read
/// 2026-12): Node.js 22 and 24 for JavaScript/TypeScript, Java 11 and 17 (LTS) with Maven. Program data: the
/// <c>runtime</c> check reads it, and a change of Connect's buildpacks is a change here only.
/// </summary>
internal sealed record ConnectRuntimes(IReadOnlyList<int> NodeMajors, IReadOnlyList<int> JavaMajors)
{
    public static ConnectRuntimes Supported { get; } = new([22, 24], [11, 17]);
}
