using System.Text;
using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// The commercetools TypeScript SDK's request builder chains, recognised by their shape on the shared JS/TS reader: a chain
/// of calls that ends in a verb (<c>get</c>, <c>post</c>, <c>delete</c>, <c>head</c>) followed by <c>.execute()</c>, whose
/// first step is one of the project's resources (<c>carts()</c>, <c>customObjects()</c>, <c>inStoreKeyWithStoreKeyValue(…)</c>),
/// whatever the root is called (<c>apiRoot</c>, <c>apiClient</c>, <c>this.getApiRoot()</c>, <c>paymentSDK.ctAPI.client</c>).
/// Each step adds a path segment (<c>productProjections()</c> → <c>/product-projections</c>, <c>withId({ ID })</c> →
/// <c>/{ID}</c>, <c>withKey({ key })</c> → <c>/key={key}</c>) under <c>/{projectKey}</c>. The client's set-up
/// (<c>new ClientBuilder().withProjectKey(…)…build()</c>) sends nothing and is never an endpoint.
/// </summary>
internal static class CommercetoolsChains
{
    public const string Base = "commercetools SDK";

    private const int MaxSteps = 24;

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "get", "post", "delete", "head" };

    // The resources of ByProjectKeyRequestBuilder (platform SDK), the first step of a request under a project.
    private static readonly HashSet<string> Resources = new(StringComparer.Ordinal)
    {
        "asAssociate", "associateRoles", "attributeGroups", "businessUnits", "cartDiscounts", "carts", "categories", "channels",
        "customObjects", "customerGroups", "customers", "discountCodes", "discountGroups", "extensions", "graphql",
        "inBusinessUnitKeyWithBusinessUnitKeyValue", "inStoreKeyWithStoreKeyValue", "inventory", "login", "me", "messages",
        "orders", "paymentMethods", "payments", "productDiscounts", "productProjections", "productSelections", "productTailoring",
        "productTypes", "products", "quoteRequests", "quotes", "recurrencePolicies", "recurringOrders", "reviews", "shippingMethods",
        "shoppingLists", "stagedQuotes", "standalonePrices", "states", "stores", "subscriptions", "taxCategories", "types", "zones",
    };

    public static void Extract(string file, ScriptValues values, int[] lines, List<EndpointCall> calls)
    {
        var source = values.Source;
        for (var i = 3; i < source.Count; i++)
        {
            // … .verb(…).execute()
            if (!source.IsIdentifier(i, "execute") || !values.IsMemberAccess(i - 1) || !source.IsPunctuator(i + 1, '(') || !source.IsPunctuator(i - 2, ')'))
            {
                continue;
            }

            var (steps, rootStart) = ReadSteps(values, i - 2);
            if (steps.Count == 0 || !Verbs.Contains(source.TextOf(steps[^1].Name)))
            {
                continue;
            }

            // Leading steps that are not a resource belong to the root (`this.getApiRoot()`); the project step is kept.
            var first = steps.FindIndex(s => Resources.Contains(source.TextOf(s.Name)) || source.Equals(s.Name, "withProjectKey"));
            if (first < 0)
            {
                // root.get().execute(): the project itself, only where the file uses the SDK.
                if (steps.Count > 2 || (steps.Count == 2 && !source.Equals(steps[0].Name, "withProjectKey")) || !values.ImportsFrom("@commercetools/"))
                {
                    continue;
                }

                first = steps.Count - 1;
            }

            var path = new StringBuilder("/{projectKey}");
            foreach (var (name, open) in steps.Skip(first).SkipLast(1))
            {
                if (!source.Equals(name, "withProjectKey"))
                {
                    path.Append(Segment(values, source.TextOf(name), open));
                }
            }

            var at = first == 0 ? rootStart : steps[first].Name;
            var site = new EndpointSite(file, ScriptText.LineOf(source.Text, source.Significant[at].Start, lines));
            calls.Add(new EndpointCall(EndpointKind.Http, source.TextOf(steps[^1].Name).ToUpperInvariant(), path.ToString(), Base, null, site));
        }
    }

    /// <summary>
    /// The <c>.name(…)</c> steps of the chain whose last call closes at <paramref name="close"/>, first to last, and where its
    /// root starts (<c>apiRoot</c>, <c>this.apiRoot</c>, <c>createApiRoot()</c>).
    /// </summary>
    private static (List<(int Name, int Open)> Steps, int RootStart) ReadSteps(ScriptValues values, int close)
    {
        var source = values.Source;
        var steps = new List<(int Name, int Open)>();
        var index = close;
        while (steps.Count < MaxSteps)
        {
            var open = source.Partner(index);
            var name = open - 1;
            if (open < 0 || !source.IsIdentifier(name))
            {
                return ([], -1);
            }

            if (!values.IsMemberAccess(name - 1))
            {
                // createApiRoot().carts(): the call without a receiver is the root.
                return (steps, name);
            }

            steps.Insert(0, (name, open));
            if (source.IsPunctuator(name - 2, ')'))
            {
                index = name - 2;
                continue;
            }

            // apiRoot.carts(), paymentSDK.ctAPI.client.carts(): a name chain is the root.
            var root = name - 2;
            if (!source.IsIdentifier(root))
            {
                return ([], -1);
            }

            while (root >= 2 && values.IsMemberAccess(root - 1) && source.IsIdentifier(root - 2))
            {
                root -= 2;
            }

            return (steps, root);
        }

        return ([], -1);
    }

    private static string Segment(ScriptValues values, string name, int open)
    {
        switch (name)
        {
            case "withId":
                return "/{ID}";
            case "withKey":
                return "/key={key}";
            case "withOrderNumber":
                return "/order-number={orderNumber}";
            case "inStoreKeyWithStoreKeyValue":
                return "/in-store/key={storeKey}";
            case "inBusinessUnitKeyWithBusinessUnitKeyValue":
                return "/in-business-unit/key={businessUnitKey}";
            case "withContainerAndKey":
                return "/{container}/{key}";
            case "withContainer":
                return "/{container}";
            case "withPasswordToken":
                return "/password-token={passwordToken}";
            case "withEmailToken":
                return "/email-token={emailToken}";
        }

        if (name.StartsWith("with", StringComparison.Ordinal) && name.Length > 4)
        {
            var arguments = values.Source.Parts(open);
            var keys = arguments.Count > 0 ? values.Source.Properties(arguments[0].First).Select(p => "{" + values.Source.PropertyName(p.Name) + "}").ToList() : [];
            return "/" + (keys.Count > 0 ? string.Join('/', keys) : "{" + PathTemplate.HoleName(name[4..]) + "}");
        }

        return "/" + Kebab(name);
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                builder.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
