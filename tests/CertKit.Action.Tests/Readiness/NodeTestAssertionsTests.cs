using CertKit.Action.Readiness.Checks;

namespace CertKit.Action.Tests.Readiness;

/// <summary>What a JS/TS test file asserts: real assertions, and placeholders with their lines (cases from Connect repositories).</summary>
public sealed class NodeTestAssertionsTests
{
    [Theory]
    [InlineData("expect(1).toBe(1);", 1)]
    [InlineData("  expect({}).toStrictEqual({});", 1)]
    [InlineData("expect('stripe-signature').toEqual('stripe-signature');", 1)]
    [InlineData("assert(true);", 1)]
    [InlineData("assert.strictEqual(1, 1);", 1)]
    [InlineData("it.todo('refunds');", 1)]
    [InlineData("//@todo: implement tests", 1)]
    [InlineData("    // Please customize test cases below", 1)]
    [InlineData("const result = {};\nexpect(result).toStrictEqual({});", 2)]
    public void Placeholders_are_found_at_their_line(string text, int line)
    {
        var read = NodeTestAssertions.Read(text);

        Assert.Equal(0, read.Assertions);
        Assert.Equal(line, Assert.Single(read.Placeholders).Line);
    }

    [Theory]
    [InlineData("expect(overdueOrders(orders, 7, now)).toEqual(['a']);")]
    [InlineData("assert.strictEqual(parseReminderDays(undefined), 7);")]
    [InlineData("expect(() => assert(true, 'This should not throw')).not.toThrow();")]
    [InlineData("await request(app).get('/health').expect(200);")]
    [InlineData("let result = {};\nresult = handle(event);\nexpect(result).toEqual({ ok: true });")]
    public void Assertions_about_the_code_are_not_placeholders(string text)
    {
        var read = NodeTestAssertions.Read(text);

        Assert.Equal(1, read.Assertions);
        Assert.Empty(read.Placeholders);
    }
}
