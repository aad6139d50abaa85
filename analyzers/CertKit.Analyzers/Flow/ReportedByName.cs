using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CertKit.Analyzers.Flow;

/// <summary>
/// What the name-based checks of CK1002 (literals given to a credential-named target) and CK2001 (authentication cookies)
/// reported in one compilation, so that the credential flow, which another analyzer runs (<see cref="Rules.CredentialFlowAnalyzer"/>),
/// does not report the same literal or cookie again at compilation end. The driver runs every analyzer's other actions
/// before any compilation-end action, so the sets are complete when the flow reads them.
/// </summary>
internal sealed class ReportedByName
{
    private static readonly ConditionalWeakTable<Compilation, ReportedByName> PerCompilation = new();

    /// <summary>Literals CK1002 reported by the name they are given.</summary>
    public ConcurrentDictionary<(SyntaxTree, TextSpan), byte> Literals { get; } = new();

    /// <summary>Cookie sinks (the call or creation) CK2001 reported by the cookie's name.</summary>
    public ConcurrentDictionary<(SyntaxTree, TextSpan), byte> Cookies { get; } = new();

    public static ReportedByName For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new ReportedByName());
}
