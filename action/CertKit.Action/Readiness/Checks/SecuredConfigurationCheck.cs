using System.Collections.Immutable;
using CertKit.Action.Policies;
using CertKit.Analyzers.Detection;

namespace CertKit.Action.Readiness.Checks;

/// <summary>
/// <c>secured-configuration</c>: credentials are <c>securedConfiguration</c> keys without a default. A credential-named key
/// or a secret-shaped default in <c>standardConfiguration</c>, or any default of a secured key, puts a secret in the
/// repository or in the clear; the names and values are judged by the analyzers' own detection engine. A key documented as a
/// public client-side key (<see cref="PublicClientKeys"/>, or listed in <c>certkit.yml</c> <c>publicKeys</c>) is not a credential.
/// </summary>
internal sealed class SecuredConfigurationCheck : IReadinessCheck
{
    public string Id => "secured-configuration";

    public string Requirement => "Secrets are securedConfiguration keys, never standardConfiguration keys or defaults.";

    public Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var manifest = context.Manifest();
        var problems = new List<string>();
        var secured = new List<string>();
        var standard = new List<string>();
        var publicKeys = new List<string>();
        var resourceKeys = new List<string>();
        var allowList = AllowList(context);
        foreach (var entry in manifest.AllConfiguration)
        {
            var where = $"{manifest.RelativePath}:{entry.Line}";
            if (entry.Secured)
            {
                secured.Add(entry.Key);
                if (entry.Default is not null)
                {
                    problems.Add($"{manifest.RelativePath}:{entry.DefaultLine}: secured key {entry.Key} has a default; a secret's value is set at deployment, never in the repository");
                }

                continue;
            }

            standard.Add(entry.Key);
            if (PublicClientKeys.Why(entry.Key, entry.Default, allowList) is { } why)
            {
                publicKeys.Add($"{where}: {entry.Key} is a public client-side key ({why})");
            }
            else if (CredentialNames.Classify(entry.Key) is CredentialNameKind.Credential or CredentialNameKind.BareToken)
            {
                // CT_PRODUCT_TYPE_SUBSCRIPTION_KEY: 'payment-connector-subscription-information' names a commercetools resource.
                if (entry.Default is { } key && ValueShapes.IsResourceKey(key.Trim(), entry.Key))
                {
                    resourceKeys.Add($"{where}: {entry.Key} names a resource (its default '{key.Trim()}' is a key spelled with words of its name), not a credential");
                    continue;
                }

                problems.Add($"{where}: {entry.Key} is a credential in standardConfiguration; move it to securedConfiguration");
            }
            else if (entry.Default is { } value && LooksSecret(entry.Key, value))
            {
                problems.Add($"{manifest.RelativePath}:{entry.DefaultLine}: the default of {entry.Key} looks like a secret; a secret belongs in securedConfiguration, without a default");
            }
        }

        var evidence = new List<string>
        {
            secured.Count == 0 ? "no securedConfiguration keys" : $"securedConfiguration: {string.Join(", ", secured.Distinct())}",
            standard.Count == 0 ? "no standardConfiguration keys" : $"standardConfiguration: {string.Join(", ", standard.Distinct())} (none credential-like, no secret-shaped default)",
        };
        evidence.AddRange(publicKeys.Distinct());
        evidence.AddRange(resourceKeys.Distinct());
        return Task.FromResult(CheckOutcome.FailedIfAny(problems, evidence));
    }

    // certkit.yml publicKeys at the repository root (a file that does not load is a one-line error with its line).
    private static IReadOnlyList<string> AllowList(CheckContext context)
    {
        var path = Path.Combine(context.Root, PolicyFile.DefaultFileName);
        return File.Exists(path) ? PolicyFile.Load(path).PublicKeys : [];
    }

    private static bool LooksSecret(string key, string value) =>
        SecretPatterns.TryFindFirst(value, out _)
        || (!Placeholders.IsPlaceholder(value, key, ImmutableArray<string>.Empty) && Entropy.TryFindHighEntropySecret(value, key, null, out _));
}
