namespace Bulwark.Host.Configuration.Binding;

/// <summary>Reads a <c>type</c> key that picks one of a fixed set of implementations.</summary>
internal static class TypeName
{
    /// <summary>
    /// The type in lowercase (<paramref name="fallback"/> when absent), or null after an error listing the
    /// supported types.
    /// </summary>
    public static string? Read(MappingReader reader, string key, string fallback, IReadOnlyList<string> supported, string what)
    {
        var node = reader.Node(key);
        if (node is null)
            return fallback;
        if (!ScalarReader.TryRead(reader.Context, node, reader.PathOf(key), ValueKinds.Text, null, out var text))
            return null;
        var value = text.Trim().ToLowerInvariant();
        if (supported.Contains(value))
            return value;
        reader.Context.Error(reader.SourceOf(key), reader.PathOf(key),
            $"unsupported {what} type '{value}'; supported: {string.Join(", ", supported)}");
        return null;
    }
}
