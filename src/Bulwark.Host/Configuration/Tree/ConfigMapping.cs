namespace Bulwark.Host.Configuration.Tree;

/// <summary>Keys to nodes, in document order. Keys are matched case-insensitively.</summary>
internal sealed class ConfigMapping(ConfigSource source) : ConfigNode(source)
{
    public List<ConfigEntry> Entries { get; } = [];

    public ConfigEntry? Find(string key) =>
        Entries.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public override string Describe() => "a section";
}
