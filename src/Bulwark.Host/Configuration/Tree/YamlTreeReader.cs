using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bulwark.Host.Configuration.Tree;

/// <summary>Parses YAML text into the untyped configuration tree, keeping file and line of every node.</summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Reads <paramref name="text"/>. <paramref name="file"/> names the file in errors; null means
    /// the built-in defaults, whose nodes carry no position. An empty document gives an empty mapping.
    /// </summary>
    public static ConfigMapping? Read(string text, string? file, List<ConfigError> errors)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            errors.Add(new ConfigError("", $"invalid YAML: {e.Message}", file, (int)e.Start.Line));
            return null;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new ConfigError("", "invalid YAML: unexpected end of a list or section (is a '[' or '{' left unclosed?)",
                file, parser.LastLine));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            errors.Add(new ConfigError("", "expected one YAML document, found several (remove the '---')", file,
                (int)second.Start.Line));
            return null;
        }

        if (stream.Documents.Count == 0)
            return new ConfigMapping(new ConfigSource(file, 1, null));

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            errors.Add(new ConfigError("", "expected a section of keys at the top level", file, (int)root.Start.Line));
            return null;
        }

        return ConvertMapping(mapping, "", file, errors);
    }

    private static ConfigNode Convert(YamlNode node, string path, string? file, List<ConfigError> errors) => node switch
    {
        YamlMappingNode m => ConvertMapping(m, path, file, errors),
        YamlSequenceNode s => ConvertSequence(s, path, file, errors),
        YamlScalarNode s => new ConfigScalar(s.Value ?? "", IsNull(s), SourceOf(s, file)),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    private static ConfigMapping ConvertMapping(YamlMappingNode node, string path, string? file, List<ConfigError> errors)
    {
        var result = new ConfigMapping(SourceOf(node, file));
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var keySource = SourceOf(keyNode, file);
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                errors.Add(keySource.Error(path, "a key must be a plain name"));
                continue;
            }

            var existing = result.Find(key);
            if (existing is not null)
            {
                var where = existing.KeySource.Line is { } line ? $" (first at line {line})" : "";
                errors.Add(keySource.Error(KeyPath.Child(path, key), $"duplicate key '{key}'{where}"));
                continue;
            }

            result.Entries.Add(new ConfigEntry(key, keySource, Convert(valueNode, KeyPath.Child(path, key), file, errors)));
        }

        return result;
    }

    private static ConfigSequence ConvertSequence(YamlSequenceNode node, string path, string? file, List<ConfigError> errors)
    {
        var result = new ConfigSequence(SourceOf(node, file));
        foreach (var item in node.Children)
            result.Items.Add(Convert(item, KeyPath.Index(path, result.Items.Count), file, errors));
        return result;
    }

    private static bool IsNull(YamlScalarNode node) =>
        node.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (node.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static ConfigSource SourceOf(YamlNode node, string? file) =>
        file is null ? ConfigSource.Defaults : new ConfigSource(file, (int)node.Start.Line, null);
}
