using CertKit.Analyzers.Detection.JavaScript;

namespace CertKit.Analyzers.Tests.Detection.JavaScript;

public class ConsoleOutputQueryTests
{
    [Theory]
    [InlineData("console.log", true)]
    [InlineData("globalThis.console.table", true)]
    [InlineData("window.console.error", true)]
    [InlineData("process.stdout.write", true)]
    [InlineData("process.stderr.write", true)]
    [InlineData("console", false)]
    [InlineData("console.log.bind", false)]
    [InlineData("logger.log", false)]
    [InlineData("stream.write", false)]
    public void Output_calls_by_callee(string callee, bool expected) => Assert.Equal(expected, ConsoleOutputQuery.IsOutput(callee));

    [Fact]
    public void Finds_calls_and_debugger_with_exact_spans()
    {
        const string text = "if (x) { debugger; }\nconsole.info(a, b);";
        var findings = new List<JsFinding>();
        ConsoleOutputQuery.Find(JsSource.Parse(text, JsDialect.TypeScript), outputAllowed: false, findings);
        Assert.Equal(["debugger@9", "console.info@21"], findings.Select(f => f.Subject + "@" + f.Start));
        Assert.Equal("console.info(a, b)", text.Substring(findings[1].Start, findings[1].Length));

        findings.Clear();
        ConsoleOutputQuery.Find(JsSource.Parse(text, JsDialect.TypeScript), outputAllowed: true, findings);
        Assert.Equal(["debugger"], findings.Select(f => f.Subject));
    }
}
