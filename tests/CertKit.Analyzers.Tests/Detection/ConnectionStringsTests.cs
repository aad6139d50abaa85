using CertKit.Analyzers.Detection;

namespace CertKit.Analyzers.Tests.Detection;

public class ConnectionStringsTests
{
    [Theory]
    [InlineData("Server=sql.internal;Database=certkit;User Id=svc;Password=S3cr3t!;", "Password", "S3cr3t!")]
    [InlineData("Host=pg;Username=app;Pwd=hunter2", "Pwd", "hunter2")]
    [InlineData("Data Source=db;password = 'a;b c' ;", "password", "a;b c")]
    [InlineData("Server=db;Password=\"quoted;value\"", "Password", "quoted;value")]
    [InlineData("https://legacy.partner.net/login?user=svc&password=Winter2024&lang=en", "password", "Winter2024")]
    [InlineData("passwd=Tr0ub4dor", "passwd", "Tr0ub4dor")]
    [InlineData("https://api.tvmaze.example/v1/shows?apikey=9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6&format=json", "apikey", "9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6")]
    [InlineData("https://feeds.example.test/rss?lang=en&api_key=Q7x2Lm9Pz4Rt8Vw3Kd6N", "api_key", "Q7x2Lm9Pz4Rt8Vw3Kd6N")]
    [InlineData("https://maps.example.test/geocode?address=Main&key=AIzaSyD4x9Qm2Lp7Rt3Vw8Kd6Nf1Zb5Hc0Jy", "key", "AIzaSyD4x9Qm2Lp7Rt3Vw8Kd6Nf1Zb5Hc0Jy")]
    [InlineData("wss://push.example.test/socket?token=7d1e4c9a-2b6f-4e8d-9c3a-1f5b7e2d4a6c", "token", "7d1e4c9a-2b6f-4e8d-9c3a-1f5b7e2d4a6c")]
    [InlineData("https://www.moviedb.example?apikey=4e7a1c93", "apikey", "4e7a1c93")]
    public void Finds_passwords_in_connection_and_query_strings(string text, string key, string value)
    {
        Assert.True(ConnectionStrings.MayContainCredential(text));
        Assert.True(ConnectionStrings.TryFindPassword(text, 0, out var credential));
        Assert.Equal(EmbeddedCredentialKind.ConnectionStringPassword, credential.Kind);
        Assert.Equal(key, credential.Key);
        Assert.Equal(value, credential.Value);
        Assert.Equal(value, text.Substring(credential.Start, credential.Length));
    }

