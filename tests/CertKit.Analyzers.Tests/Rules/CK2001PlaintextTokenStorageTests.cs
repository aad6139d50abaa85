using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verifier = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK2001PlaintextTokenStorageAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

/// <summary>
/// CK2001 over an Adobe Sign OAuth token store, a commercetools client-credentials token cache and a Venafi API key:
/// the flagged cases are the ways integrations really persist tokens, the clean ones the ways they protect them.
/// </summary>
public class CK2001PlaintextTokenStorageTests
{
    // Shared declarations: the token records the integrations use and stand-ins for MAUI storage (not referenced in tests).
    private const string Declarations = """
        public sealed record AdobeSignTokens(string AccessToken, string RefreshToken, int ExpiresIn, string ApiAccessPoint);

        public sealed class CommercetoolsToken
        {
            public string access_token { get; set; } = "";
            public int expires_in { get; set; }
            public string scope { get; set; } = "";
        }

        public sealed class StoredTokens
        {
            public string AccountId { get; set; } = "";
            public string AccessToken { get; set; } = "";
            public string RefreshToken { get; set; } = "";
        }

        public sealed class AdobeSignConnection
        {
            public int Id { get; set; }
            public string AccountId { get; set; } = "";
            public string RefreshToken { get; set; } = "";
        }

        public sealed class IntegrationDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<AdobeSignConnection> Connections => Set<AdobeSignConnection>();
        }

        namespace Media.Model.Dto
        {
            // jellyfin's MediaSourceInfo: its OpenToken is an identifier joined from stream ids, not a credential.
            public class MediaSourceInfo
            {
                public string Path { get; set; } = "";
                public string OpenToken { get; set; } = "";
            }
        }

        namespace Billing.Models
        {
            // bitwarden's OrganizationLicense: a signed licence the self-hosted server keeps in a file.
            public sealed class OrganizationLicense
            {
                public string LicenseKey { get; set; } = "";
                public string Signature { get; set; } = "";
                public string Token { get; set; } = "";
            }
        }

        namespace Partner.Auth
        {
            public sealed class Ticket
            {
                public string User { get; set; } = "";
                public string Token { get; set; } = "";
            }
        }

        public sealed class SignedInUser
        {
            public string Name { get; set; } = "";
            public StoredTokens Tokens { get; set; } = new StoredTokens();
        }

        public sealed class AuditEntity
        {
            public int Id { get; set; }
            public string Action { get; set; } = "";
            public string Request { get; set; } = "";
        }

        public sealed class AuditDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<AuditEntity> Audits => Set<AuditEntity>();
        }

        // The project's own persistence methods (AdobeSignNet's CreditAppRepository.AddAdobeSignLog).
        public sealed class AuditRepository
        {
            private readonly AuditDb _db = new AuditDb();
            private string _last = "";

            public void AddLog(string action, string request)
            {
                var entity = new AuditEntity { Action = action, Request = request };
                _db.Audits.Add(entity);
                _db.SaveChanges();
            }

            public void AddProtectedLog(string action, string request)
            {
                _db.Audits.Add(new AuditEntity { Action = action, Request = TokenVault.Encrypt(request) });
                _db.SaveChanges();
            }

            public void AppendLine(string path, string line) => System.IO.File.AppendAllText(path, line);

            public void Remember(string request) => _last = request;

            public string Last => _last;
        }

        public sealed class TokenVault
        {
            public string Seal(string value) => value;
            public static string Encrypt(string value) => value;
            public static string Shield(string value) => System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
            public string Lock(string value) { var bytes = System.Text.Encoding.UTF8.GetBytes(value); using var aes = System.Security.Cryptography.Aes.Create(); return System.Convert.ToBase64String(aes.EncryptCbc(bytes, new byte[16])); }
        }

        public sealed class Settings : System.Configuration.ApplicationSettingsBase
        {
            public static Settings Default { get; } = new Settings();

            [System.Configuration.UserScopedSetting]
            public string RefreshToken { get => (string)this["RefreshToken"]; set => this["RefreshToken"] = value; }

            [System.Configuration.UserScopedSetting]
            public string Theme { get => (string)this["Theme"]; set => this["Theme"] = value; }
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlParameterCollection
            {
                public SqlParameter AddWithValue(string parameterName, object value) => new SqlParameter(parameterName, value);
                public SqlParameter Add(SqlParameter value) => value;
            }

            public sealed class SqlParameter : System.Data.Common.DbParameter
            {
                public SqlParameter(string parameterName, object value) { ParameterName = parameterName; Value = value; }
                public override System.Data.DbType DbType { get; set; }
                public override System.Data.ParameterDirection Direction { get; set; }
                public override bool IsNullable { get; set; }
                [System.Diagnostics.CodeAnalysis.AllowNull]
                public override string ParameterName { get; set; } = "";
                public override int Size { get; set; }
                [System.Diagnostics.CodeAnalysis.AllowNull]
                public override string SourceColumn { get; set; } = "";
                public override bool SourceColumnNullMapping { get; set; }
                public override object? Value { get; set; }
                public override void ResetDbType() { }
            }
        }

        namespace Microsoft.Maui.Storage
        {
            public static class Preferences
            {
                public static void Set(string key, string value, string? sharedName = null) { }
                public static void Set(string key, bool value, string? sharedName = null) { }
            }

            public static class SecureStorage
            {
                public static System.Threading.Tasks.Task SetAsync(string key, string value) => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        """;

