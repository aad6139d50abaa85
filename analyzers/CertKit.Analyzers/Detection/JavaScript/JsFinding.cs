namespace CertKit.Analyzers.Detection.JavaScript;

/// <summary>A finding of a JS/TS query: the flagged span in the text and the arguments of the rule's message.</summary>
public readonly struct JsFinding
{
    public JsFinding(int start, int length, string subject, string target)
    {
        Start = start;
        Length = length;
        Subject = subject;
        Target = target;
    }

    public int Start { get; }

    public int Length { get; }

    /// <summary>What is flagged: <c>console.log</c>, <c>payment.cardLast4</c>, <c>rejectUnauthorized: false</c>.</summary>
    public string Subject { get; }

    /// <summary>Where it goes (<c>console.log</c>, <c>localStorage</c>); empty when the message has one argument.</summary>
    public string Target { get; }
}