    [Theory]
    [InlineData("Server=db;Integrated Security=true")]
    [InlineData("Server=db;Password=;")]
    [InlineData("OldPassword=abc")]
    [InlineData("PasswordHash=abc")]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("https://app.example.test/settings?key=theme-dark-mode")]
    [InlineData("https://api.example.test/v1/shows?apikey={0}&format=json")]
    [InlineData("https://api.example.test/v1/shows?page=2&token=next")]
    [InlineData("https://api.example.test/v1/shows?apikey=YOUR_API_KEY_HERE")]
    [InlineData("Server=db;Key=9f3c2a7b1d4e8f60a5b2c9d7e1f3a4b6")]
    [InlineData("https://api.example.test/v1/items?key=4e7a1c93")]
    [InlineData("https://www.moviedb.example?apikey=2024")]
    public void Ignores_other_keys_and_empty_values(string text)
    {
        Assert.False(ConnectionStrings.TryFindPassword(text, 0, out _));
    }

    [Theory]
    [InlineData("https://svc-venafi:Sup3rS3cret@api.venafi.cloud/v1", "svc-venafi", "Sup3rS3cret")]
    [InlineData("postgres://app:pg-pass-91@db.internal:5432/certkit", "app", "pg-pass-91")]
    [InlineData("amqp://guest:guest@rabbit/", "guest", "guest")]
    public void Finds_passwords_in_url_user_info(string text, string user, string password)
    {
        Assert.True(ConnectionStrings.TryFindUrlPassword(text, 0, out var credential));
        Assert.Equal(EmbeddedCredentialKind.UrlPassword, credential.Kind);
        Assert.Equal(user, credential.Key);
        Assert.Equal(password, credential.Value);
        Assert.Equal(password, text.Substring(credential.Start, credential.Length));
    }

    [Theory]
    [InlineData("https://svc@api.venafi.cloud")]
    [InlineData("https://api.venafi.cloud/users/@me")]
    [InlineData("support@venafi.com")]
    [InlineData("https://:@host")]
    public void Ignores_urls_without_a_password(string text)
    {
        Assert.False(ConnectionStrings.TryFindUrlPassword(text, 0, out _));
    }

    [Fact]
    public void Basic_values_must_decode_to_user_and_password()
    {
        // "integration:Adobe-Sign-2024"
        const string header = "Basic aW50ZWdyYXRpb246QWRvYmUtU2lnbi0yMDI0";
        Assert.True(ConnectionStrings.TryFindAuthorizationCredential(header, out var credential));
        Assert.Equal(EmbeddedCredentialKind.BasicAuthorization, credential.Kind);
        Assert.Equal("aW50ZWdyYXRpb246QWRvYmUtU2lnbi0yMDI0", header.Substring(credential.Start, credential.Length));
        Assert.Equal("Adobe-Sign-2024", credential.Value);

        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Basic realm=\"certkit\"", out _));
        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Basic aGVsbG8=", out _)); // "hello": no colon
        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Basic ", out _));
    }

    [Fact]
    public void Bearer_values_need_a_token_of_some_length()
    {
        Assert.True(ConnectionStrings.TryFindAuthorizationCredential("Bearer 3f9a1c2e77b44c1e9a0e5d2f", out var credential));
        Assert.Equal(EmbeddedCredentialKind.BearerAuthorization, credential.Kind);
        Assert.Equal("3f9a1c2e77b44c1e9a0e5d2f", credential.Value);

        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Bearer ", out _));
        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Bearer abc", out _));
        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Bearer token expired", out _));
        Assert.False(ConnectionStrings.TryFindAuthorizationCredential("Bearerless", out _));
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("proxy-authorization", true)]
    [InlineData("tppl-api-key", false)]
    public void Authorization_header_names(string name, bool expected)
    {
        Assert.Equal(expected, ConnectionStrings.IsAuthorizationHeaderName(name));
    }

    [Theory]
    [InlineData("http://www.tvdb.example/api/1D62F2F90030C444/series/{0}/all/{1}.zip", "1D62F2F90030C444")]
    [InlineData("/api/8f3Kq29LmXz71VbR4tYw/episodes", "8f3Kq29LmXz71VbR4tYw")]
    public void Finds_api_keys_given_as_a_path_segment_after_api(string text, string key)
    {
        Assert.True(ConnectionStrings.MayContainCredential(text));
        Assert.True(ConnectionStrings.TryFindUrlPathKey(text, 0, out var credential));
        Assert.Equal(EmbeddedCredentialKind.UrlPathKey, credential.Kind);
        Assert.Equal(key, credential.Value);
        Assert.Equal(key, text.Substring(credential.Start, credential.Length));
    }

    [Theory]
    [InlineData("https://api.example.test/api/v1/series/42")]
    [InlineData("https://api.example.test/api/{key}/series/42")]
    [InlineData("https://api.example.test/api/series/42")]
    [InlineData("https://api.example.test/api/3f2c7a9e-41b2-4d6f-9c1a-7e5b8d2f0a64/series")]
    [InlineData("https://api.example.test/api/20240101123456789/series")]
    [InlineData("https://api.example.test/api/0123456789abcdef/series")]
    [InlineData("https://api.example.test/api/1D62F2F90030C444")]
    [InlineData("https://api.example.test/items/1D62F2F90030C444/series")]
    public void Ignores_versions_words_placeholders_ids_and_keys_outside_an_api_path(string text) =>
        Assert.False(ConnectionStrings.TryFindUrlPathKey(text, 0, out _));
}
