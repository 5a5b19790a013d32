namespace Bulwark.Host.Configuration.Tree;

/// <summary>
/// A node of the untyped configuration tree: what the YAML file (or the built-in defaults) said,
/// with environment overrides applied on top, before it is bound to typed options.
/// </summary>
internal abstract class ConfigNode(ConfigSource source)
{
    public ConfigSource Source { get; } = source;

    /// <summary>What the node is, for "expected X, got Y" messages.</summary>
    public abstract string Describe();
}