    private static string Wrap(string body) => $$"""
        #nullable enable
        using System;
        using System.IO;
        using System.IO.IsolatedStorage;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using System.Data.Common;
        using System.Security.Cryptography;
        using System.Xml.Serialization;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Win32;
        using Newtonsoft.Json;
        using Microsoft.Maui.Storage;
        using JsonSerializer = System.Text.Json.JsonSerializer;

        public sealed class TokenStore
        {
            private readonly IDataProtector _protector;
            private readonly IDistributedCache _cache;
            private readonly IMemoryCache _memory;
            private readonly IConfiguration _configuration;
            private readonly TokenVault _vault = new TokenVault();
            private readonly string _path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "adobe-sign", "tokens.json");

            public TokenStore(IDataProtectionProvider provider, IDistributedCache cache, IMemoryCache memory, IConfiguration configuration)
            {
                _protector = provider.CreateProtector("AdobeSign.Tokens");
                _cache = cache;
                _memory = memory;
                _configuration = configuration;
            }

            public async Task SaveAsync(
                string path, string userId, string accessToken, string refreshToken, string apiKey, string clientSecret,
                string encryptedRefreshToken, string value, AdobeSignTokens tokens, CommercetoolsToken ctToken, StoredTokens stored,
                AdobeSignConnection entity, IntegrationDb db, DbCommand command, Microsoft.Data.SqlClient.SqlParameterCollection parameters,
                HttpResponse response, ISession session, RegistryKey key, DistributedCacheEntryOptions cacheOptions, CancellationToken token)
            {
                {{body}}
            }

            private Task<string> GetAccessTokenAsync() => Task.FromResult("");
        }

        {{Declarations}}
        """;

