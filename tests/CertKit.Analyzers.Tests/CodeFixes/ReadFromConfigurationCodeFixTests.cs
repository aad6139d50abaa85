using CertKit.Analyzers.CodeFixes;
using CertKit.Analyzers.Rules;
using CertKit.Analyzers.Tests.Verifiers;

namespace CertKit.Analyzers.Tests.CodeFixes;

using VerifyUrl = CodeFixVerifier<CK1001HardcodedUrlAnalyzer, ReadFromConfigurationCodeFixProvider>;
using VerifyCredential = CodeFixVerifier<CK1002HardcodedCredentialAnalyzer, ReadFromConfigurationCodeFixProvider>;

public class ReadFromConfigurationCodeFixTests
{
    [Fact]
    public Task Const_credential_without_configuration_becomes_a_static_property_read_at_each_use() => VerifyCredential.VerifyAsync(
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
            private static string ClientSecret => Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("CLIENT_SECRET is not configured.");

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
            private static Uri TokenEndpoint => new Uri(Environment.GetEnvironmentVariable("TOKEN_ENDPOINT") ?? throw new InvalidOperationException("TOKEN_ENDPOINT is not configured."));
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
            private static string ClientSecret => Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("CLIENT_SECRET is not configured.");
            private static string IntegrationKey => Environment.GetEnvironmentVariable("INTEGRATION_KEY") ?? throw new InvalidOperationException("INTEGRATION_KEY is not configured.");
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

    [Fact]
    public Task Const_in_a_class_with_injected_configuration_reads_it_at_each_use() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class CommercetoolsOAuthClient
        {
            private const string ClientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};
            private readonly IConfiguration _configuration;

            public CommercetoolsOAuthClient(IConfiguration configuration)
            {
                _configuration = configuration;
                Console.WriteLine(ClientSecret.Length);
            }

            public string Secret() => ClientSecret;
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class CommercetoolsOAuthClient
        {
            private string ClientSecret => _configuration["CommercetoolsOAuth:ClientSecret"] ?? throw new InvalidOperationException("CommercetoolsOAuth:ClientSecret is not configured.");
            private readonly IConfiguration _configuration;

            public CommercetoolsOAuthClient(IConfiguration configuration)
            {
                _configuration = configuration;
                Console.WriteLine(ClientSecret.Length);
            }

            public string Secret() => ClientSecret;
        }
        """);

    [Fact]
    public Task Static_readonly_url_with_injected_configuration_reads_it_at_each_use() => VerifyUrl.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            private static readonly Uri BaseAddress = new Uri("{|CK1001:https://api.venafi.cloud|}");

            public Uri Requests() => new Uri(BaseAddress, "v1/certificaterequests");
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            private Uri BaseAddress => new Uri(_configuration["Venafi:BaseAddress"] ?? throw new InvalidOperationException("Venafi:BaseAddress is not configured."));

            public Uri Requests() => new Uri(BaseAddress, "v1/certificaterequests");
        }
        """);

    [Fact]
    public Task Instance_field_with_injected_configuration_becomes_a_property_reading_it() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class AdobeSignClient
        {
            private readonly string _clientSecret = {|CK1002:"Zx81-kLm2-Qp07"|};
            private readonly IConfiguration _configuration;

            public AdobeSignClient(IConfiguration configuration) => _configuration = configuration;

            public string Secret() => _clientSecret;
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class AdobeSignClient
        {
            private string _clientSecret => _configuration["AdobeSign:ClientSecret"] ?? throw new InvalidOperationException("AdobeSign:ClientSecret is not configured.");
            private readonly IConfiguration _configuration;

            public AdobeSignClient(IConfiguration configuration) => _configuration = configuration;

            public string Secret() => _clientSecret;
        }
        """);

    [Fact]
    public Task Get_only_property_with_configuration_from_a_base_class_reads_it() => VerifyUrl.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public abstract class ClientBase
        {
            protected ClientBase(IConfiguration configuration) => Configuration = configuration;

            protected IConfiguration Configuration { get; }
        }

        public class VenafiClient : ClientBase
        {
            public VenafiClient(IConfiguration configuration) : base(configuration) => Console.WriteLine(Endpoint);

            private static string Endpoint { get; } = "{|CK1001:https://api.venafi.cloud/v1|}";
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public abstract class ClientBase
        {
            protected ClientBase(IConfiguration configuration) => Configuration = configuration;

            protected IConfiguration Configuration { get; }
        }

        public class VenafiClient : ClientBase
        {
            public VenafiClient(IConfiguration configuration) : base(configuration) => Console.WriteLine(Endpoint);

            private string Endpoint => Configuration["Venafi:Endpoint"] ?? throw new InvalidOperationException("Venafi:Endpoint is not configured.");
        }
        """);

