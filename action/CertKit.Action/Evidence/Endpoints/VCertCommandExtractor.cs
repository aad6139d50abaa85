using System.Text.RegularExpressions;

namespace CertKit.Action.Evidence.Endpoints;

/// <summary>
/// VCert command lines (Venafi's CLI) in code and scripts: <c>vcert enroll …</c>, <c>Process.Start("vcert", "pickup …")</c>,
/// <c>spawn('vcert', ['renew', …])</c>. Each is one "VCert function" in the inventory Venafi asks for.
/// </summary>
internal static partial class VCertCommandExtractor
{
    public static List<EndpointCall> Extract(string file, string text)
    {
        var calls = new List<EndpointCall>();
        if (!text.Contains("vcert", StringComparison.OrdinalIgnoreCase))
        {
            return calls;
        }

        var lines = ScriptText.LineStarts(text);
        foreach (Match match in Command().Matches(text))
        {
            var line = ScriptText.LineOf(text, match.Index, lines);
            calls.Add(new EndpointCall(EndpointKind.VCert, null, "vcert " + match.Groups["function"].Value.ToLowerInvariant(), null, null, new EndpointSite(file, line)));
        }

        return calls;
    }

    // vcert, vcert.exe or a path ending in one, then (past quotes, commas, an opening bracket, on the same line) the function.
    [GeneratedRegex(@"(?<![\w-])vcert(?:\.exe)?\b[""'`]?\s*(?:[,\[(]\s*)*(?:new\s*\[\]\s*\{\s*|\[\s*)?[""'`@]?\s*(?<function>enroll|pickup|renew|revoke|retire|gencsr|getcred|checkcred|voidcred|sshpickup|sshenroll|sshgetconfig|getpolicy|setpolicy|generate|run|playbook)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
