namespace CertKit.Action.Scopes;

/// <summary>Adobe Sign OAuth scope spelling.</summary>
public static class AdobeScope
{
    /// <summary>
    /// Lower-cases a scope and adds the default modifier: Adobe Sign reads a scope without a modifier as
    /// <c>:self</c>, so <c>user_read</c> and <c>user_read:self</c> are the same permission.
    /// </summary>
    public static string Normalize(string scope)
    {
        var trimmed = scope.Trim().ToLowerInvariant();
        return trimmed.Contains(':', StringComparison.Ordinal) ? trimmed : trimmed + ":self";
    }
}
