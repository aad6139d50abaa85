using CertKit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verifier = CertKit.Analyzers.Tests.Verifiers.AnalyzerVerifier<CertKit.Analyzers.Rules.CK3002SensitiveDataInLogsAnalyzer>;

namespace CertKit.Analyzers.Tests.Rules;

/// <summary>
/// CK3002 over a Venafi TLS Protect Cloud client (tppl-api-key), a commercetools client-credentials client and an
/// Adobe Sign OAuth client, logging through Microsoft.Extensions.Logging, Serilog, NLog, log4net, Console, Debug and Trace.
/// </summary>
public class CK3002SensitiveDataInLogsTests
{
    private const string Declarations = """
        public sealed record AdobeSignTokens(string AccessToken, string RefreshToken, int ExpiresIn);

        public sealed class CommercetoolsToken
        {
            public string access_token { get; set; } = "";
            public int expires_in { get; set; }
            public string scope { get; set; } = "";
        }

        namespace Media.Model.Dto
        {
            // jellyfin's MediaSourceInfo: its OpenToken is an identifier joined from stream ids, not a credential.
            public sealed class MediaSourceInfo
            {
                public string Path { get; set; } = "";
                public string OpenToken { get; set; } = "";
            }
        }

        public sealed class VenafiOptions
        {
            public string BaseUrl { get; set; } = "";
            public string ApiKey { get; set; } = "";
            public string ConnectionString { get; set; } = "";
        }

        public sealed partial class AdobeSignAudit
        {
            private readonly Microsoft.Extensions.Logging.ILogger _logger;

            public AdobeSignAudit(Microsoft.Extensions.Logging.ILogger logger) => _logger = logger;

            [Microsoft.Extensions.Logging.LoggerMessage(EventId = 5, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Refreshed {RefreshToken}")]
            public partial void LogRefreshed(string refreshToken);

            [Microsoft.Extensions.Logging.LoggerMessage(EventId = 6, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Agreement {AgreementId} sent")]
            public partial void AgreementSent(string agreementId);

            public partial void LogRefreshed(string refreshToken) { }
            public partial void AgreementSent(string agreementId) { }
        }

        public static partial class VenafiLog
        {
            [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1, Level = Microsoft.Extensions.Logging.LogLevel.Debug, Message = "Calling Venafi with key {ApiKey}")]
            public static partial void UsingApiKey(Microsoft.Extensions.Logging.ILogger logger, string apiKey);

            [Microsoft.Extensions.Logging.LoggerMessage(EventId = 2, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Issued certificate {RequestId}")]
            public static partial void Issued(Microsoft.Extensions.Logging.ILogger logger, string requestId);

            // What the LoggerMessage source generator writes; the tests do not run the generator.
            public static partial void UsingApiKey(Microsoft.Extensions.Logging.ILogger logger, string apiKey) { }
            public static partial void Issued(Microsoft.Extensions.Logging.ILogger logger, string requestId) { }
        }
        """;

