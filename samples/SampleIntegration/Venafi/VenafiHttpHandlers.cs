using System.Net.Security;
using System.Security.Cryptography;

namespace SampleIntegration.Venafi;

/// <summary>The HTTP handlers the Venafi client runs on.</summary>
public static class VenafiHttpHandlers
{
    /// <summary>
    /// Behind an on-premises TLS inspection proxy: accept the proxy's certificate only when it is the pinned one,
    /// and every other certificate only when the platform found no error.
    /// </summary>
    public static HttpMessageHandler PinnedProxy(string pinnedSha256) => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null
                    && string.Equals(Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())), pinnedSha256, StringComparison.OrdinalIgnoreCase)),
        },
    };

    /// <summary>For the partner's lab, whose proxy presents a self-signed certificate.</summary>
    public static HttpMessageHandler Lab() => new HttpClientHandler
    {
        // DELIBERATE FINDING CK4001: every server certificate is accepted, so anyone on the path can read the API key.
        ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
    };
}
