using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SampleIntegration.AdobeSign;

/// <summary>
/// Stores the tokens encrypted with ASP.NET Core data protection, as Adobe Sign's security review asks
/// ("storing all tokens for the integration in an encrypted format").
/// </summary>
public sealed class ProtectedFileTokenStore : IAdobeSignTokenStore
{
    private const string Purpose = "SampleIntegration.AdobeSign.Tokens.v1";

    private readonly IDataProtector _protector;
    private readonly string _path;

    public ProtectedFileTokenStore(IDataProtectionProvider protection, IOptions<AdobeSignOptions> options)
    {
        _protector = protection.CreateProtector(Purpose);
        _path = options.Value.TokenFilePath;
    }

    public async Task<AdobeSignTokens?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        var protectedJson = await File.ReadAllTextAsync(_path, cancellationToken);
        return JsonSerializer.Deserialize<AdobeSignTokens>(_protector.Unprotect(protectedJson));
    }

    public async Task SaveAsync(AdobeSignTokens tokens, CancellationToken cancellationToken)
    {
        var protectedJson = _protector.Protect(JsonSerializer.Serialize(tokens));
        await File.WriteAllTextAsync(_path, protectedJson, cancellationToken);
    }
}
