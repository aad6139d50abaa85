using System.Text;

namespace CertKit.Benchmarks;

/// <summary>
/// Generates a seeded corpus of realistic integration code: API clients, token stores, options, DTOs, controllers,
/// with the occasional finding, so the analyzers do the work they do on a real code base.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Vendors = ["Venafi", "Commercetools", "AdobeSign", "Payments", "Catalog", "Orders", "Shipping", "Tax", "Inventory", "Search"];
    private static readonly string[] Nouns = ["Certificate", "Product", "Agreement", "Order", "Customer", "Invoice", "Zone", "Policy", "Cart", "Webhook", "Template", "Account"];

    public static List<(string Path, string Text)> Generate(int targetLines, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        var index = 0;
        while (lines < targetLines)
        {
            var vendor = Vendors[random.Next(Vendors.Length)];
            var noun = Nouns[random.Next(Nouns.Length)];
            var text = (index % 5) switch
            {
                0 => Client(vendor, noun, index, random),
                1 => Models(vendor, noun, index, random),
                2 => TokenStore(vendor, index, random),
                3 => Controller(vendor, noun, index, random),
                _ => Options(vendor, noun, index, random),
            };
            files.Add(($"/corpus/{vendor}/{noun}{index}.cs", text));
            lines += CountLines(text);
            index++;
        }

        return files;
    }

    /// <summary>
    /// Writes the corpus of <see cref="Generate"/> as files under <paramref name="folder"/> (which must not exist yet), so that
    /// the side-by-side benchmark can read the very code the overhead benchmark compiles. Returns the exit code.
    /// </summary>
    public static int WriteTo(string? folder, int targetLines, int seed)
    {
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder) || File.Exists(folder))
        {
            Console.Error.WriteLine("corpus: --out DIR is required and must not exist yet (the corpus is written as a new folder)");
            return 2;
        }

        // Written beside the target and moved in at the end: a failed run leaves no half-written corpus.
        var staging = folder.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var files = Generate(targetLines, seed);
        var lines = 0;
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(staging, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            lines += CountLines(text);
        }

        Directory.Move(staging, folder);
        Console.WriteLine($"corpus: {files.Count} files, {lines} lines (seed {seed}) in {folder}");
        return 0;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string Header(string vendor) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Integration.{{vendor}};

        """;

    private static string Client(string vendor, string noun, int index, Random random)
    {
        var sb = new StringBuilder(Header(vendor));
        sb.Append($$"""
            public sealed class {{noun}}Client{{index}}
            {
                private readonly HttpClient _http;
                private readonly ILogger<{{noun}}Client{{index}}> _logger;
                private readonly IConfiguration _configuration;

                public {{noun}}Client{{index}}(HttpClient http, ILogger<{{noun}}Client{{index}}> logger, IConfiguration configuration)
                {
                    _http = http;
                    _logger = logger;
                    _configuration = configuration;
                    _http.BaseAddress = new Uri(configuration["{{vendor}}:BaseUrl"] ?? "http://localhost:5000");
                    _http.DefaultRequestHeaders.Add("tppl-api-key", configuration["{{vendor}}:ApiKey"]);
                }

            """);
        var methods = 6 + random.Next(6);
        for (var m = 0; m < methods; m++)
        {
            var hardcoded = random.Next(40) == 0;
            var path = hardcoded ? $"https://api.{vendor.ToLowerInvariant()}.io/v1/{noun.ToLowerInvariant()}s" : $"v1/{noun.ToLowerInvariant()}s/{m}";
            sb.Append($$"""
                    public async Task<IReadOnlyList<{{noun}}Dto{{index}}>> Get{{noun}}s{{m}}Async(string filter, int page, CancellationToken cancellationToken)
                    {
                        var query = $"{{path}}?filter={Uri.EscapeDataString(filter)}&page={page}&limit={{20 + m}}";
                        _logger.LogInformation("Fetching {{noun}}s page {Page} with filter {Filter}", page, filter);
                        using var request = new HttpRequestMessage(HttpMethod.Get, query);
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            _logger.LogWarning("Request failed with {Status}", (int)response.StatusCode);
                            throw new HttpRequestException($"{{vendor}} returned {(int)response.StatusCode} for page {page}");
                        }

                        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        var items = await JsonSerializer.DeserializeAsync<List<{{noun}}Dto{{index}}>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                        return items?.Where(i => i.Active && i.Name.Length > {{m}}).OrderBy(i => i.Name).ToList() ?? new List<{{noun}}Dto{{index}}>();
                    }

                """);
        }

        sb.Append("}\n\n");
        sb.Append($$"""
            public sealed record {{noun}}Dto{{index}}(string Id, string Name, bool Active, DateTimeOffset Created, IReadOnlyDictionary<string, string> Attributes);
            """);
        return sb.ToString();
    }

    private static string Models(string vendor, string noun, int index, Random random)
    {
        var sb = new StringBuilder(Header(vendor));
        var count = 4 + random.Next(5);
        for (var c = 0; c < count; c++)
        {
            sb.Append($$"""
                public sealed class {{noun}}Model{{index}}_{{c}}
                {
                    public string Id { get; set; } = string.Empty;
                    public string DisplayName { get; set; } = string.Empty;
                    public string? Description { get; set; }
                    public decimal Amount { get; set; }
                    public string Currency { get; set; } = "EUR";
                    public DateTimeOffset UpdatedAt { get; set; }
                    public List<string> Tags { get; } = new();
                    public string PasswordFieldName { get; set; } = "password";
                    public int MinPasswordLength { get; set; } = 12;

                    public bool Matches(string term) =>
                        DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase)
                        || (Description?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                        || Tags.Any(t => string.Equals(t, term, StringComparison.OrdinalIgnoreCase));

                    public override string ToString() => $"{Id}: {DisplayName} ({Amount} {Currency})";
                }

                """);
        }

        return sb.ToString();
    }

    private static string TokenStore(string vendor, int index, Random random)
    {
        var plaintext = random.Next(30) == 0;
        var write = plaintext ? "await File.WriteAllTextAsync(_path, tokens.RefreshToken, cancellationToken);" : "await File.WriteAllTextAsync(_path, _protect(tokens.RefreshToken), cancellationToken);";
        return Header(vendor) + $$"""
            public sealed record OAuthTokens{{index}}(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

            public sealed class TokenStore{{index}}
            {
                private readonly string _path;
                private readonly Func<string, string> _protect;
                private readonly IDistributedCache _cache;
                private readonly ILogger _logger;

                public TokenStore{{index}}(string path, Func<string, string> protect, IDistributedCache cache, ILogger logger)
                {
                    _path = path;
                    _protect = protect;
                    _cache = cache;
                    _logger = logger;
                }

                public async Task SaveAsync(OAuthTokens{{index}} tokens, CancellationToken cancellationToken)
                {
                    _logger.LogDebug("Saving tokens that expire at {ExpiresAt}", tokens.ExpiresAt);
                    {{write}}
                    var expiry = tokens.ExpiresAt - DateTimeOffset.UtcNow;
                    await _cache.SetStringAsync("tokens:{{index}}:expiry", expiry.TotalSeconds.ToString("F0"), cancellationToken);
                }

                public bool IsExpired(OAuthTokens{{index}} tokens, TimeSpan skew)
                {
                    var now = DateTimeOffset.UtcNow;
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        if (tokens.ExpiresAt - skew > now.AddSeconds(attempt))
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }
            """;
    }

    private static string Controller(string vendor, string noun, int index, Random random)
    {
        var sb = new StringBuilder(Header(vendor));
        sb.Append($$"""
            public sealed class {{noun}}Handler{{index}}
            {
                private readonly ILogger _logger;
                private readonly Dictionary<string, {{noun}}State{{index}}> _states = new(StringComparer.Ordinal);

                public {{noun}}Handler{{index}}(ILogger logger) => _logger = logger;

            """);
        var methods = 5 + random.Next(5);
        for (var m = 0; m < methods; m++)
        {
            sb.Append($$"""
                    public {{noun}}State{{index}} Handle{{m}}(string id, string evt)
                    {
                        if (!_states.TryGetValue(id, out var state))
                        {
                            state = new {{noun}}State{{index}}(id, "created", 0);
                        }

                        state = evt switch
                        {
                            "approve" => state with { Status = "approved", Version = state.Version + 1 },
                            "reject" => state with { Status = "rejected", Version = state.Version + 1 },
                            "archive" when state.Status != "created" => state with { Status = "archived" },
                            _ => state,
                        };
                        _states[id] = state;
                        _logger.LogInformation("{{noun}} {Id} moved to {Status}", id, state.Status);
                        return state;
                    }

                """);
        }

        sb.Append("}\n\n");
        sb.Append($"public sealed record {noun}State{index}(string Id, string Status, int Version);\n");
        return sb.ToString();
    }

    private static string Options(string vendor, string noun, int index, Random random)
    {
        var leak = random.Next(50) == 0 ? "\"s3cr3t-" + random.Next(100000, 999999) + "-value\"" : "string.Empty";
        return Header(vendor) + $$"""
            public sealed class {{vendor}}{{noun}}Options{{index}}
            {
                public const string SectionName = "{{vendor}}";
                public const string ApiKeyHeaderName = "tppl-api-key";
                public string BaseUrl { get; set; } = string.Empty;
                public string ClientId { get; set; } = string.Empty;
                public string ClientSecret { get; set; } = {{leak}};
                public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
                public int RetryCount { get; set; } = 3;
                public string[] Scopes { get; set; } = ["user_read:account", "agreement_write:self"];

                public static {{vendor}}{{noun}}Options{{index}} Bind(IConfiguration configuration)
                {
                    var section = configuration.GetSection(SectionName);
                    return new {{vendor}}{{noun}}Options{{index}}
                    {
                        BaseUrl = section["BaseUrl"] ?? string.Empty,
                        ClientId = section["ClientId"] ?? string.Empty,
                        ClientSecret = section["ClientSecret"] ?? string.Empty,
                        RetryCount = int.TryParse(section["RetryCount"], out var retries) ? retries : 3,
                    };
                }

                public IEnumerable<string> Validate()
                {
                    if (string.IsNullOrWhiteSpace(BaseUrl)) yield return "BaseUrl is required";
                    if (string.IsNullOrWhiteSpace(ClientId)) yield return "ClientId is required";
                    if (RetryCount is < 0 or > 10) yield return "RetryCount must be between 0 and 10";
                }
            }
            """;
    }
}
