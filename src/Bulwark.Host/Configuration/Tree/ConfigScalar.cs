namespace Bulwark.Host.Configuration.Tree;

/// <summary>A single value. A YAML null (<c>~</c>, <c>null</c> or nothing) has <see cref="IsNull"/> set.</summary>
internal sealed class ConfigScalar(string value, bool isNull, ConfigSource source) : ConfigNode(source)
{
    public string Value { get; } = value;

    public bool IsNull { get; } = isNull;

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}
