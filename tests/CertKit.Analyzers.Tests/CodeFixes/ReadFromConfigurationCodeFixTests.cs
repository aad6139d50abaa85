using CertKit.Analyzers.CodeFixes;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;

namespace CertKit.Analyzers.Tests.CodeFixes;

using VerifyUrl = CodeFixVerifier<CK1001HardcodedUrlAnalyzer, ReadFromConfigurationCodeFixProvider>;
using VerifyCredential = CodeFixVerifier<CK1002HardcodedCredentialAnalyzer, ReadFromConfigurationCodeFixProvider>;

public class ReadFromConfigurationCodeFixTests
{
    [Fact]
    public Task Const_credential_becomes_a_static_readonly_environment_read() => VerifyCredential.VerifyAsync(
        """
        using System;

        public class CommercetoolsClient
        {
            private const string ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};

            public string Secret() => ClientSecret;
        }
        """,
        """
        using System;

        public class CommercetoolsClient
        {
            private static readonly string ClientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("CLIENT_SECRET is not configured.");

            public string Secret() => ClientSecret;
        }
        """);

    [Fact]
    public Task Local_const_url_becomes_a_local_environment_read() => VerifyUrl.VerifyAsync(
        """
        using System;

        public class VenafiClient
        {
            public Uri BaseAddress()
            {
                const string venafiBaseUrl = "{|CK1001:https://api.venafi.cloud|}";
                return new Uri(venafiBaseUrl);
            }
        }
        """,
        """
        using System;

        public class VenafiClient
        {
            public Uri BaseAddress()
            {
                string venafiBaseUrl = Environment.GetEnvironmentVariable("VENAFI_BASE_URL") ?? throw new InvalidOperationException("VENAFI_BASE_URL is not configured.");
                return new Uri(venafiBaseUrl);
            }
        }
        """);

    [Fact]
    public Task Configuration_field_in_scope_is_used() => VerifyCredential.VerifyAsync(
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;

        public class CommercetoolsClient
        {
            private readonly IConfiguration _configuration;

            public CommercetoolsClient(IConfiguration configuration) => _configuration = configuration;

            public Dictionary<string, string> TokenRequest()
            {
                var form = new Dictionary<string, string>();
                form["client_secret"] = {|CK1002:"Zx81-kLm2-Qp07"|};
                return form;
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;

        public class CommercetoolsClient
        {
            private readonly IConfiguration _configuration;

            public CommercetoolsClient(IConfiguration configuration) => _configuration = configuration;

            public Dictionary<string, string> TokenRequest()
            {
                var form = new Dictionary<string, string>();
                form["client_secret"] = _configuration["Commercetools:ClientSecret"] ?? throw new InvalidOperationException("Commercetools:ClientSecret is not configured.");
                return form;
            }
        }
        """);

    [Fact]
    public Task Configuration_parameter_in_scope_is_used() => VerifyUrl.VerifyAsync(
        """
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.Configuration;

        public static class AdobeSignClientFactory
        {
            public static HttpClient Create(IConfiguration configuration)
            {
                var baseUrl = "{|CK1001:https://api.na1.adobesign.com/api/rest/v6|}";
                return new HttpClient { BaseAddress = new Uri(baseUrl) };
            }
        }
        """,
        """
        using System;
        using System.Net.Http;
        using Microsoft.Extensions.Configuration;

        public static class AdobeSignClientFactory
        {
            public static HttpClient Create(IConfiguration configuration)
            {
                var baseUrl = configuration["AdobeSignClientFactory:BaseUrl"] ?? throw new InvalidOperationException("AdobeSignClientFactory:BaseUrl is not configured.");
                return new HttpClient { BaseAddress = new Uri(baseUrl) };
            }
        }
        """);

    [Fact]
    public Task Primary_constructor_configuration_is_used_in_initialisers() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            private readonly string _apiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};

            public string Key => _apiKey;
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            private readonly string _apiKey = configuration["Venafi:ApiKey"] ?? throw new InvalidOperationException("Venafi:ApiKey is not configured.");

            public string Key => _apiKey;
        }
        """);

    [Fact]
    public Task Instance_configuration_is_not_used_from_a_static_member() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            public static string DefaultKey()
            {
                var apiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};
                return apiKey;
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            public static string DefaultKey()
            {
                var apiKey = Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not configured.");
                return apiKey;
            }
        }
        """);

    [Fact]
    public Task Uri_is_named_after_the_field_it_initialises() => VerifyUrl.VerifyAsync(
        """
        using System;

        public class CommercetoolsAuth
        {
            private static readonly Uri TokenEndpoint = new Uri("{|CK1001:https://auth.europe-west1.gcp.commercetools.com/oauth/token|}");
        }
        """,
        """
        using System;

        public class CommercetoolsAuth
        {
            private static readonly Uri TokenEndpoint = new Uri(Environment.GetEnvironmentVariable("TOKEN_ENDPOINT") ?? throw new InvalidOperationException("TOKEN_ENDPOINT is not configured."));
        }
        """);

    [Fact]
    public Task Comparison_keeps_its_meaning() => VerifyCredential.VerifyAsync(
        """
        using System;

        public class WebhookValidator
        {
            public bool IsValid(string password) => password == {|CK1002:"W1nter-2024!"|};
        }
        """,
        """
        using System;

        public class WebhookValidator
        {
            public bool IsValid(string password) => password == (Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("PASSWORD is not configured."));
        }
        """);

    [Fact]
    public Task Connection_string_is_replaced_whole() => VerifyCredential.VerifyAsync(
        """
        using System;

        public class CertificateStore
        {
            private readonly string _connectionString = "Server=sql.internal;User Id=svc;Password={|CK1002:S3cr3t!2024|};";
        }
        """,
        """
        using System;

        public class CertificateStore
        {
            private readonly string _connectionString = Environment.GetEnvironmentVariable("CONNECTION_STRING") ?? throw new InvalidOperationException("CONNECTION_STRING is not configured.");
        }
        """);

    [Fact]
    public Task Without_a_using_the_names_stay_qualified() => VerifyCredential.VerifyAsync(
        """
        public class AdobeSignTokens
        {
            private string _refreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|};
        }
        """,
        """
        public class AdobeSignTokens
        {
            private string _refreshToken = System.Environment.GetEnvironmentVariable("REFRESH_TOKEN") ?? throw new System.InvalidOperationException("REFRESH_TOKEN is not configured.");
        }
        """);

    [Fact]
    public Task No_fix_in_case_labels()
    {
        const string source = """
            public class Regions
            {
                public string Region(string url)
                {
                    switch (url)
                    {
                        case "{|CK1001:https://api.venafi.eu|}": return "eu";
                        default: return "us";
                    }
                }
            }
            """;
        return VerifyUrl.VerifyAsync(source, source);
    }

    [Fact]
    public Task Every_literal_in_a_document_is_fixed_at_once() => VerifyCredential.VerifyAsync(
        """
        using System;

