using CertKit.Action.Git;
using CertKit.Action.Versioning;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>git-tag</c>: what is certified is a tag, so the head commit carries one and the work tree holds exactly that commit
/// (no changed tracked files). Only a release tag counts, one that names a version (<c>vX.Y.Z</c> or <c>X.Y.Z</c>): a floating
/// tag (<c>latest</c>, <c>stable</c>, any name that is not a version) is moved to the next commit by design, so it is not
/// what stays the same during certification. A lightweight tag is a warning: it records nobody and no date and is easily moved.
/// </summary>
internal sealed class GitTagCheck : IReadinessCheck
{
    public string Id => "git-tag";

    public string Requirement => "A Git tag that stays the same during certification.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (!context.IsGitWorkTree)
        {
            return Task.FromResult(CheckOutcome.Failed([$"'{context.Root}' is not a git repository: certification references a Git tag"]));
        }

        var repository = GitRepository.Open(context.Root);
        var head = repository.TryResolveCommit("HEAD");
        if (head is null)
        {
            return Task.FromResult(CheckOutcome.Failed(["the repository has no commit yet"]));
        }

        var shortHead = head[..7];
        var tags = repository.TagsPointingAt(head);
        if (tags.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Failed([$"HEAD ({shortHead}) has no tag: tag the commit to certify (git tag -a vX.Y.Z) and reference that tag with Set Repository"]));
        }

        var releaseTags = new TagPatternSet(null).Match(tags).Select(match => match.Tag).ToList();
        var floating = tags.Except(releaseTags, StringComparer.Ordinal).ToList();
        if (releaseTags.Count == 0)
        {
            return Task.FromResult(CheckOutcome.Failed([
                $"HEAD ({shortHead}) is tagged only {string.Join(", ", floating)}, which {(floating.Count == 1 ? "is not a version: a floating tag" : "are not versions: floating tags")} moved to newer commits; tag the commit to certify with its version (git tag -a vX.Y.Z) and reference that tag with Set Repository",
            ]));
        }

        tags = releaseTags;

        var git = new GitCommandRunner(context.Root);
        var changed = git.Run("status", "--porcelain", "-z", "--untracked-files=no", "--", ".").StandardOutput
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Length > 3)
            .Select(entry => entry[3..])
            .ToList();
        if (changed.Count > 0)
        {
            return Task.FromResult(CheckOutcome.Failed([
                $"the work tree differs from tag {tags[0]} ({shortHead}) in {changed.Count} file(s): {string.Join(", ", changed.Take(5))}{(changed.Count > 5 ? ", …" : string.Empty)}; commit and tag again",
            ]));
        }

        var warnings = tags.Where(tag => git.Run("cat-file", "-t", "refs/tags/" + tag).StandardOutput.Trim() != "tag")
            .Select(tag => $"{tag} is a lightweight tag: an annotated tag (git tag -a) records who tagged and when")
            .ToList();
        var evidence = $"HEAD ({shortHead}) is tagged {string.Join(", ", tags)}; the work tree matches it";
        if (floating.Count > 0)
        {
            evidence += $" ({string.Join(", ", floating)} also point{(floating.Count == 1 ? "s" : string.Empty)} here: not a version, so not counted)";
        }

        return Task.FromResult(CheckOutcome.Passed([evidence], warnings));
    }
}
