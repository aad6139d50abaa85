using CertKit.Action.Runtime;

namespace CertKit.Action.GitHub;

/// <summary>A repository as <c>owner/name</c>.</summary>
public sealed record RepositoryName(string Owner, string Name)
{
    public static RepositoryName Parse(string text, string source)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts.Any(part => part.Any(char.IsWhiteSpace)))
        {
            throw new ActionInputException($"{source} must be 'owner/name', got '{text}'.");
        }

        return new RepositoryName(parts[0], parts[1]);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
