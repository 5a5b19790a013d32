namespace Bulwark.Host.Configuration.Tree;

/// <summary>One key of a mapping, with where the key itself was written.</summary>
internal sealed class ConfigEntry(string key, ConfigSource keySource, ConfigNode value)
{
    public string Key { get; } = key;

    public ConfigSource KeySource { get; } = keySource;

    public ConfigNode Value { get; set; } = value;
}
