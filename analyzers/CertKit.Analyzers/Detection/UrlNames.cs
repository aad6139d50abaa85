using System.Collections.Generic;

namespace CertKit.Analyzers.Detection;

/// <summary>
/// What the name a URL is given (a key, a variable, a property, a parameter, a type) says about it, word by word
/// (<see cref="IdentifierWords"/>): a URL named as an identifier or as a link for people is not an endpoint the code
/// calls. Shared by CK1001 in C# and the text scanner's keys. Pure.
/// </summary>
public static class UrlNames
{
    // PackageProjectUrl, RepositoryUrl, PublisherSupportUrl, PrivacyUrl, HomePageUrl, PackageReleaseNotes: metadata about
    // a package or an app, or a page about it.
    private static readonly HashSet<string> MetadataWords = new(System.StringComparer.Ordinal)
    {
        "homepage", "repository", "license", "licence", "icon", "privacy", "publisher", "documentation", "docs", "readme",
        "changelog", "notes", "bugs", "funding", "author", "project", "support",
    };

    // In code "project" and "notes" also name the resources an API manages (ProjectUrl of a tracker); only the words that
    // never name an endpoint count there.
    private static readonly HashSet<string> CodeMetadataWords = new(System.StringComparer.Ordinal)
    {
        "homepage", "license", "licence", "privacy", "documentation", "docs", "readme", "changelog", "funding", "donate", "donation",
        "help", "contact",
    };

    // ValidIssuer, Audience, Scopes, SchemaId, builder.Id(…): the URL names something (a token's issuer, a scope, a schema)
    // and is compared or sent as a value, never requested.
    private static readonly HashSet<string> IdentifyingWords = new(System.StringComparer.Ordinal)
    {
        "scope", "scopes", "audience", "audiences", "issuer", "issuers",
    };

    private static readonly HashSet<string> IdentifierLastWords = new(System.StringComparer.Ordinal)
    {
        "id", "ids", "identifier", "identifiers", "urn",
    };

    /// <summary>A key or name of package or app metadata (<c>homepage</c>, <c>PackageProjectUrl</c>, <c>SupportUrl</c>).</summary>
    public static bool IsMetadataName(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (MetadataWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name in code that says the URL is not an endpoint: an identifier (<c>ValidIssuer</c>, <c>Scopes</c>,
    /// <c>SchemaId</c>, a call <c>Id(…)</c>), a link for people (<c>HelpLink</c>, <c>Links</c>, <c>new ServiceLink(…)</c>) or
    /// a page about the app (<c>HomePageUrl</c>, <c>PrivacyUrl</c>, <c>LicenseUrl</c>, <c>DocsUrl</c>).
    /// </summary>
    public static bool IsNotEndpointName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        if (words.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];

            // HomePageUrl, ChangeLogUrl, ReadMe: a compound written as two words. ExternalUrls, ImdbExternalUrlProvider:
            // links to another site's pages.
            if (IdentifyingWords.Contains(word) || CodeMetadataWords.Contains(word)
                || (i + 1 < words.Count && (CodeMetadataWords.Contains(word + words[i + 1]) || (word == "external" && IsLinkWord(words[i + 1])))))
            {
                return true;
            }
        }

        var last = words[words.Count - 1];
        return IdentifierLastWords.Contains(last) || last == "link" || last == "links" || last == "hyperlink";
    }

    // ImageUrl, LogoUrl, DataImageUrls, AvatarPath: where a page's pictures are, loaded by the reader's browser.
    private static readonly HashSet<string> PictureWords = new(System.StringComparer.Ordinal)
    {
        "image", "images", "img", "imgs", "logo", "logos", "picture", "pictures", "photo", "photos", "avatar", "avatars",
        "thumbnail", "thumbnails",
    };

    // ImageUploadUrl, ImageApiUrl, PhotoServiceEndpoint: a service that takes or serves pictures, called by the code.
    private static readonly HashSet<string> ServiceWords = new(System.StringComparer.Ordinal)
    {
        "upload", "uploads", "uploader", "api", "service", "endpoint", "host", "server", "webhook", "callback",
    };

    /// <summary>
    /// A configuration key naming where pictures are (<c>ImageUrl</c>, <c>PowerImageUrls</c>, <c>LogoUrl</c>): the site's
    /// image folder or a logo, shown to a person, not an endpoint the code calls. A service for pictures
    /// (<c>ImageUploadUrl</c>, <c>ImageApiUrl</c>) is one.
    /// </summary>
    public static bool IsPictureName(string name)
    {
        var picture = false;
        foreach (var word in IdentifierWords.Split(name))
        {
            if (ServiceWords.Contains(word))
            {
                return false;
            }

            picture |= PictureWords.Contains(word);
        }

        return picture;
    }

    private static bool IsLinkWord(string word) => word is "url" or "urls" or "uri" or "uris" or "link" or "links";

    /// <summary>
    /// The view model of an e-mail (<c>InvoiceEmailView</c>, <c>WelcomeMailViewModel</c>): its URLs are the links and images
    /// the message shows, opened by the reader, not endpoints the code calls.
    /// </summary>
    public static bool IsMessageViewName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        if (words.Count < 2)
        {
            return false;
        }

        var last = words[words.Count - 1];
        if (last != "view" && last != "model" && last != "viewmodel")
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word == "mail" || word == "email")
            {
                return true;
            }
        }

        return false;
    }
}
