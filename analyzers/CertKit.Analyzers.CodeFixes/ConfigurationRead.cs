using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CertKit.Analyzers.CodeFixes;

/// <summary>
/// The text that replaces a literal: <c>configuration["Section:Key"]</c> when an <c>IConfiguration</c> is available,
/// else <c>Environment.GetEnvironmentVariable("KEY")</c>, followed by <c>?? throw</c> so a missing setting fails with a
/// message that names it.
/// </summary>
internal sealed class ConfigurationRead
{
    // Class-name endings that say what the class is, not which system it talks to: VenafiClient -> Venafi.
    private static readonly string[] TypeSuffixes =
    {
        "Client", "Service", "Options", "Settings", "Configuration", "Config", "Provider", "Handler", "Connector", "Gateway", "Api",
    };

    private ConfigurationRead(string title, string text)
    {
        Title = title;
        Text = text;
    }

    public string Title { get; }

    public string Text { get; }

    /// <param name="configuration">The expression that names an <c>IConfiguration</c>, or null for the environment.</param>
    /// <param name="literal">The literal replaced; its type names the configuration section.</param>
    /// <param name="words">The words of the name the value is for (<c>ClientSecret</c> → client, secret).</param>
    public static ConfigurationRead Create(string? configuration, SyntaxNode literal, List<string> words)
    {
        string settingName;
        string read;
        string title;
        if (configuration is not null)
        {
            settingName = SectionName(literal) + ":" + PascalCase(words);
            read = configuration + "[" + Quote(settingName) + "]";
            title = $"Read '{settingName}' from configuration";
        }
        else
        {
            settingName = string.Join("_", words).ToUpperInvariant();
            read = "System.Environment.GetEnvironmentVariable(" + Quote(settingName) + ")";
            title = $"Read '{settingName}' from the environment";
        }

        return new ConfigurationRead(title, read + " ?? throw new System.InvalidOperationException(" + Quote(settingName + " is not configured.") + ")");
    }

    // VenafiClient -> "Venafi", CommercetoolsOAuthClient -> "CommercetoolsOAuth", Settings -> "Settings".
    private static string SectionName(SyntaxNode literal)
    {
        var type = literal.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        var name = type?.Identifier.ValueText ?? "App";
        foreach (var suffix in TypeSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private static string PascalCase(List<string> words)
    {
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }

        return builder.ToString();
    }

    private static string Quote(string text) => SyntaxFactory.Literal(text).Text;
}
