namespace CertKit.Analyzers.Flow;

/// <summary>The metadata names of the types <see cref="WellKnownTypes"/> resolves: the one place they are spelled.</summary>
internal static class WellKnownTypeNames
{
    public const string MicrosoftAspNetCoreBuilderIApplicationBuilder = "Microsoft.AspNetCore.Builder.IApplicationBuilder";

    public const string MicrosoftAspNetCoreDataProtectionDataProtectionAdvancedExtensions = "Microsoft.AspNetCore.DataProtection.DataProtectionAdvancedExtensions";

    public const string MicrosoftAspNetCoreDataProtectionDataProtectionCommonExtensions = "Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions";

    public const string MicrosoftAspNetCoreDataProtectionIDataProtector = "Microsoft.AspNetCore.DataProtection.IDataProtector";

    public const string MicrosoftAspNetCoreDataProtectionITimeLimitedDataProtector = "Microsoft.AspNetCore.DataProtection.ITimeLimitedDataProtector";

    public const string MicrosoftAspNetCoreHostingIWebHostBuilder = "Microsoft.AspNetCore.Hosting.IWebHostBuilder";

    public const string MicrosoftAspNetCoreHttpIResponseCookies = "Microsoft.AspNetCore.Http.IResponseCookies";

    public const string MicrosoftAspNetCoreHttpISession = "Microsoft.AspNetCore.Http.ISession";

    public const string MicrosoftAspNetCoreHttpSessionExtensions = "Microsoft.AspNetCore.Http.SessionExtensions";

    public const string MicrosoftAspNetCoreIdentityIPasswordHasher1 = "Microsoft.AspNetCore.Identity.IPasswordHasher`1";

    public const string MicrosoftAspNetCoreMvcController = "Microsoft.AspNetCore.Mvc.Controller";

    public const string MicrosoftEntityFrameworkCoreDbContext = "Microsoft.EntityFrameworkCore.DbContext";

    public const string MicrosoftEntityFrameworkCoreDbContextOptionsBuilder = "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder";

    public const string MicrosoftEntityFrameworkCoreDbSet1 = "Microsoft.EntityFrameworkCore.DbSet`1";

    public const string MicrosoftExtensionsCachingDistributedDistributedCacheExtensions = "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions";

    public const string MicrosoftExtensionsCachingDistributedIDistributedCache = "Microsoft.Extensions.Caching.Distributed.IDistributedCache";

    public const string MicrosoftExtensionsLoggingEventId = "Microsoft.Extensions.Logging.EventId";

    public const string MicrosoftExtensionsLoggingILogger = "Microsoft.Extensions.Logging.ILogger";

    public const string MicrosoftExtensionsLoggingLoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";

    public const string MicrosoftExtensionsLoggingLoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";

    public const string MicrosoftIdentityClientExtensionsMsalMsalCacheHelper = "Microsoft.Identity.Client.Extensions.Msal.MsalCacheHelper";

    public const string MicrosoftIdentityClientExtensionsMsalMsalCacheStorage = "Microsoft.Identity.Client.Extensions.Msal.MsalCacheStorage";

    public const string MicrosoftIdentityClientExtensionsMsalStorageCreationPropertiesBuilder = "Microsoft.Identity.Client.Extensions.Msal.StorageCreationPropertiesBuilder";

    public const string MicrosoftIdentityModelLoggingIdentityModelEventSource = "Microsoft.IdentityModel.Logging.IdentityModelEventSource";

    public const string MicrosoftMauiStorageIPreferences = "Microsoft.Maui.Storage.IPreferences";

    public const string MicrosoftMauiStoragePreferences = "Microsoft.Maui.Storage.Preferences";

    public const string MicrosoftWin32Registry = "Microsoft.Win32.Registry";

    public const string MicrosoftWin32RegistryKey = "Microsoft.Win32.RegistryKey";

    public const string NLogILoggerBase = "NLog.ILoggerBase";

    public const string NLogLogger = "NLog.Logger";

    public const string NewtonsoftJsonJsonConvert = "Newtonsoft.Json.JsonConvert";

    public const string NewtonsoftJsonJsonSerializer = "Newtonsoft.Json.JsonSerializer";

    public const string NewtonsoftJsonJsonTextWriter = "Newtonsoft.Json.JsonTextWriter";

    public const string SerilogILogger = "Serilog.ILogger";

    public const string SerilogLog = "Serilog.Log";

    public const string SystemConfigurationApplicationSettingsBase = "System.Configuration.ApplicationSettingsBase";

    public const string SystemConsole = "System.Console";

    public const string SystemBitConverter = "System.BitConverter";

    public const string SystemConvert = "System.Convert";

    public const string SystemDataCommonDbConnectionStringBuilder = "System.Data.Common.DbConnectionStringBuilder";

    public const string SystemDataCommonDbParameter = "System.Data.Common.DbParameter";

    public const string SystemDataCommonDbParameterCollection = "System.Data.Common.DbParameterCollection";

    public const string SystemDataEntityDbContext = "System.Data.Entity.DbContext";

    public const string SystemDataEntityDbSet1 = "System.Data.Entity.DbSet`1";

    public const string SystemDataIDataParameter = "System.Data.IDataParameter";

    public const string SystemDiagnosticsDebug = "System.Diagnostics.Debug";

    public const string SystemDiagnosticsDebugger = "System.Diagnostics.Debugger";

    public const string SystemDiagnosticsTrace = "System.Diagnostics.Trace";

    public const string SystemException = "System.Exception";

    public const string SystemIFormatProvider = "System.IFormatProvider";

    public const string SystemIOBinaryWriter = "System.IO.BinaryWriter";