    [Fact]
    public Task Const_with_a_primary_constructor_configuration_reads_it_at_each_use() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            private const string ApiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};

            public string Key() => ApiKey;
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            private string ApiKey => configuration["Venafi:ApiKey"] ?? throw new InvalidOperationException("Venafi:ApiKey is not configured.");

            public string Key() => ApiKey;
        }
        """);

    [Fact]
    public Task Used_from_a_static_member_it_stays_static_and_reads_the_environment() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private const string ApiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            public static string DefaultKey() => ApiKey;
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private static string ApiKey => Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not configured.");
            private readonly IConfiguration _configuration;

            public VenafiClient(IConfiguration configuration) => _configuration = configuration;

            public static string DefaultKey() => ApiKey;
        }
        """);

    [Fact]
    public Task Used_from_another_class_it_stays_static() => VerifyUrl.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            public const string BaseUrl = "{|CK1001:https://api.venafi.cloud|}";

            public IConfiguration Configuration => configuration;
        }

        public static class Registration
        {
            public static Uri Address() => new Uri(VenafiClient.BaseUrl);
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            public static string BaseUrl => Environment.GetEnvironmentVariable("BASE_URL") ?? throw new InvalidOperationException("BASE_URL is not configured.");

            public IConfiguration Configuration => configuration;
        }

        public static class Registration
        {
            public static Uri Address() => new Uri(VenafiClient.BaseUrl);
        }
        """);

    [Fact]
    public Task Read_in_a_constructor_before_the_configuration_is_assigned_stays_static() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private static readonly string ApiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};
            private readonly IConfiguration _configuration;
            private readonly int _keyLength;

            public VenafiClient(IConfiguration configuration)
            {
                _keyLength = ApiKey.Length;
                _configuration = configuration;
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient
        {
            private static string ApiKey => Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not configured.");
            private readonly IConfiguration _configuration;
            private readonly int _keyLength;

            public VenafiClient(IConfiguration configuration)
            {
                _keyLength = ApiKey.Length;
                _configuration = configuration;
            }
        }
        """);

    [Fact]
    public Task No_fix_for_a_static_field_written_elsewhere()
    {
        // A read in its initialiser would throw from the type initialiser, and a property cannot be assigned.
        const string source = """
            public class AdobeSignTokens
            {
                private static string s_refreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|};

                public static void Rotate(string token) => s_refreshToken = token;
            }
            """;
        return VerifyCredential.VerifyAsync(source, source);
    }

    [Fact]
    public Task No_fix_for_a_static_field_with_attributes()
    {
        const string source = """
            using System;

            public class AdobeSignTokens
            {
                [Obsolete("use the vault")]
                private static readonly string RefreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|};
            }
            """;
        return VerifyCredential.VerifyAsync(source, source);
    }

    [Fact]
    public Task Instance_field_written_in_the_constructor_keeps_its_initialiser() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class AdobeSignTokens
        {
            private readonly IConfiguration _configuration;
            private readonly string _refreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|};

            public AdobeSignTokens(IConfiguration configuration, string? token)
            {
                _configuration = configuration;
                if (token is not null)
                {
                    _refreshToken = token;
                }
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class AdobeSignTokens
        {
            private readonly IConfiguration _configuration;
            private readonly string _refreshToken = Environment.GetEnvironmentVariable("REFRESH_TOKEN") ?? throw new InvalidOperationException("REFRESH_TOKEN is not configured.");

            public AdobeSignTokens(IConfiguration configuration, string? token)
            {
                _configuration = configuration;
                if (token is not null)
                {
                    _refreshToken = token;
                }
            }
        }
        """);

    [Fact]
    public Task Public_static_member_stays_static() => VerifyCredential.VerifyAsync(
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            public static readonly string ApiKey = {|CK1002:"4f0c9a7e-1b2c-4d5e"|};

            public string Key() => ApiKey + configuration["Venafi:Zone"];
        }
        """,
        """
        using System;
        using Microsoft.Extensions.Configuration;

        public class VenafiClient(IConfiguration configuration)
        {
            public static string ApiKey => Environment.GetEnvironmentVariable("API_KEY") ?? throw new InvalidOperationException("API_KEY is not configured.");

            public string Key() => ApiKey + configuration["Venafi:Zone"];
        }
        """);

    [Fact]
    public Task No_fix_for_a_static_field_declared_with_others()
    {
        const string source = """
            public class AdobeSignTokens
            {
                private static readonly string RefreshToken = {|CK1002:"3AAABLblqZhA-refresh-7Qx"|}, Scope = "user_login:self";

                public static string Token() => RefreshToken + Scope;
            }
            """;
        return VerifyCredential.VerifyAsync(source, source);
    }
}
