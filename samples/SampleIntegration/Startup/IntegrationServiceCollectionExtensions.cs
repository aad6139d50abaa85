using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SampleIntegration.AdobeSign;
using SampleIntegration.Commercetools;
using SampleIntegration.Venafi;

namespace SampleIntegration.Startup;

/// <summary>Registers the three clients, their settings (from configuration) and the encrypted token store.</summary>
public static class IntegrationServiceCollectionExtensions
{
    public static IServiceCollection AddSampleIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdobeSignOptions>(configuration.GetSection(AdobeSignOptions.SectionName));
        services.Configure<CommercetoolsOptions>(configuration.GetSection(CommercetoolsOptions.SectionName));
        services.Configure<VenafiOptions>(configuration.GetSection(VenafiOptions.SectionName));

        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName("SampleIntegration");
        services.AddSingleton<IAdobeSignTokenStore, ProtectedFileTokenStore>();

        services.AddHttpClient<AdobeSignClient>();
        services.AddHttpClient<CommercetoolsClient>();
        services.AddHttpClient<VenafiClient>()
            .ConfigurePrimaryHttpMessageHandler(provider =>
                provider.GetRequiredService<IOptions<VenafiOptions>>().Value.PinnedProxyCertificateSha256 is { Length: > 0 } pinned
                    ? VenafiHttpHandlers.PinnedProxy(pinned)
                    : new SocketsHttpHandler());

        // Read at start-up so a missing secret fails fast, with the name of the variable to set.
        var signingKey = Environment.GetEnvironmentVariable("SAMPLE_INTEGRATION_WEBHOOK_SECRET");
        if (string.IsNullOrEmpty(signingKey))
        {
            throw new InvalidOperationException("Set SAMPLE_INTEGRATION_WEBHOOK_SECRET to the Adobe Sign webhook secret.");
        }

        services.AddSingleton(new WebhookSignature(signingKey));
        return services;
    }
}

/// <summary>The shared secret Adobe Sign webhooks are verified with.</summary>
public sealed record WebhookSignature(string Secret);