    private static Task VerifyAsync(string body, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = Verifier.CreateTest(Wrap(body), editorConfig);
        test.References = TestReferences.StorageAndLogging;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    // Adobe Sign token store: files
    [InlineData("{|CK2001:File.WriteAllText(path, refreshToken)|};")]
    [InlineData("await {|CK2001:File.WriteAllTextAsync(_path, tokens.RefreshToken)|};")]
    [InlineData("{|CK2001:File.WriteAllText(_path, JsonSerializer.Serialize(tokens))|};")]
    [InlineData("var json = JsonSerializer.Serialize(tokens); await {|CK2001:File.WriteAllTextAsync(_path, json, token)|};")]
    [InlineData("{|CK2001:File.AppendAllText(path, $\"{userId}={accessToken}\\n\")|};")]
    [InlineData("{|CK2001:File.AppendAllText(path, userId + \":\" + refreshToken)|};")]
    [InlineData("{|CK2001:File.WriteAllBytes(path, Encoding.UTF8.GetBytes(refreshToken))|};")]
    [InlineData("{|CK2001:File.WriteAllLines(path, new[] { tokens.AccessToken, tokens.RefreshToken })|};")]
    [InlineData("var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey)); {|CK2001:File.WriteAllText(path, encoded)|};")]
    [InlineData("using var writer = new StreamWriter(path); {|CK2001:writer.WriteLine(refreshToken)|};")]
    [InlineData("using var writer = File.AppendText(path); await {|CK2001:writer.WriteLineAsync(tokens.AccessToken)|};")]
    [InlineData("using var stream = File.Create(_path); await {|CK2001:JsonSerializer.SerializeAsync(stream, tokens)|};")]
    [InlineData("using var fs = new FileStream(path, FileMode.Create); {|CK2001:fs.Write(Encoding.UTF8.GetBytes(clientSecret))|};")]
    [InlineData("using var bw = new BinaryWriter(File.OpenWrite(path)); {|CK2001:bw.Write(apiKey)|};")]
    [InlineData("{|CK2001:File.WriteAllText(path, JsonConvert.SerializeObject(new { refresh_token = refreshToken, user = userId }))|};")]
    [InlineData("using var w = File.CreateText(path); {|CK2001:new XmlSerializer(typeof(StoredTokens)).Serialize(w, stored)|};")]
    [InlineData("var iso = IsolatedStorageFile.GetUserStoreForAssembly(); using var s = iso.CreateFile(\"tokens.txt\"); using var w = new StreamWriter(s); {|CK2001:w.Write(refreshToken)|};")]
    [InlineData("var copy = new StoredTokens(); copy.RefreshToken = tokens.RefreshToken; {|CK2001:File.WriteAllText(path, JsonConvert.SerializeObject(copy))|};")]
    [InlineData("{|CK2001:File.WriteAllText(path, await GetAccessTokenAsync())|};")]
    [InlineData("var form = new System.Collections.Generic.Dictionary<string, string> { [\"refresh_token\"] = refreshToken }; {|CK2001:File.WriteAllText(path, JsonSerializer.Serialize(form))|};")]
    [InlineData("var form = new System.Collections.Generic.Dictionary<string, string> { { \"client_secret\", clientSecret } }; {|CK2001:File.WriteAllText(path, JsonConvert.SerializeObject(form))|};")]
    [InlineData("var raw = refreshToken.Trim(); {|CK2001:File.WriteAllText(path, raw)|};")]
    // Venafi API key from configuration or the environment
    [InlineData("{|CK2001:File.WriteAllText(path, _configuration[\"Venafi:ApiKey\"]!)|};")]
    [InlineData("{|CK2001:File.WriteAllText(path, Environment.GetEnvironmentVariable(\"VENAFI_API_KEY\")!)|};")]
    // Registry
    [InlineData("{|CK2001:key.SetValue(\"RefreshToken\", refreshToken)|};")]
    [InlineData("{|CK2001:Registry.SetValue(@\"HKEY_CURRENT_USER\\Software\\Acme\\Venafi\", \"ApiKey\", apiKey)|};")]
    [InlineData("{|CK2001:key.SetValue(\"tppl-api-key\", value)|};")]
    // Cookies, session, distributed cache (commercetools client-credentials token)
    [InlineData("{|CK2001:response.Cookies.Append(\"adobe_sign\", accessToken)|};")]
    [InlineData("{|CK2001:session.SetString(\"access_token\", tokens.AccessToken)|};")]
    [InlineData("{|CK2001:session.Set(\"tokens\", JsonSerializer.SerializeToUtf8Bytes(tokens))|};")]
    [InlineData("{|CK2001:session.SetString(\"refresh_token\", value)|};")]
    [InlineData("await {|CK2001:_cache.SetStringAsync(\"commercetools:token\", ctToken.access_token, cacheOptions, token)|};")]
    [InlineData("{|CK2001:_cache.Set(\"commercetools:token\", Encoding.UTF8.GetBytes(ctToken.access_token), cacheOptions)|};")]
    [InlineData("await {|CK2001:_cache.SetStringAsync(\"commercetools:token\", JsonConvert.SerializeObject(ctToken))|};")]
    // Application settings and MAUI preferences
    [InlineData("{|CK2001:Settings.Default.RefreshToken = tokens.RefreshToken|}; Settings.Default.Save();")]
    [InlineData("{|CK2001:Settings.Default.RefreshToken = value|}; Settings.Default.Save();")]
    [InlineData("{|CK2001:Preferences.Set(\"adobe_refresh_token\", tokens.RefreshToken)|};")]
    // ADO.NET and EF Core
    [InlineData("var p = command.CreateParameter(); p.ParameterName = \"@refresh_token\"; {|CK2001:p.Value = refreshToken|};")]
    [InlineData("{|CK2001:parameters.AddWithValue(\"$refresh_token\", value)|};")]
    [InlineData("{|CK2001:parameters.AddWithValue(\"$p1\", tokens.RefreshToken)|};")]
    [InlineData("parameters.Add({|CK2001:new Microsoft.Data.SqlClient.SqlParameter(\"$api_key\", apiKey)|});")]
    [InlineData("parameters.Add({|CK2001:new(\"$refresh_token\", tokens.RefreshToken)|});")]
    [InlineData("{|CK2001:entity.RefreshToken = tokens.RefreshToken|}; await db.SaveChangesAsync();")]
    [InlineData("db.Connections.Add(new AdobeSignConnection { AccountId = userId, {|CK2001:RefreshToken = refreshToken|} });")]
    public Task Flagged(string body) => VerifyAsync(body);

    [Theory]
    // Protected before storage
    [InlineData("File.WriteAllText(path, _protector.Protect(refreshToken));")]
    [InlineData("var protectedToken = _protector.Protect(tokens.RefreshToken); File.WriteAllText(path, protectedToken);")]
    [InlineData("var refresh = _protector.Protect(tokens.RefreshToken); File.WriteAllText(path, refresh);")]
    [InlineData("File.WriteAllBytes(path, ProtectedData.Protect(Encoding.UTF8.GetBytes(refreshToken), null, DataProtectionScope.CurrentUser));")]
    [InlineData("""
        var plaintext = Encoding.UTF8.GetBytes(refreshToken);
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(keyBytes, 16);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        File.WriteAllBytes(path, ciphertext);
        """)]
    [InlineData("using var aes = Aes.Create(); File.WriteAllBytes(path, aes.EncryptCbc(Encoding.UTF8.GetBytes(apiKey), aes.IV));")]
    [InlineData("var copy = new StoredTokens { AccountId = userId, AccessToken = _protector.Protect(tokens.AccessToken), RefreshToken = _protector.Protect(tokens.RefreshToken) }; File.WriteAllText(path, JsonSerializer.Serialize(copy));")]
    [InlineData("var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))); File.WriteAllText(path, hash);")]
    [InlineData("File.WriteAllText(path, encryptedRefreshToken);")]
    [InlineData("session.SetString(\"refresh_token\", TokenVault.Encrypt(refreshToken));")]
    [InlineData("await SecureStorage.SetAsync(\"adobe_refresh_token\", tokens.RefreshToken);")]
    [InlineData("response.Cookies.Append(\"adobe_sign\", _protector.Protect(accessToken));")]
    [InlineData("key.SetValue(\"RefreshToken\", _protector.Protect(refreshToken));")]
    [InlineData("Settings.Default.RefreshToken = _protector.Protect(tokens.RefreshToken); Settings.Default.Save();")]
    [InlineData("entity.RefreshToken = _protector.Protect(tokens.RefreshToken); await db.SaveChangesAsync();")]
    [InlineData("parameters.AddWithValue(\"$refresh_token\", _protector.Protect(refreshToken));")]
    // Not a token
    [InlineData("File.WriteAllText(path, userId);")]
    [InlineData("File.WriteAllText(path, tokens.ExpiresIn.ToString());")]
    [InlineData("File.WriteAllText(path, tokens.ApiAccessPoint);")]
    [InlineData("File.WriteAllText(path, accessToken.Length.ToString());")]
    [InlineData("File.WriteAllText(path, string.IsNullOrEmpty(accessToken) ? \"missing\" : \"present\");")]
    [InlineData("File.WriteAllText(path, JsonSerializer.Serialize(new { userId, expires = tokens.ExpiresIn }));")]
    [InlineData("var form = new System.Collections.Generic.Dictionary<string, string> { [\"user\"] = userId }; File.WriteAllText(path, JsonSerializer.Serialize(form));")]
    [InlineData("await File.WriteAllTextAsync(path, userId, token);")]
    [InlineData("session.SetString(\"user_id\", userId);")]
    [InlineData("_cache.SetString(\"commercetools:token-expiry\", DateTimeOffset.UtcNow.AddSeconds(ctToken.expires_in).ToString(\"O\"));")]
    [InlineData("response.Cookies.Append(\"culture\", \"en-US\");")]
    [InlineData("key.SetValue(\"LastSync\", DateTime.UtcNow.ToString(\"O\"));")]
    [InlineData("Settings.Default.Theme = value; Settings.Default.Save();")]
    [InlineData("Preferences.Set(\"onboarding_done\", true);")]
    [InlineData("parameters.AddWithValue(\"$user_id\", userId);")]
    [InlineData("session.SetString(\"access_token\", \"\");")]
    // Not a persistent store
    [InlineData("_memory.Set(\"commercetools:token\", ctToken.access_token);")]
    [InlineData("using var ms = new MemoryStream(); using var w = new StreamWriter(ms); w.Write(accessToken);")]
    [InlineData("await response.WriteAsync(JsonSerializer.Serialize(tokens));")]
    [InlineData("entity.RefreshToken = tokens.RefreshToken;")]
    // Safe token caches
    [InlineData("var props = new Microsoft.Identity.Client.Extensions.Msal.StorageCreationPropertiesBuilder(\"msal.cache\", path).Build();")]
    [InlineData("var options = new Azure.Identity.TokenCachePersistenceOptions { Name = \"venafi\", UnsafeAllowUnencryptedStorage = false };")]
    public Task NotFlagged(string body) => VerifyAsync(body);

    [Fact]
    public Task Msal_unprotected_file_is_flagged() => VerifyAsync(
        "var props = {|CK2001:new Microsoft.Identity.Client.Extensions.Msal.StorageCreationPropertiesBuilder(\"msal.cache\", path).WithUnprotectedFile()|}.Build();");

    [Fact]
    public Task Azure_identity_unencrypted_cache_is_flagged() => VerifyAsync(
        "var options = new Azure.Identity.TokenCachePersistenceOptions { Name = \"venafi\", {|CK2001:UnsafeAllowUnencryptedStorage = true|} };");

    [Fact]
    public Task Message_names_the_token_and_the_store() => VerifyAsync(
        "File.WriteAllText(path, refreshToken);",
        null,
        new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithSpan(45, 9, 45, 46).WithArguments("'refreshToken'", "a file"));

    [Theory]
    [InlineData("var source = JsonSerializer.Deserialize<Media.Model.Dto.MediaSourceInfo>(value)!; File.WriteAllText(path, JsonSerializer.Serialize(source));")]
    [InlineData("var sources = JsonSerializer.Deserialize<System.Collections.Generic.List<Media.Model.Dto.MediaSourceInfo>>(value)!; using var stream = File.Create(_path); await JsonSerializer.SerializeAsync(stream, sources);")]
    [InlineData("var source = new Media.Model.Dto.MediaSourceInfo { Path = path, OpenToken = string.Join(\"_\", userId, value) }; File.WriteAllText(path, JsonSerializer.Serialize(source));")]
    [InlineData("var license = JsonSerializer.Deserialize<Billing.Models.OrganizationLicense>(value)!; using var stream = new FileStream(path, FileMode.Create); await JsonSerializer.SerializeAsync(stream, license);")]
    public Task Object_whose_only_token_named_member_is_an_identifier_is_not_flagged(string body) => VerifyAsync(body);

    [Fact]
    public Task Whole_object_write_names_the_member_that_makes_it_a_credential() => VerifyAsync(
        """
        var ticket = JsonSerializer.Deserialize<Partner.Auth.Ticket>(value)!; {|#0:File.WriteAllText(path, JsonSerializer.Serialize(ticket))|};
        var user = JsonSerializer.Deserialize<SignedInUser>(value)!; using var stream = File.Create(_path); await {|#1:JsonSerializer.SerializeAsync(stream, user)|};
        var source = new Media.Model.Dto.MediaSourceInfo { Path = path, OpenToken = accessToken }; {|#2:File.WriteAllText(path, JsonSerializer.Serialize(source))|};
        """,
        null,
        new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithLocation(0).WithArguments("'ticket' (its member 'Token')", "a file"),
        new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithLocation(1).WithArguments("'user' (its member 'Tokens.AccessToken')", "a file"),
        new DiagnosticResult(Descriptors.PlaintextTokenStorage).WithLocation(2).WithArguments("'source' (its member 'OpenToken')", "a file"));

    [Fact]
    public Task Token_given_to_the_projects_own_persistence_method_is_flagged_at_the_call() => VerifyAsync(
        """
        var repository = new AuditRepository();
        {|#0:repository.AddLog("RefreshToken", $"refreshToken={refreshToken}")|};
        {|#1:repository.AppendLine(path, accessToken)|};
        """,
        null,
        new DiagnosticResult(Descriptors.PlaintextTokenStorageFlow).WithLocation(0).WithArguments("'refreshToken'", "a database column (entity 'AuditEntity') (through the 'request' parameter of AuditRepository.AddLog)"),
        new DiagnosticResult(Descriptors.PlaintextTokenStorageFlow).WithLocation(1).WithArguments("'accessToken'", "a file (through the 'line' parameter of AuditRepository.AppendLine)"));

    [Theory]
    [InlineData("var repository = new AuditRepository(); repository.AddLog(\"PostDocument\", $\"fileName={path}\");")]
    [InlineData("var repository = new AuditRepository(); repository.AddProtectedLog(\"RefreshToken\", refreshToken);")]
    [InlineData("var repository = new AuditRepository(); repository.Remember(refreshToken);")]
    [InlineData("var repository = new AuditRepository(); repository.AddLog(\"RefreshToken\", _protector.Protect(refreshToken));")]
    public Task Other_values_or_protected_tokens_given_to_the_projects_own_persistence_method_are_not_flagged(string body) => VerifyAsync(body);

    [Theory]
    [InlineData("session.SetString(\"refresh_token\", TokenVault.Shield(refreshToken));")]
    [InlineData("session.SetString(\"refresh_token\", _vault.Lock(refreshToken));")]
    [InlineData("File.WriteAllText(path, _vault.Lock(accessToken));")]
    public Task The_projects_own_wrapper_around_hashing_or_encryption_clears_the_token(string body) => VerifyAsync(body);

    [Fact]
    public async Task User_protectors_from_editorconfig_clear_the_token()
    {
        // A value stored under a token's name is flagged unless it came out of a protector; Seal is one only when configured.
        const string body = "session.SetString(\"refresh_token\", _vault.Seal(refreshToken));";
        await VerifyAsync("{|CK2001:session.SetString(\"refresh_token\", _vault.Seal(refreshToken))|};");
        await VerifyAsync(body, "certkit.token_protectors = TokenVault.Seal");
        await VerifyAsync(body, "certkit.token_protectors = Seal");
        await VerifyAsync("var refresh = _vault.Seal(tokens.RefreshToken); var refreshToken2 = refresh; Preferences.Set(\"refresh_token\", refreshToken2);", "certkit.token_protectors = Vaults.TokenVault.Seal, TokenVault.Seal");
        await VerifyAsync("{|CK2001:session.SetString(\"refresh_token\", _vault.Seal(refreshToken))|};", "certkit.token_protectors = OtherVault.Seal");
    }

    [Fact]
    public async Task Credential_keywords_from_editorconfig_extend_the_names()
    {
        await VerifyAsync("var tppl = value; File.WriteAllText(path, tppl);");
        await VerifyAsync("var tppl = value; {|CK2001:File.WriteAllText(path, tppl)|};", "certkit.credential_keywords = tppl");
    }

    [Fact]
    public async Task Adobe_sign_oauth_token_store_writing_refresh_tokens_to_json()
    {
        var source = $$"""
            using System.IO;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json;
            using System.Threading.Tasks;

            public sealed class AdobeSignTokenStore
            {
                private readonly HttpClient _http = new HttpClient();
                private readonly string _file;

                public AdobeSignTokenStore(string file) => _file = file;

                public async Task<AdobeSignTokens> RefreshAsync(string clientId, string clientSecret, string refreshToken)
                {
                    using var form = new FormUrlEncodedContent(new System.Collections.Generic.Dictionary<string, string>
                    {
                        ["grant_type"] = "refresh_token",
                        ["client_id"] = clientId,
                        ["client_secret"] = clientSecret,
                        ["refresh_token"] = refreshToken,
                    });
                    using var reply = await _http.PostAsync("oauth/v2/refresh", form);
                    var tokens = (await reply.Content.ReadFromJsonAsync<AdobeSignTokens>())!;
                    await using var stream = File.Create(_file);
                    await {|CK2001:JsonSerializer.SerializeAsync(stream, tokens)|};
                    return tokens;
                }
            }

            {{Declarations}}
            """;
        var test = Verifier.CreateTest(source, null);
        test.References = TestReferences.StorageAndLogging;
        await test.RunAsync();
    }

    [Fact]
    public async Task Commercetools_client_credentials_token_cached_in_distributed_cache()
    {
        var source = $$"""
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.Extensions.Caching.Distributed;

            public sealed class CommercetoolsTokenCache
            {
                private readonly IDistributedCache _cache;
                private readonly IDataProtector _protector;
                private readonly HttpClient _auth;

                public CommercetoolsTokenCache(IDistributedCache cache, IDataProtectionProvider provider, HttpClient auth)
                {
                    _cache = cache;
                    _protector = provider.CreateProtector("commercetools");
                    _auth = auth;
                }

                public async Task<string> GetPlainAsync(string projectKey)
                {
                    var cached = await _cache.GetStringAsync("ct:" + projectKey);
                    if (cached is not null)
                    {
                        return cached;
                    }

                    var response = await _auth.PostAsync("oauth/token?grant_type=client_credentials", null);
                    var token = (await response.Content.ReadFromJsonAsync<CommercetoolsToken>())!;
                    var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(token.expires_in - 60) };
                    await {|CK2001:_cache.SetStringAsync("ct:" + projectKey, token.access_token, options)|};
                    return token.access_token;
                }

                public async Task<string> GetProtectedAsync(string projectKey)
                {
                    var response = await _auth.PostAsync("oauth/token?grant_type=client_credentials", null);
                    var token = (await response.Content.ReadFromJsonAsync<CommercetoolsToken>())!;
                    await _cache.SetStringAsync("ct:" + projectKey, _protector.Protect(token.access_token));
                    return token.access_token;
                }
            }

            {{Declarations}}
            """;
        var test = Verifier.CreateTest(source, null);
        test.References = TestReferences.StorageAndLogging;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("File.WriteAllText(path, )")]
    [InlineData("File.WriteAllText(")]
    [InlineData("key.SetValue(\"RefreshToken\", ")]
    [InlineData("Settings.Default.RefreshToken = ")]
    [InlineData("var x = ; File.WriteAllText(path, x);")]
    [InlineData("using var w = new StreamWriter(); w.Write(refreshToken")]
    [InlineData("entity. = refreshToken; db.SaveChanges(")]
    [InlineData("JsonSerializer.SerializeAsync(, tokens);")]
    [InlineData("_cache.SetString(\"k\", Undefined.Token);")]
    [InlineData("var t = t; File.WriteAllText(path, t);")]
    public Task Broken_code_does_not_throw(string body)
    {
        var test = Verifier.CreateTest(Wrap(body), null);
        test.References = TestReferences.StorageAndLogging;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        // Half-typed code: compiler errors are expected, an analyzer exception (AD0001) is not, and nothing here is a finished sink.
        return test.RunAsync();
    }

    // An EF6 (.NET Framework) integration: the OAuth token set saved through its DbContext (the types as EF6 declares them).
    private static string Ef6(string body) => $$"""
        namespace System.Data.Entity
        {
            public class DbContext { public virtual int SaveChanges() => 0; }
            public class DbSet<TEntity> where TEntity : class { public virtual TEntity Add(TEntity entity) => entity; }
        }

        namespace Partner.Sync
        {
            public class OAuthTokenSet
            {
                public int Id { get; set; }
                public string accessToken { get; set; } = "";
                public string refreshToken { get; set; } = "";
                public string userName { get; set; } = "";
            }

            public class SyncContext : System.Data.Entity.DbContext
            {
                public System.Data.Entity.DbSet<OAuthTokenSet> OAuthTokenSets { get; set; } = new();
            }

            public class TokenStore
            {
                private readonly SyncContext db = new();

                public void Save(OAuthTokenSet set, string accessToken, string refreshToken, string userName, System.Func<string, string> protect)
                {
        {{body}}
                }
            }
        }
        """;

    [Theory]
    [InlineData("{|CK2001:set.accessToken = accessToken|}; db.SaveChanges();")]
    [InlineData("{|CK2001:set.refreshToken = refreshToken|}; db.OAuthTokenSets.Add(set);")]
    public Task Ef6_entity_token_saved_through_its_context_is_flagged(string body)
    {
        var test = Verifier.CreateTest(Ef6(body), null);
        test.References = TestReferences.Net80;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("set.accessToken = protect(accessToken); db.SaveChanges();")]
    [InlineData("set.userName = userName; db.SaveChanges();")]
    [InlineData("set.accessToken = accessToken;")]
    public Task Ef6_entity_protected_not_a_token_or_not_saved_is_not_flagged(string body)
    {
        var test = Verifier.CreateTest(Ef6(body), null);
        test.References = TestReferences.Net80;
        return test.RunAsync();
    }

    // An MVC controller handing values to its Razor view through ViewBag.
    private static string Mvc(string body) => $$"""
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Mvc;

        namespace Partner.Portal;

        public class AccountController : Controller
        {
            private readonly IDataProtector _protector;

            public AccountController(IDataProtector protector) => _protector = protector;

            public IActionResult Connected(string accessToken, string userName)
            {
        {{body}}
                return View();
            }
        }
        """;

    [Fact]
    public Task Token_rendered_through_ViewBag_is_flagged()
    {
        var test = Verifier.CreateTest(Mvc("""{|CK2001:ViewBag.AccessToken = accessToken|};"""), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("ViewBag.UserName = userName;")]
    [InlineData("ViewBag.Connected = accessToken.Length > 0;")]
    [InlineData("ViewBag.Ticket = _protector.Protect(accessToken);")]
    public Task Other_values_in_ViewBag_are_not_flagged(string body)
    {
        var test = Verifier.CreateTest(Mvc(body), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("ViewData[\"AccessToken\"] = accessToken;", "{|CK2001:ViewData[\"AccessToken\"] = accessToken|};")]
    [InlineData("TempData[\"Token\"] = accessToken;", "{|CK2001:TempData[\"Token\"] = accessToken|};")]
    public Task Token_rendered_through_ViewData_or_kept_in_TempData_is_flagged(string _, string body)
    {
        var test = Verifier.CreateTest(Mvc(body), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("ViewData[\"UserName\"] = userName;")]
    [InlineData("ViewData[\"Ticket\"] = _protector.Protect(accessToken);")]
    [InlineData("TempData[\"Connected\"] = accessToken.Length > 0;")]
    public Task Other_values_in_ViewData_and_TempData_are_not_flagged(string body)
    {
        var test = Verifier.CreateTest(Mvc(body), null);
        test.References = TestReferences.StorageAndLogging;
        return test.RunAsync();
    }

    [Fact]
    public Task Token_rendered_by_a_razor_view_is_flagged()
    {
        var test = Verifier.CreateTest(Mvc("ViewBag.UserName = userName;"), null);
        test.References = TestReferences.StorageAndLogging;
        test.TestState.AdditionalFiles.Add(("/Views/Account/Connected.cshtml", """
            @model Partner.Portal.ConnectedModel
            <h1>Connected as @Model.UserName</h1>
            <script>
                const token = '@{|CK2001:Model.AccessToken|}';
                const key = '@{|CK2001:ViewData["ApiKey"]|}';
            </script>
            @Html.AntiForgeryToken()
            @* @Model.RefreshToken *@
            <p>Expires @Model.AccessTokenExpiresAt</p>
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task A_razor_view_among_the_tests_is_not_analysed()
    {
        var test = Verifier.CreateTest(Mvc("ViewBag.UserName = userName;"), null);
        test.References = TestReferences.StorageAndLogging;
        test.TestState.AdditionalFiles.Add(("/tests/Portal.Tests/Views/Connected.cshtml", "<script>const token = '@Model.AccessToken';</script>"));
        return test.RunAsync();
    }
}
