namespace SampleIntegration.AdobeSign;

/// <summary>Keeps an account's Adobe Sign tokens between runs.</summary>
public interface IAdobeSignTokenStore
{
    Task<AdobeSignTokens?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(AdobeSignTokens tokens, CancellationToken cancellationToken);
}
