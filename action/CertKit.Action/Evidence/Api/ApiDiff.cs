namespace CertKit.Action.Evidence.Api;

/// <summary>
/// Compares two public surfaces by symbol. Breaking: a type or member removed (or its signature changed), a return type
/// changed, a type or member made sealed, static, abstract or non-virtual, a public member made protected, an accessor
/// removed, an abstract or interface member added to an existing type, an enum or constant value changed, an optional
/// parameter made required, a default value changed. Additions: new types and members (members of new types are counted
/// with their type).
/// </summary>
internal static class ApiDiff
{
    public static ApiDiffResult Compare(ApiSurface atBase, ApiSurface atHead)
    {
        var breaking = new List<ApiChange>();
        var added = new List<ApiChange>();
        var before = atBase.Symbols;
        var after = atHead.Symbols;

        var removed = before.Values.Where(s => !after.ContainsKey(s.Key) && (s.ContainerKey is null || after.ContainsKey(s.ContainerKey) || !before.ContainsKey(s.ContainerKey))).ToList();
        var introduced = after.Values.Where(s => !before.ContainsKey(s.Key) && (s.ContainerKey is null || before.ContainsKey(s.ContainerKey))).ToList();

        // A member whose parameters changed leaves one key and arrives under another: pair them by container and name.
        var pairedHeads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in removed)
        {
            var replacement = old.Kind is "type" ? null : introduced.Where(n => n.ContainerKey == old.ContainerKey && n.Name == old.Name && n.Kind == old.Kind && !pairedHeads.Contains(n.Key)).ToList();
            if (replacement is [var single] && removed.Count(r => r.ContainerKey == old.ContainerKey && r.Name == old.Name) == 1)
            {
                pairedHeads.Add(single.Key);
                breaking.Add(new ApiChange(true, $"{old.Kind} {old.Display} changed its signature to {single.Display}", single.File, single.Line));
                continue;
            }

            // A removed member's type: the type's own removal already says so.
            if (old.ContainerKey is not null && !after.ContainsKey(old.ContainerKey))
            {
                continue;
            }

            breaking.Add(new ApiChange(true, $"{old.Kind} {old.Display} removed", old.File, old.Line));
        }

        foreach (var symbol in introduced.Where(s => !pairedHeads.Contains(s.Key)))
        {
            if (symbol.IsAbstractRequirement && symbol.ContainerKey is not null && before.ContainsKey(symbol.ContainerKey))
            {
                var container = after[symbol.ContainerKey];
                var where = container.Facets.GetValueOrDefault("kind") == "interface" ? "interface" : "abstract class";
                breaking.Add(new ApiChange(true, $"{symbol.Kind} {symbol.Display} added to the existing {where} {container.Display} (implementers must add it)", symbol.File, symbol.Line));
                continue;
            }

            added.Add(new ApiChange(false, $"{symbol.Kind} {symbol.Display} added", symbol.File, symbol.Line));
        }

        foreach (var (key, head) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (before.TryGetValue(key, out var old))
            {
                CompareFacets(old, head, breaking, added);
            }
        }

        return new ApiDiffResult(Order(breaking), Order(added), [.. atBase.Notes, .. atHead.Notes]);
    }

    private static void CompareFacets(ApiSymbol old, ApiSymbol head, List<ApiChange> breaking, List<ApiChange> added)
    {
        foreach (var (facet, before) in old.Facets)
        {
            var after = head.Facets.GetValueOrDefault(facet);
            if (after == before)
            {
                continue;
            }

            var what = $"{head.Kind} {head.Display}";
            switch (facet)
            {
                case "modifiers":
                    var gained = Words(after).Except(Words(before)).ToList();
                    var lost = Words(before).Except(Words(after)).ToList();
                    var harmful = gained.Where(m => m is "sealed" or "static" or "abstract" or "readonly" or "const").Concat(lost.Where(m => m is "virtual" or "static" or "const" && !(m == "virtual" && gained.Contains("abstract")))).ToList();
                    if (lost.Contains("abstract") && !gained.Contains("virtual") && !Words(after).Contains("virtual") && head.Kind != "type")
                    {
                        harmful.Add("non-virtual");
                    }

                    if (harmful.Count > 0)
                    {
                        breaking.Add(new ApiChange(true, $"{what}: {string.Join(", ", gained.Select(m => "now " + m).Concat(lost.Select(m => "no longer " + m)))}", head.File, head.Line));
                    }

                    break;
                case "accessibility":
                    if (before == "public")
                    {
                        breaking.Add(new ApiChange(true, $"{what} became {after} (was public)", head.File, head.Line));
                    }
                    else if (after == "public")
                    {
                        added.Add(new ApiChange(false, $"{what} became public (was {before})", head.File, head.Line));
                    }

                    break;
                case "accessors":
                    var removedAccessors = Words(before).Except(Words(after)).ToList();
                    if (removedAccessors.Count > 0)
                    {
                        breaking.Add(new ApiChange(true, $"{what}: accessor {string.Join(", ", removedAccessors)} removed (now {{ {after} }})", head.File, head.Line));
                    }
                    else
                    {
                        added.Add(new ApiChange(false, $"{what}: accessor {string.Join(", ", Words(after).Except(Words(before)))} added", head.File, head.Line));
                    }

                    break;
                case "interfaces":
                    var droppedInterfaces = List(before).Except(List(after)).ToList();
                    if (droppedInterfaces.Count > 0)
                    {
                        breaking.Add(new ApiChange(true, $"{what} no longer implements {string.Join(", ", droppedInterfaces)}", head.File, head.Line));
                    }
                    else
                    {
                        added.Add(new ApiChange(false, $"{what} now implements {string.Join(", ", List(after).Except(List(before)))}", head.File, head.Line));
                    }

                    break;
                case var parameter when parameter.StartsWith("parameter ", StringComparison.Ordinal):
                    var name = parameter["parameter ".Length..];
                    if (after is null)
                    {
                        break; // renamed: the key (types) is the same, the name is not compared
                    }

                    if (before.EndsWith("required", StringComparison.Ordinal) && after.Contains("optional", StringComparison.Ordinal))
                    {
                        added.Add(new ApiChange(false, $"{what}: parameter {name} became optional ({after})", head.File, head.Line));
                    }
                    else if (before.Contains("optional", StringComparison.Ordinal) && after.EndsWith("required", StringComparison.Ordinal))
                    {
                        breaking.Add(new ApiChange(true, $"{what}: optional parameter {name} became required (was {before})", head.File, head.Line));
                    }
                    else
                    {
                        breaking.Add(new ApiChange(true, $"{what}: parameter {name} changed from {before} to {after}", head.File, head.Line));
                    }

                    break;
                default:
                    breaking.Add(new ApiChange(true, $"{what}: {Describe(facet)} changed from {Show(before)} to {Show(after)}", head.File, head.Line));
                    break;
            }
        }
    }

    private static string Describe(string facet) => facet switch
    {
        "returns" => "type",
        "value" => "value",
        "kind" => "kind",
        "base" => "base class",
        "typeParameters" => "type parameters",
        "underlying" => "underlying type",
        _ => facet,
    };

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;

    private static IEnumerable<string> Words(string? value) => (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> List(string? value) => (value ?? string.Empty).Split(", ", StringSplitOptions.RemoveEmptyEntries);

    private static List<ApiChange> Order(List<ApiChange> changes) =>
        changes.OrderBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Line).ThenBy(c => c.Description, StringComparer.Ordinal).ToList();
}