        public class AdobeSignClient
        {
            private const string ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};
            private const string IntegrationKey = {|CK1002:"3AAABLblqZhC8xYz"|};
        }
        """,
        """
        using System;

        public class AdobeSignClient
        {
            private static readonly string ClientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("CLIENT_SECRET is not configured.");
            private static readonly string IntegrationKey = Environment.GetEnvironmentVariable("INTEGRATION_KEY") ?? throw new InvalidOperationException("INTEGRATION_KEY is not configured.");
        }
        """);

    [Fact]
    public Task Lambda_parameter_configuration_is_used() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public static class Endpoints
        {
            public static Func<IConfiguration, string> ApiKey = configuration =>
            {
                var apiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};
                return apiKey;
            };
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public static class Endpoints
        {
            public static Func<IConfiguration, string> ApiKey = configuration =>
            {
                var apiKey = configuration["Endpoints:ApiKey"] ?? throw new InvalidOperationException("Endpoints:ApiKey is not configured.");
                return apiKey;
            };
        }
        """);

    [Fact]
    public Task No_fix_inside_an_interpolated_string()
    {
        const string source = """
            public class VenafiClient
            {
                public string CertificateUrl(string id) => $"{|CK1001:https://api.venafi.cloud/v1/certificates/|}{id}";
            }
            """;
        return VerifyUrl.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_in_attribute_arguments_or_default_values() => VerifyUrl.VerifyAsync(
        """
        using System;

        [AttributeUsage(AttributeTargets.All)]
        public sealed class EndpointAttribute(string url) : Attribute
        {
            public string Url { get; } = url;
        }

        public class VenafiClient
        {
            [Endpoint("{|CK1001:https://api.venafi.cloud|}")]
            public void Call(string baseUrl = "{|CK1001:https://api.venafi.cloud|}") { }
        }
        """,
        """
        using System;

        [AttributeUsage(AttributeTargets.All)]
        public sealed class EndpointAttribute(string url) : Attribute
        {
            public string Url { get; } = url;
        }

        public class VenafiClient
        {
            [Endpoint("{|CK1001:https://api.venafi.cloud|}")]
            public void Call(string baseUrl = "{|CK1001:https://api.venafi.cloud|}") { }
        }
        """);

    [Fact]
    public Task No_fix_for_a_const_that_must_stay_constant() => VerifyUrl.VerifyAsync(
        """
        public class VenafiClient
        {
            private const string BaseUrl = "{|CK1001:https://api.venafi.cloud|}";
            private const string Requests = BaseUrl + "/v1/certificaterequests";

            public string Region(string url) => url switch
            {
                BaseUrl => "us",
                _ => "other",
            };
        }
        """,
        """
        public class VenafiClient
        {
            private const string BaseUrl = "{|CK1001:https://api.venafi.cloud|}";
            private const string Requests = BaseUrl + "/v1/certificaterequests";

            public string Region(string url) => url switch
            {
                BaseUrl => "us",
                _ => "other",
            };
        }
        """);
}
