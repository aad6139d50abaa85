namespace CertKit.Action.Evidence.Contract;

/// <summary>One change of the Connect contract, in words, at head (or at base for a removal); breaking changes ask more of whoever deploys it.</summary>
internal sealed record ContractChange(bool Breaking, string Description, string File, int Line);

/// <summary>
/// Compares two connect.yaml contracts: an application removed, a required key added, or a key becoming required is
/// breaking (a deployment that worked no longer does); an application or optional key added, a key removed or no longer
/// required, and API client scope changes are listed as changes.
/// </summary>
internal static class ContractDiff
{
    public static IReadOnlyList<ContractChange> Compare(ConnectContract atBase, ConnectContract atHead)
    {
        var changes = new List<ContractChange>();
        var before = atBase.Applications.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = atHead.Applications.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (name, old) in before)
        {
            if (!after.ContainsKey(name))
            {
                changes.Add(new ContractChange(true, $"application {name} ({old.Type}) removed", old.File, old.Line));
            }
        }

        foreach (var (name, head) in after)
        {
            if (!before.TryGetValue(name, out var old))
            {
                changes.Add(new ContractChange(false, $"application {name} ({head.Type}) added", head.File, head.Line));
                continue;
            }

            var oldKeys = old.Keys.ToDictionary(k => k.Key, StringComparer.Ordinal);
            var newKeys = head.Keys.ToDictionary(k => k.Key, StringComparer.Ordinal);
            foreach (var key in head.Keys)
            {
                var kind = key.Secured ? "secured configuration key" : "configuration key";
                if (!oldKeys.TryGetValue(key.Key, out var was))
                {
                    changes.Add(new ContractChange(key.Required, $"{name}: {(key.Required ? "required " : string.Empty)}{kind} {key.Key} added", key.File, key.Line));
                }
                else if (key.Required && !was.Required)
                {
                    changes.Add(new ContractChange(true, $"{name}: {kind} {key.Key} became required", key.File, key.Line));
                }
                else if (!key.Required && was.Required)
                {
                    changes.Add(new ContractChange(false, $"{name}: {kind} {key.Key} is no longer required", key.File, key.Line));
                }
            }

            foreach (var key in old.Keys.Where(k => !newKeys.ContainsKey(k.Key)))
            {
                changes.Add(new ContractChange(false, $"{name}: configuration key {key.Key} removed", key.File, key.Line));
            }

            var addedScopes = head.Scopes.Except(old.Scopes, StringComparer.Ordinal).ToList();
            var removedScopes = old.Scopes.Except(head.Scopes, StringComparer.Ordinal).ToList();
            if (addedScopes.Count > 0 || removedScopes.Count > 0)
            {
                var parts = new List<string>();
                if (addedScopes.Count > 0)
                {
                    parts.Add("added " + string.Join(" ", addedScopes));
                }

                if (removedScopes.Count > 0)
                {
                    parts.Add("removed " + string.Join(" ", removedScopes));
                }

                changes.Add(new ContractChange(false, $"{name}: inheritAs.apiClient.scopes {string.Join("; ", parts)}", head.File, head.ScopesLine));
            }
        }

        return changes.OrderBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Line).ThenBy(c => c.Description, StringComparer.Ordinal).ToList();
    }
}
