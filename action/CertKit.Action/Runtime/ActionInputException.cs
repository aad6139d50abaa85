namespace CertKit.Action.Runtime;

/// <summary>An input that is missing or not valid; the message is one line fit for an <c>::error::</c>.</summary>
public sealed class ActionInputException(string message) : Exception(message);
