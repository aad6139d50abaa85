using CertKit.Action.Evidence.Api;

namespace CertKit.Action.Evidence.Routes;

/// <summary>
/// Route changes as API changes of a service: a new route is an addition; a removed route (or a path served with another
/// method) is breaking; in a route's DTO a removed or renamed property, a new required property or an optional one made
/// required is breaking, a new optional property an addition.
/// </summary>
internal static class RouteDiff
{
    public static (List<ApiChange> Breaking, List<ApiChange> Added) Compare(RouteSurface atBase, RouteSurface atHead)
    {
        var breaking = new List<ApiChange>();
        var added = new List<ApiChange>();
        var baseRoutes = atBase.Routes.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var headRoutes = atHead.Routes.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (key, route) in headRoutes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!baseRoutes.ContainsKey(key))
            {
                added.Add(new ApiChange(false, $"route {route.Display} added ({route.Framework})", route.File, route.Line));
            }
        }

        foreach (var (key, route) in baseRoutes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!headRoutes.ContainsKey(key))
            {
                breaking.Add(new ApiChange(true, $"route {route.Display} removed ({route.Framework})", route.File, route.Line));
            }
        }

        var baseShapes = atBase.Dtos.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var shape in atHead.Dtos.GroupBy(d => d.Name).Select(g => g.First()).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!baseShapes.TryGetValue(shape.Name, out var before))
            {
                continue;
            }

            foreach (var (property, wasRequired) in before.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!shape.Properties.TryGetValue(property, out var required))
                {
                    breaking.Add(new ApiChange(true, $"route DTO {shape.Name}: property {property} removed or renamed", shape.File, shape.Line));
                }
                else if (required && !wasRequired)
                {
                    breaking.Add(new ApiChange(true, $"route DTO {shape.Name}: property {property} became required", shape.File, shape.Line));
                }
            }

            foreach (var (property, required) in shape.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!before.Properties.ContainsKey(property))
                {
                    if (required)
                    {
                        breaking.Add(new ApiChange(true, $"route DTO {shape.Name}: required property {property} added", shape.File, shape.Line));
                    }
                    else
                    {
                        added.Add(new ApiChange(false, $"route DTO {shape.Name}: optional property {property} added", shape.File, shape.Line));
                    }
                }
            }
        }

        return (breaking, added);
    }
}
