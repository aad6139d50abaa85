namespace AdobeSign.Connector;

/// <summary>The OAuth authorization request: the scopes here are the permissions Adobe Sign certified.</summary>
public static class AdobeSignOAuth
{
    // 1.0.1 fix: reminders need agreement_send, a new permission even in a patch.
    public const string Scopes = "user_read:account agreement_read:account agreement_send:account";

    public static Uri AuthorizeUrl(Uri oauthBase, string clientId, Uri redirectUri, string state) =>
        new($"{oauthBase}public/oauth/v2?response_type=code&client_id={Uri.EscapeDataString(clientId)}" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}&state={Uri.EscapeDataString(state)}" +
            $"&scope={Uri.EscapeDataString(Scopes)}");
}
