using System.Globalization;

namespace Bulwark.Host.Configuration.Tree;

/// <summary>
/// Applies <c>BULWARK__Section__Key=value</c> variables on top of the tree: path segments are matched
/// case-insensitively, list items are named by index (the next index after the last appends one).
/// Missing sections are created, so an unknown key becomes an unknown-key error at binding, naming the
/// variable. Variables are applied in ordinal order of their names, so the result never depends on
/// the order the environment lists them in.
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "BULWARK__";
    public const string Separator = "__";

    public static void Apply(ConfigMapping root, IReadOnlyDictionary<string, string> environment, List<ConfigError> errors)
    {
        var setBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var variables = environment.Keys
            .Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var source = ConfigSource.FromVariable(variable);
            var segments = variable[Prefix.Length..].Split(Separator);
            if (segments.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(source.Error("", "has an empty key segment; write BULWARK__Section__Key"));
                continue;
            }

            var target = string.Join(Separator, segments);
            if (!setBy.TryAdd(target, variable))
            {
                errors.Add(source.Error("", $"sets the same key as {setBy[target]}; set it once"));
                continue;
            }

            if (Set(root, segments, environment[variable], source) is { } error)
                errors.Add(error);
        }
    }

    private static ConfigError? Set(ConfigMapping root, string[] segments, string value, ConfigSource source)
    {
        ConfigNode current = root;
        var path = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var next = i == segments.Length - 1 ? null : segments[i + 1];
            ConfigNode? existing;
            Action<ConfigNode> store;
            switch (current)
            {
                case ConfigMapping mapping:
                {
                    var entry = mapping.Find(segments[i]);
                    path = KeyPath.Child(path, entry?.Key ?? segments[i]);
                    if (entry is null)
                    {
                        entry = new ConfigEntry(segments[i], source, Create(next, value, source));
                        mapping.Entries.Add(entry);
                        existing = null;
                    }
                    else
                    {
                        existing = entry.Value;
                    }

                    store = node => entry.Value = node;
                    current = entry.Value;
                    break;
                }

                case ConfigSequence sequence:
                {
                    if (!IsIndex(segments[i]))
                        return source.Error(path, $"is a list: expected an item index, got '{segments[i]}'");
                    var index = int.Parse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture);
                    if (index > sequence.Items.Count)
                        return source.Error(path, $"has {sequence.Items.Count} item(s): index {index} is out of range");
                    path = KeyPath.Index(path, index);
                    if (index == sequence.Items.Count)
                    {
                        sequence.Items.Add(Create(next, value, source));
                        existing = null;
                    }
                    else
                    {
                        existing = sequence.Items[index];
                    }

                    store = node => sequence.Items[index] = node;
                    current = sequence.Items[index];
                    break;
                }

                default:
                    return source.Error(path, "is a single value, not a section or list");
            }

            if (existing is null)
                continue;
            var (replacement, error) = Overwrite(existing, next, value, source, path);
            if (error is not null)
                return error;
            if (replacement is not null)
            {
                store(replacement);
                current = replacement;
            }
        }

        return null;
    }

    /// <summary>A new node for a segment: the value if it is the last, else a list or section for what follows.</summary>
    private static ConfigNode Create(string? next, string value, ConfigSource source) =>
        next is null ? new ConfigScalar(value, false, source)
        : IsIndex(next) ? new ConfigSequence(source)
        : new ConfigMapping(source);

    /// <summary>
    /// What to do with a node the variable passes through or lands on: a value replaces a single value;
    /// a YAML null gives way to whatever the variable needs; a section or list is walked into (null, null).
    /// </summary>
    private static (ConfigNode? Replacement, ConfigError? Error) Overwrite(ConfigNode existing, string? next, string value,
        ConfigSource source, string path) => (existing, next) switch
    {
        (ConfigScalar, null) => (new ConfigScalar(value, false, source), null),
        (ConfigScalar { IsNull: true }, _) => (Create(next, value, source), null),
        (ConfigScalar, _) => (null, source.Error(path, "is a single value, not a section or list")),
        (ConfigMapping, null) => (null, source.Error(path, $"is a section: set its keys, as in {source.Variable}__<Key>")),
        (ConfigSequence, null) => (null, source.Error(path, $"is a list: set its items, as in {source.Variable}__0")),
        _ => (null, null),
    };

    private static bool IsIndex(string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
