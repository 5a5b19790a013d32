namespace Bulwark.Host.Configuration.Tree;

/// <summary>A list of nodes.</summary>
internal sealed class ConfigSequence(ConfigSource source) : ConfigNode(source)
{
    public List<ConfigNode> Items { get; } = [];

    public override string Describe() => "a list";
}