    public const string SystemIOFile = "System.IO.File";

    public const string SystemIOFileInfo = "System.IO.FileInfo";

    public const string SystemIOFileStream = "System.IO.FileStream";

    public const string SystemIOIsolatedStorageIsolatedStorageFile = "System.IO.IsolatedStorage.IsolatedStorageFile";

    public const string SystemIOStream = "System.IO.Stream";

    public const string SystemIOStreamWriter = "System.IO.StreamWriter";

    public const string SystemIOTextWriter = "System.IO.TextWriter";

    public const string SystemNetCookie = "System.Net.Cookie";

    public const string SystemNetHttpHeadersAuthenticationHeaderValue = "System.Net.Http.Headers.AuthenticationHeaderValue";

    public const string SystemNetHttpHttpClientHandler = "System.Net.Http.HttpClientHandler";

    public const string SystemNetSecurityProtocolType = "System.Net.SecurityProtocolType";

    public const string SystemSecurityAuthenticationSslProtocols = "System.Security.Authentication.SslProtocols";

    public const string SystemNetSecuritySslPolicyErrors = "System.Net.Security.SslPolicyErrors";

    public const string SystemSecurityCryptographyAesCcm = "System.Security.Cryptography.AesCcm";

    public const string SystemSecurityCryptographyAesGcm = "System.Security.Cryptography.AesGcm";

    public const string SystemSecurityCryptographyChaCha20Poly1305 = "System.Security.Cryptography.ChaCha20Poly1305";

    public const string SystemSecurityCryptographyHMAC = "System.Security.Cryptography.HMAC";

    public const string SystemSecurityCryptographyHMACSHA256 = "System.Security.Cryptography.HMACSHA256";

    public const string SystemSecurityCryptographyHMACSHA512 = "System.Security.Cryptography.HMACSHA512";

    public const string SystemSecurityCryptographyHashAlgorithm = "System.Security.Cryptography.HashAlgorithm";

    public const string SystemSecurityCryptographyICryptoTransform = "System.Security.Cryptography.ICryptoTransform";

    public const string SystemSecurityCryptographyKeyedHashAlgorithm = "System.Security.Cryptography.KeyedHashAlgorithm";

    public const string SystemSecurityCryptographyProtectedData = "System.Security.Cryptography.ProtectedData";

    public const string SystemSecurityCryptographyProtectedMemory = "System.Security.Cryptography.ProtectedMemory";

    public const string SystemSecurityCryptographyRSA = "System.Security.Cryptography.RSA";

    public const string SystemSecurityCryptographyRfc2898DeriveBytes = "System.Security.Cryptography.Rfc2898DeriveBytes";

    public const string SystemSecurityCryptographySHA256 = "System.Security.Cryptography.SHA256";

    public const string SystemSecurityCryptographySHA384 = "System.Security.Cryptography.SHA384";

    public const string SystemSecurityCryptographySHA512 = "System.Security.Cryptography.SHA512";

    public const string SystemSecurityCryptographySymmetricAlgorithm = "System.Security.Cryptography.SymmetricAlgorithm";

    public const string SystemSecuritySecureString = "System.Security.SecureString";

    public const string SystemTextEncoding = "System.Text.Encoding";

    public const string SystemTextJsonJsonSerializer = "System.Text.Json.JsonSerializer";

    public const string SystemTextJsonUtf8JsonWriter = "System.Text.Json.Utf8JsonWriter";

    public const string SystemTextStringBuilder = "System.Text.StringBuilder";

    public const string SystemThreadingCancellationToken = "System.Threading.CancellationToken";

    public const string SystemXmlLinqXNamespace = "System.Xml.Linq.XNamespace";

    public const string SystemDiagnosticsProcess = "System.Diagnostics.Process";

    public const string SystemDiagnosticsProcessStartInfo = "System.Diagnostics.ProcessStartInfo";

    public const string MicrosoftMauiApplicationModelBrowser = "Microsoft.Maui.ApplicationModel.Browser";

    public const string MicrosoftMauiApplicationModelIBrowser = "Microsoft.Maui.ApplicationModel.IBrowser";

    public const string MicrosoftMauiApplicationModelLauncher = "Microsoft.Maui.ApplicationModel.Launcher";

    public const string MicrosoftMauiApplicationModelILauncher = "Microsoft.Maui.ApplicationModel.ILauncher";

    public const string XamarinEssentialsBrowser = "Xamarin.Essentials.Browser";

    public const string XamarinEssentialsLauncher = "Xamarin.Essentials.Launcher";

    public const string MicrosoftAspNetCoreMvcControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";

    public const string MicrosoftAspNetCoreMvcRazorPagesPageModel = "Microsoft.AspNetCore.Mvc.RazorPages.PageModel";

    public const string MicrosoftAspNetCoreHttpHttpResponse = "Microsoft.AspNetCore.Http.HttpResponse";

    public const string MicrosoftAspNetCoreMvcRedirectResult = "Microsoft.AspNetCore.Mvc.RedirectResult";

    public const string SystemWebMvcController = "System.Web.Mvc.Controller";

    public const string SystemWebMvcRedirectResult = "System.Web.Mvc.RedirectResult";

    public const string SystemWebHttpResponse = "System.Web.HttpResponse";

    public const string SystemWebHttpResponseBase = "System.Web.HttpResponseBase";

    public const string SystemXmlSerializationXmlSerializer = "System.Xml.Serialization.XmlSerializer";

    public const string SystemXmlXmlWriter = "System.Xml.XmlWriter";

    public const string XamarinEssentialsPreferences = "Xamarin.Essentials.Preferences";

    public const string log4netILog = "log4net.ILog";
}
