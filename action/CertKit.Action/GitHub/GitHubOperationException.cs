namespace CertKit.Action.GitHub;

/// <summary>A GitHub API failure explained in one line (what failed, why, what to change).</summary>
public sealed class GitHubOperationException(string message, Exception? inner = null) : Exception(message, inner);