    private static string Wrap(string body) => $$"""
        #nullable enable
        using System;
        using System.Diagnostics;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.Data.SqlClient;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        public sealed class VenafiClient
        {
            private static readonly Action<ILogger, string, Exception?> LogToken =
                LoggerMessage.Define<string>(LogLevel.Debug, new EventId(3, "Token"), "Using token {Token}");
            private static readonly Action<ILogger, string, Exception?> TokenInUse =
                LoggerMessage.Define<string>(LogLevel.Debug, new EventId(7, "TokenInUse"), "Token in use {Token}");
            private static readonly Action<ILogger, int, Exception?> LogExpiry =
                LoggerMessage.Define<int>(LogLevel.Debug, new EventId(4, "Expiry"), "Token expires in {Seconds}s");

            private readonly ILogger<VenafiClient> _logger;
            private readonly Serilog.ILogger _serilog;
            private readonly NLog.Logger _nlog = NLog.LogManager.GetCurrentClassLogger();
            private readonly log4net.ILog _log4net = log4net.LogManager.GetLogger(typeof(VenafiClient));
            private readonly IConfiguration _configuration;
            private readonly string _apiKey;

            public VenafiClient(ILogger<VenafiClient> logger, Serilog.ILogger serilog, IConfiguration configuration)
            {
                _logger = logger;
                _serilog = serilog;
                _configuration = configuration;
                _apiKey = configuration["Venafi:ApiKey"] ?? "";
            }

            public async Task RunAsync(
                string apiKey, string accessToken, string refreshToken, string clientSecret, string connectionString, string requestId,
                string zoneId, AdobeSignTokens tokens, CommercetoolsToken ctToken, VenafiOptions options, HttpRequestMessage request,
                SqlConnection connection, string encryptedApiKey, Exception error)
            {
                {{body}}
                await Task.CompletedTask;
            }

            private Task<string> GetAccessTokenAsync() => Task.FromResult("");
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqliteConnectionStringBuilder
            {
                public string DataSource { get; set; } = "";
                public bool Pooling { get; set; }
                public string Password { get; set; } = "";
                public override string ToString() => DataSource;
            }

            public sealed class SqlConnection
            {
                public string ConnectionString { get; set; } = "";
                public string Database { get; } = "";
            }
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
    // Microsoft.Extensions.Logging: structured placeholders, interpolation, concatenation
    [InlineData("_logger.LogDebug(\"Using token {Token}\", {|CK3002:accessToken|});")]
    [InlineData("_logger.LogInformation(\"Calling Venafi with key {ApiKey} for zone {Zone}\", {|CK3002:apiKey|}, zoneId);")]
    [InlineData("_logger.LogDebug({|CK3002:$\"Venafi key: {_apiKey}\"|});")]
    [InlineData("_logger.LogWarning({|CK3002:\"Refresh failed for \" + refreshToken|});")]
    [InlineData("_logger.LogError(error, \"commercetools auth failed, secret {Secret}\", {|CK3002:clientSecret|});")]
    [InlineData("_logger.LogTrace(\"Token {Token}\", {|CK3002:ctToken.access_token|});")]
    [InlineData("_logger.LogDebug(\"Options {Key}\", {|CK3002:options.ApiKey|});")]
    [InlineData("_logger.LogDebug(\"Tokens {Tokens}\", {|CK3002:tokens|});")]
    [InlineData("_logger.Log(LogLevel.Debug, \"Header {Value}\", {|CK3002:_configuration[\"Venafi:ApiKey\"]|});")]
    [InlineData("using var scope = _logger.BeginScope(\"Key {ApiKey}\", {|CK3002:apiKey|});")]
    [InlineData("var header = \"tppl-api-key: \" + apiKey; _logger.LogDebug({|CK3002:header|});")]
    [InlineData("_logger.LogDebug(\"Bearer {Token}\", {|CK3002:await GetAccessTokenAsync()|});")]
    [InlineData("_logger.LogDebug(\"Body {Body}\", {|CK3002:JsonSerializer.Serialize(tokens)|});")]
    [InlineData("_logger.LogDebug(\"Env key {Key}\", {|CK3002:Environment.GetEnvironmentVariable(\"VENAFI_API_KEY\")|});")]
    // Connection strings
    [InlineData("_logger.LogInformation(\"Connecting to {Db}\", {|CK3002:connectionString|});")]
    [InlineData("_logger.LogInformation(\"Connecting to {Db}\", {|CK3002:connection.ConnectionString|});")]
    [InlineData("_logger.LogInformation(\"Connecting to {Db}\", {|CK3002:_configuration.GetConnectionString(\"Default\")|});")]
    // LoggerMessage delegates and [LoggerMessage] methods
    [InlineData("LogToken(_logger, {|CK3002:accessToken|}, null);")]
    [InlineData("VenafiLog.UsingApiKey(_logger, {|CK3002:apiKey|});")]
    // LoggerMessage delegates and methods are recognised by symbol, whatever their name and the logger's name
    [InlineData("ILogger sink = _logger; TokenInUse(sink, {|CK3002:accessToken|}, null);")]
    [InlineData("ILogger sink = _logger; VenafiLog.UsingApiKey(sink, {|CK3002:apiKey|});")]
    [InlineData("new AdobeSignAudit(_logger).LogRefreshed({|CK3002:tokens.RefreshToken|});")]
    // Serilog, NLog, log4net
    [InlineData("_serilog.Information(\"Using token {Token}\", {|CK3002:accessToken|});")]
    [InlineData("Serilog.Log.Debug(\"Venafi key {ApiKey}\", {|CK3002:apiKey|});")]
    [InlineData("_serilog.Debug(\"Token response {@Token}\", {|CK3002:ctToken|});")]
    [InlineData("_nlog.Info(\"Refresh token {Token}\", {|CK3002:refreshToken|});")]
    [InlineData("_nlog.Debug({|CK3002:$\"client_secret={clientSecret}\"|});")]
    [InlineData("_log4net.Info({|CK3002:\"Venafi key \" + apiKey|});")]
    [InlineData("_log4net.DebugFormat(\"Token {0}\", {|CK3002:accessToken|});")]
    // Console, Debug, Trace
    [InlineData("Console.WriteLine({|CK3002:$\"Access token: {accessToken}\"|});")]
    [InlineData("Console.Error.WriteLine({|CK3002:refreshToken|});")]
    [InlineData("var gatewayAuth = requestId; Console.WriteLine(\"Gateway auth: {0}\", {|CK3002:gatewayAuth|});")]
    [InlineData("Debug.WriteLine({|CK3002:apiKey|});")]
    [InlineData("Trace.TraceInformation(\"key={0}\", {|CK3002:apiKey|});")]
    // Exception messages
    [InlineData("throw new InvalidOperationException({|CK3002:$\"Venafi rejected key {apiKey}\"|});")]
    [InlineData("throw new HttpRequestException({|CK3002:\"Token refresh failed for \" + refreshToken|});")]
    [InlineData("var message = string.Format(\"secret {0}\", clientSecret); throw new ArgumentException({|CK3002:message|}, nameof(clientSecret));")]
    public Task Flagged(string body) => VerifyAsync(body);

    [Theory]
    // A token's length or a boolean about it
    [InlineData("_logger.LogDebug(\"Token length {Length}\", accessToken.Length);")]
    [InlineData("_logger.LogDebug(\"Has refresh token: {HasToken}\", !string.IsNullOrEmpty(refreshToken));")]
    [InlineData("_logger.LogDebug(\"Token expires in {Seconds}s\", ctToken.expires_in);")]
    [InlineData("_logger.LogDebug(\"Token expires in {Seconds}s\", tokens.ExpiresIn);")]
    [InlineData("LogExpiry(_logger, tokens.ExpiresIn, null);")]
    [InlineData("_logger.LogDebug(\"Scope {Scope}\", ctToken.scope);")]
    [InlineData("_logger.LogDebug(\"Key configured: {Configured}\", apiKey is { Length: > 0 });")]
    // Not a secret
    [InlineData("_logger.LogInformation(\"Issued certificate {RequestId} in zone {Zone}\", requestId, zoneId);")]
    [InlineData("_logger.LogInformation(\"Calling {Url}\", options.BaseUrl);")]
    [InlineData("_logger.LogInformation(\"Database {Db}\", connection.Database);")]
    [InlineData("_logger.LogInformation(\"Sending {Method} {Uri}\", request.Method, request.RequestUri);")]
    [InlineData("_logger.LogDebug(\"Header {Header}\", \"tppl-api-key\");")]
    [InlineData("VenafiLog.Issued(_logger, requestId);")]
    [InlineData("new AdobeSignAudit(_logger).AgreementSent(requestId);")]
    [InlineData("_serilog.Information(\"Certificate {RequestId} issued\", requestId);")]
    [InlineData("_nlog.Info(\"Zone {Zone}\", zoneId);")]
    [InlineData("_log4net.Info(\"Venafi call finished\");")]
    [InlineData("Console.WriteLine($\"Issued {requestId}\");")]
    [InlineData("Debug.WriteLine(\"refresh done\");")]
    [InlineData("Trace.TraceWarning(\"Token refresh took {0} ms\", 1200);")]
    [InlineData("throw new InvalidOperationException($\"Venafi rejected request {requestId}\");")]
    [InlineData("throw new ArgumentException(\"The API key is missing\", nameof(apiKey));")]
    [InlineData("_logger.LogError(error, \"Token refresh failed for zone {Zone}\", zoneId);")]
    // Protected or masked
    [InlineData("_logger.LogDebug(\"Stored {Value}\", encryptedApiKey);")]
    [InlineData("_logger.LogDebug(\"Key hash {Hash}\", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey))));")]
    [InlineData("_logger.LogDebug(\"Key prefix {Prefix}\", apiKey.Substring(0, 4) + \"****\");")]
    // A payment authorization's reply, by the abbreviation of "response" after the credential word
    [InlineData("var cancelAuthResXml = \"<cancelAuthRes>\" + requestId + \"</cancelAuthRes>\"; Console.WriteLine(\"Gateway reply: {0}\", cancelAuthResXml);")]
    [InlineData("var authResp = requestId; _logger.LogInformation(\"Pre-auth reply {Reply}\", authResp);")]
    // A class holding tokens prints its type name, not its tokens
    [InlineData("_logger.LogDebug(\"Token response {Token}\", ctToken);")]
    // Not a log sink
    [InlineData("request.Headers.Add(\"tppl-api-key\", apiKey);")]
    [InlineData("var text = $\"Bearer {accessToken}\"; request.Headers.TryAddWithoutValidation(\"Authorization\", text);")]
    public Task NotFlagged(string body) => VerifyAsync(body);

    [Fact]
    public Task Destructured_object_whose_only_token_named_member_is_an_identifier_is_not_flagged() => VerifyAsync(
        "var source = System.Text.Json.JsonSerializer.Deserialize<Media.Model.Dto.MediaSourceInfo>(requestId)!; _serilog.Information(\"Live stream opened: {@MediaSource}\", source);");

    [Fact]
    public Task Destructured_token_record_names_the_member() => VerifyAsync(
        "_serilog.Debug(\"Token response {@Token}\", {|#0:ctToken|});",
        null,
        new DiagnosticResult(Descriptors.SensitiveDataInLogs).WithLocation(0).WithArguments("'ctToken' (its member 'access_token')", "Serilog Debug"));

    [Fact]
    public Task Connection_string_built_here_without_a_password_is_not_flagged() => VerifyAsync(
        "var builder = new SqliteConnectionStringBuilder { DataSource = zoneId, Pooling = true }; var sqliteConnectionString = builder.ToString(); _logger.LogInformation(\"SQLite connection string: {ConnectionString}\", sqliteConnectionString);");

    [Theory]
    [InlineData("var builder = new SqliteConnectionStringBuilder { DataSource = zoneId, Password = clientSecret }; var sqliteConnectionString = builder.ToString(); _logger.LogInformation(\"SQLite connection string: {ConnectionString}\", {|CK3002:sqliteConnectionString|});")]
    [InlineData("var builder = new SqliteConnectionStringBuilder { DataSource = zoneId }; builder.Password = clientSecret; var sqliteConnectionString = builder.ToString(); _logger.LogInformation(\"SQLite connection string: {ConnectionString}\", {|CK3002:sqliteConnectionString|});")]
    public Task Connection_string_built_here_with_a_password_is_flagged(string body) => VerifyAsync(body);

    [Fact]
    public Task Message_names_the_value_and_the_sink() => VerifyAsync(
        "_logger.LogDebug(\"Using token {Token}\", accessToken);",
        null,
        new DiagnosticResult(Descriptors.SensitiveDataInLogs).WithSpan(40, 49, 40, 60).WithArguments("'accessToken'", "ILogger.LogDebug"));

    [Fact]
    public Task Connection_string_message() => VerifyAsync(
        "_logger.LogInformation(\"Db {Db}\", connectionString);",
        null,
        new DiagnosticResult(Descriptors.SensitiveDataInLogs).WithSpan(40, 43, 40, 59).WithArguments("The connection string 'connectionString'", "ILogger.LogInformation"));

    [Fact]
    public async Task Credential_keywords_from_editorconfig_extend_the_names()
    {
        await VerifyAsync("var tppl = zoneId + \"x\"; _logger.LogDebug(\"{V}\", tppl);");
        await VerifyAsync("var tppl = zoneId + \"x\"; _logger.LogDebug(\"{V}\", {|CK3002:tppl|});", "certkit.credential_keywords = tppl");
    }

    [Fact]
    public async Task Token_protectors_from_editorconfig_clear_the_value()
    {
        const string helper = "static string Shorten(string s) => s;";
        await VerifyAsync(helper + " var apiKeyShown = Shorten(apiKey); _logger.LogDebug(\"{K}\", {|CK3002:apiKeyShown|});");
        await VerifyAsync(helper + " var apiKeyShown = Shorten(apiKey); _logger.LogDebug(\"{K}\", apiKeyShown);", "certkit.token_protectors = Shorten");
    }

    [Fact]
    public async Task Venafi_client_logging_its_api_key()
    {
        var source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            public sealed class VenafiCloudClient
            {
                private readonly HttpClient _http;
                private readonly ILogger<VenafiCloudClient> _logger;
                private readonly string _apiKey;

                public VenafiCloudClient(HttpClient http, ILogger<VenafiCloudClient> logger, string apiKey)
                {
                    _http = http;
                    _logger = logger;
                    _apiKey = apiKey;
                }

                public async Task<string> GetCertificateAsync(string certificateId)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "outagedetection/v1/certificates/" + certificateId);
                    request.Headers.Add("tppl-api-key", _apiKey);
                    _logger.LogDebug("GET {Path} with tppl-api-key {Key}", request.RequestUri, {|CK3002:_apiKey|});
                    _logger.LogDebug("API key present: {Present}", _apiKey.Length > 0);
                    using var response = await _http.SendAsync(request);
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new HttpRequestException({|CK3002:$"Venafi returned {(int)response.StatusCode} for key {_apiKey}"|});
                    }

                    return await response.Content.ReadAsStringAsync();
                }
            }
            """;
        var test = Verifier.CreateTest(source, null);
        test.References = TestReferences.StorageAndLogging;
        await test.RunAsync();
    }

    /// <summary>
    /// The exception given to a log call says what failed, not what is logged: an exception type that holds a token is not
    /// reported even under a destructuring template, while the object the template prints is.
    /// </summary>
    [Fact]
    public async Task Context_arguments_are_not_what_is_logged()
    {
        var source = """
            using System;
            using Microsoft.Extensions.Logging;

            public sealed class TokenRefreshException : Exception
            {
                public TokenRefreshException(string refreshToken) => RefreshToken = refreshToken;

                public string RefreshToken { get; }
            }

            public sealed record RefreshResult(string AccessToken, int ExpiresIn);

            public sealed class Refresher
            {
                private readonly ILogger<Refresher> _logger;

                public Refresher(ILogger<Refresher> logger) => _logger = logger;

                public void Failed(TokenRefreshException failure, RefreshResult result)
                {
                    _logger.LogError(failure, "Refresh failed {@Result}", {|CK3002:result|});
                    Console.WriteLine("Refresh failed {0}", {|CK3002:result|});
                }
            }
            """;
        var test = Verifier.CreateTest(source, null);
        test.References = TestReferences.StorageAndLogging;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("_logger.LogDebug(\"Token {T}\", ")]
    [InlineData("_logger.LogDebug(")]
    [InlineData("_logger.(\"x\", accessToken);")]
    [InlineData("LogToken(_logger, );")]
    [InlineData("throw new InvalidOperationException($\"key {}\");")]
    [InlineData("_serilog.Information(\"{T}\", Undefined.AccessToken);")]
    [InlineData("Console.WriteLine(apiKey.);")]
    [InlineData("var t = t + accessToken; _nlog.Info(t);")]
    [InlineData("throw new UnknownException(apiKey);")]
    [InlineData("VenafiLog.UsingApiKey(_logger);")]
    public Task Broken_code_does_not_throw(string body)
    {
        var test = Verifier.CreateTest(Wrap(body), null);
        test.References = TestReferences.StorageAndLogging;
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.TestState.MarkupHandling = MarkupMode.Allow;
        return RunAllowingFindingsAsync(test);
    }

    // Half-typed code may or may not complete a sink; what matters is that the analyzer does not throw (AD0001).
    private static async Task RunAllowingFindingsAsync(AnalyzerVerifier<CertKit.Analyzers.Rules.CK3002SensitiveDataInLogsAnalyzer>.Test test)
    {
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        await test.RunAsync();
    }
}
