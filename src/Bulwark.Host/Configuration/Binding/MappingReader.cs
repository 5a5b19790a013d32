using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>
/// Reads the keys of one section. Every key asked for becomes a known key; <see cref="Finish"/> reports
/// the keys nobody asked for, with the closest known key as a suggestion. A value that is missing,
/// null or wrong reads as the fallback, after recording an error for a wrong one, so that binding goes
/// on and every error is found in one pass.
/// </summary>
internal sealed class MappingReader
{
    private readonly BindContext _context;
    private readonly ConfigMapping? _mapping;
    private readonly List<string> _known = [];

    private MappingReader(BindContext context, ConfigMapping? mapping, string path, ConfigSource source)
    {
        _context = context;
        _mapping = mapping;
        Path = path;
        Source = source;
    }

    /// <summary>Key path of the section itself.</summary>
    public string Path { get; }

    /// <summary>Where the section is (or, if absent, where its parent is).</summary>
    public ConfigSource Source { get; }

    public BindContext Context => _context;

    /// <summary>
    /// A reader over <paramref name="node"/>. Null or a YAML null reads as an empty section; anything
    /// else that is not a section is an error and also reads as empty.
    /// </summary>
    public static MappingReader Open(BindContext context, ConfigNode? node, string path, ConfigSource fallbackSource)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                return new MappingReader(context, mapping, path, mapping.Source);
            case null or ConfigScalar { IsNull: true }:
                return new MappingReader(context, null, path, node?.Source ?? fallbackSource);
            default:
                context.Error(node.Source, path, $"expected a section of keys, got {node.Describe()}");
                return new MappingReader(context, null, path, node.Source);
        }
    }

    public string PathOf(string key) => KeyPath.Child(Path, key);

    /// <summary>The node under <paramref name="key"/> (case-insensitive); null if absent or a YAML null.</summary>
    public ConfigNode? Node(string key)
    {
        _known.Add(key);
        var value = _mapping?.Find(key)?.Value;
        return value is ConfigScalar { IsNull: true } ? null : value;
    }

    /// <summary>Where the value of <paramref name="key"/> is, or the section if the key is absent.</summary>
    public ConfigSource SourceOf(string key) => _mapping?.Find(key)?.Value.Source ?? Source;

    public bool Has(string key) => Node(key) is not null;

    /// <summary>The section's keys as written, in order: for a section whose keys are names (a group's, a symbol's).</summary>
    public IReadOnlyList<string> Keys => _mapping is null ? [] : [.. _mapping.Entries.Select(e => e.Key)];

    /// <summary>The value of <paramref name="key"/>, or <paramref name="fallback"/> if absent or invalid.</summary>
    public T Value<T>(string key, T fallback, ValueKind<T> kind, Func<T, string?>? check = null)
    {
        var node = Node(key);
        if (node is null)
            return fallback;
        return ScalarReader.TryRead(_context, node, PathOf(key), kind, check, out var value) ? value : fallback;
    }

    /// <summary>Like <see cref="Value{T}"/>, and an error "is required" when the key is absent.</summary>
    public T Required<T>(string key, T fallback, ValueKind<T> kind, Func<T, string?>? check = null)
    {
        if (Node(key) is null)
        {
            _context.Error(Source, PathOf(key), "is required");
            return fallback;
        }

        return Value(key, fallback, kind, check);
    }

    /// <summary>A nested section; read it, then call <see cref="Finish"/> on it.</summary>
    public MappingReader Section(string key) => Open(_context, Node(key), PathOf(key), Source);

    /// <summary>A list of scalars; an absent key reads as an empty list.</summary>
    public IReadOnlyList<T> List<T>(string key, ValueKind<T> kind, Func<T, string?>? check = null) =>
        Items(key, (node, path) =>
            ScalarReader.TryRead(_context, node, path, kind, check, out var value) ? (true, value) : (false, default!));

    /// <summary>
    /// A list of sections, each bound by <paramref name="bind"/> and finished; an absent key reads as an
    /// empty list. An item that is not a section is an error and left out, so it does not also produce
    /// an error for every key it lacks.
    /// </summary>
    public IReadOnlyList<T> Sections<T>(string key, Func<MappingReader, T> bind) =>
        Items(key, (node, path) =>
        {
            if (node is not ConfigMapping)
            {
                _context.Error(node.Source, path, $"expected a section of keys, got {node.Describe()}");
                return (false, default!);
            }

            var reader = Open(_context, node, path, node.Source);
            var value = bind(reader);
            reader.Finish();
            return (true, value);
        });

    /// <summary>
    /// A section of free-form keys to values (strategy parameters): any key is accepted, values must be
    /// single values; a YAML null reads as an empty string. Keys compare case-insensitively.
    /// </summary>
    public IReadOnlyDictionary<string, string> Dictionary(string key)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (Node(key))
        {
            case null:
                break;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value is ConfigScalar scalar)
                        result[entry.Key] = scalar.IsNull ? "" : scalar.Value;
                    else
                        _context.Error(entry.Value.Source, KeyPath.Child(PathOf(key), entry.Key),
                            $"expected a single value, got {entry.Value.Describe()}");
                }

                break;
            case var other:
                _context.Error(other.Source, PathOf(key), $"expected a section of keys, got {other.Describe()}");
                break;
        }

        return result;
    }

    /// <summary>Whether <paramref name="key"/> holds a list (or nothing), i.e. its items can be trusted for cross-checks.</summary>
    public bool IsListOrAbsent(string key) => Node(key) is null or ConfigSequence;

    /// <summary>
    /// Records "<paramref name="message"/>" at <paramref name="key"/> when it is absent or an empty list;
    /// a list with items that failed to bind, or something that is not a list, has had its error already.
    /// </summary>
    public void RequireItems(string key, string message = "at least one entry is required")
    {
        if (Node(key) is null or ConfigSequence { Items.Count: 0 })
            _context.Error(SourceOf(key), PathOf(key), message);
    }

    /// <summary>Reports every key of the section that was never asked for.</summary>
    public void Finish()
    {
        if (_mapping is null)
            return;
        foreach (var entry in _mapping.Entries)
        {
            if (_known.Exists(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase)))
                continue;
            var suggestion = KeySuggester.Closest(entry.Key, _known);
            var hint = suggestion is null
                ? $"; known keys: {string.Join(", ", _known.Distinct())}"
                : $"; did you mean '{suggestion}'?";
            _context.Error(entry.KeySource, PathOf(entry.Key), $"unknown key '{entry.Key}'{hint}");
        }
    }

    private List<T> Items<T>(string key, Func<ConfigNode, string, (bool Ok, T Value)> bindItem)
    {
        var result = new List<T>();
        switch (Node(key))
        {
            case null:
                break;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var (ok, value) = bindItem(sequence.Items[i], KeyPath.Index(PathOf(key), i));
                    if (ok)
                        result.Add(value);
                }

                break;
            case var other:
                _context.Error(other.Source, PathOf(key), $"expected a list, got {other.Describe()}");
                break;
        }

        return result;
    }
}
