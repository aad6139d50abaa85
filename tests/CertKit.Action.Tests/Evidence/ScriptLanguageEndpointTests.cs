using CertKit.Action.Evidence.Endpoints;
using CertKit.Action.Tests.Scanning;

namespace CertKit.Action.Tests.Evidence;

/// <summary>PowerShell and Python REST calls are listed with their sites; vcert and calls in comments or docstrings are not.</summary>
public sealed class ScriptLanguageEndpointTests
{
    private static async Task<List<string>> InventoryAsync(params (string Path, string Text)[] files)
    {
        using var repo = TempRepository.Create(git: false);
        foreach (var (path, text) in files)
        {
            repo.Write(path, text);
        }

        var report = await EndpointInventory.ScanAsync(repo.Root, CancellationToken.None);
        return report.Endpoints
            .SelectMany(e => e.Sites.Select(s => (Site: s, Endpoint: e)))
            .OrderBy(x => x.Site.File, StringComparer.Ordinal).ThenBy(x => x.Site.Line)
            .Select(x => $"{x.Site.File}:{x.Site.Line} {x.Endpoint.Display}{(x.Endpoint.Base is null ? string.Empty : " @ " + x.Endpoint.Base)}")
            .ToList();
    }

    [Fact]
    public async Task PowerShellInvokeRestMethodAndInvokeWebRequest()
    {
        const string script = """
            <#
            .SYNOPSIS
              Invoke-RestMethod -Uri "$TppUrl/vedsdk/certificates/retire" -Method Post   (documentation, not a call)
              vcert enroll --help
            #>
            param([string]$TppUrl)
            # Invoke-RestMethod -Uri "$TppUrl/vedsdk/commented" -Method Delete
            $token = Invoke-RestMethod -Uri "$TppUrl/vedsdk/authorize/oauth" -Method Post -Body $body
            $certs = Invoke-RestMethod "$TppUrl/vedsdk/certificates/$($cert.Guid)" -Headers $headers
            Invoke-WebRequest -Uri $retrieveUrl -Method:Get `
                -OutFile cert.pem
            irm @params
            $note = "Invoke-RestMethod is the cmdlet # not a comment"
            & vcert pickup --id $id
            """;

        Assert.Equal(
            [
                "Connect-Tpp.ps1:8 POST /vedsdk/authorize/oauth @ TppUrl",
                "Connect-Tpp.ps1:9 GET /vedsdk/certificates/{guid} @ TppUrl",
                "Connect-Tpp.ps1:10 GET Invoke-WebRequest $retrieveUrl",
                "Connect-Tpp.ps1:12 GET irm @params",
                "Connect-Tpp.ps1:14 vcert pickup",
            ],
            await InventoryAsync(("Connect-Tpp.ps1", script)));
    }

    [Fact]
    public async Task PythonRequestsAndHttpxCallsButNotDocstringsOrComments()
    {
        const string module = """
            '''Venafi client.

            Example: requests.get(f"{base}/vedsdk/example")   and   vcert enroll
            '''
            import requests, httpx

            # requests.delete(f"{base}/vedsdk/commented")
            def authorize(base, body):
                '''Calls requests.post(base + "/vedsdk/docstring").'''
                return requests.post(f"{base}/vedsdk/authorize/oauth", json=body)

            def certificate(base, guid):
                session = requests.Session()
                return session.get(base + "/vedsdk/certificates/" + guid, timeout=10)

            def retire(url):
                with httpx.Client() as client:
                    return httpx.request("POST", url=url)

            subprocess.run(["vcert", "renew", "--id", guid])  # vcert revoke in a comment
            """;

        Assert.Equal(
            [
                "venafi.py:10 POST /vedsdk/authorize/oauth @ base",
                "venafi.py:14 GET /vedsdk/certificates/{guid} @ base",
                "venafi.py:18 POST httpx.request(url)",
                "venafi.py:20 vcert renew",
            ],
            await InventoryAsync(("venafi.py", module)));
    }

    [Fact]
    public async Task VCertInACSharpCommentIsNotAFunctionTheIntegrationUses()
    {
        const string code = """
            public static class Renew
            {
                // Old way: Process.Start("vcert", "enroll --cn x");
                /* vcert revoke was removed */
                public static void Run() => System.Diagnostics.Process.Start("vcert", "renew --id x // not a comment");
            }
            """;

        Assert.Equal(["Renew.cs:5 vcert renew"], await InventoryAsync(("Renew.cs", code)));
    }
}
