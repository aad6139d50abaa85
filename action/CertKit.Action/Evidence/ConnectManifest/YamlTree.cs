using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertKit.Action.Evidence.ConnectManifest;

/// <summary>A YAML node with the line it starts on. Mappings keep every entry in order, duplicates included, so a
/// validator can report them (YamlDotNet's representation model refuses them at load time, without saying where both are).</summary>
internal abstract record YamlTreeNode(int Line);

internal sealed record YamlTreeScalar(int Line, string Value) : YamlTreeNode(Line);

internal sealed record YamlTreeSequence(int Line, IReadOnlyList<YamlTreeNode> Items) : YamlTreeNode(Line);

internal sealed record YamlTreeEntry(string Key, int Line, YamlTreeNode Value);

internal sealed record YamlTreeMapping(int Line, IReadOnlyList<YamlTreeEntry> Entries) : YamlTreeNode(Line)
{
    /// <summary>The first entry named <paramref name="key"/>, or null.</summary>
    public YamlTreeEntry? Find(string key) => Entries.FirstOrDefault(entry => entry.Key == key);
}

/// <summary>Reads one YAML document into <see cref="YamlTreeNode"/>s; a syntax error is a <see cref="CertKitException"/> with the line.</summary>
internal static class YamlTree
{
    private const int MaximumDepth = 64;

    /// <summary>The document's root, or null for an empty document.</summary>
    public static YamlTreeNode? Parse(string text, string name)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, 0, name);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw new CertKitException($"{name}:{parser.Current?.Start.Line}: expected one YAML document, found more");
            }

            return root is YamlTreeScalar { Value: "" } ? null : root;
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? exception.Message;
            var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
            if (marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal))
            {
                message = message[(marker + 3)..];
            }

            throw new CertKitException($"{name}:{exception.Start.Line}: not valid YAML: {message}");
        }
        catch (InvalidOperationException)
        {
            throw new CertKitException($"{name}:{parser.Current?.Start.Line ?? 1}: not valid YAML: an unclosed [ ] or {{ }} list, or a stray quote");
        }
    }

    private static YamlTreeNode ReadNode(IParser parser, int depth, string name)
    {
        if (depth > MaximumDepth)
        {
            throw new CertKitException($"{name}:{parser.Current?.Start.Line}: nested more than {MaximumDepth} levels deep");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlTreeScalar(Line(scalar), scalar.Value);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return new YamlTreeScalar(Line(alias), "*" + alias.Value);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, depth + 1, name));
            }

            return new YamlTreeSequence(Line(sequenceStart), items);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var entries = new List<YamlTreeEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyLine = parser.Current is { } current ? (int)current.Start.Line : 0;
            var key = ReadNode(parser, depth + 1, name);
            var value = ReadNode(parser, depth + 1, name);
            entries.Add(new YamlTreeEntry(key is YamlTreeScalar keyScalar ? keyScalar.Value : string.Empty, keyLine, value));
        }

        return new YamlTreeMapping(Line(mappingStart), entries);
    }

    private static int Line(ParsingEvent parsingEvent) => (int)parsingEvent.Start.Line;
}
