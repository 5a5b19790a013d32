using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Reads a strategy's string parameters (keys compared case-insensitively), collecting one problem per bad value under
/// "params.{key}"; a bad or missing value reads as the default. Every value read, given or default, is kept as text in
/// <see cref="Effective"/>, in the form a parameter would be written; a given key never read is unknown.
/// </summary>
internal sealed class StrategyParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrderedDictionary<string, string> _effective = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<StrategyProblem> _problems;

    public StrategyParameters(IReadOnlyDictionary<string, string> values, List<StrategyProblem> problems)
    {
        _problems = problems;
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (!_values.TryAdd(key, value)) Add(key, "given more than once (parameter names ignore case)");
    }

    /// <summary>Every parameter the strategy read, in the order it read them, as written or defaulted ("period" = "10").</summary>
    public IReadOnlyDictionary<string, string> Effective => _effective;

    public int Int(string key, int fallback, int min) =>
        Read(key, fallback, text => ParseInt(text) is { } v && v >= min ? (true, v) : (false, 0), $"expected a whole number >= {min}");

    /// <summary>A whole number, or <paramref name="none"/> (e.g. "auto") for null.</summary>
    public int? OptionalInt(string key, string none, int min) =>
        Read<int?>(key, null, text => text.Equals(none, StringComparison.OrdinalIgnoreCase) ? (true, null)
            : ParseInt(text) is { } v && v >= min ? (true, v) : (false, null),
            $"expected '{none}' or a whole number >= {min}", none);

    /// <summary>A number at least <paramref name="min"/> (above it when <paramref name="exclusive"/>).</summary>
    public decimal Decimal(string key, decimal fallback, decimal min, bool exclusive) =>
        Read(key, fallback, text => ParseDecimal(text) is { } v && (exclusive ? v > min : v >= min) ? (true, v) : (false, 0m),
            $"expected a number {(exclusive ? ">" : ">=")} {min.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A number of either sign (a level measured from a middle).</summary>
    public decimal SignedDecimal(string key, decimal fallback) =>
        Read(key, fallback, text => ParseDecimal(text) is { } v ? (true, v) : (false, 0m), "expected a number");

    /// <summary>A positive number, or <paramref name="none"/> (e.g. "sizer") for null.</summary>
    public decimal? OptionalPositiveDecimal(string key, decimal? fallback, string none) =>
        Read(key, fallback, text => text.Equals(none, StringComparison.OrdinalIgnoreCase) ? (true, null)
            : ParseDecimal(text) is { } v && v > 0m ? (true, v) : (false, (decimal?)null),
            $"expected '{none}' or a number > 0", none);

    public bool Bool(string key, bool fallback) =>
        Read(key, fallback, text => bool.TryParse(text, out var v) ? (true, v) : (false, false), "expected true or false");

    /// <summary>One of the enum's names, ignoring case (numbers and comma lists are not accepted).</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback) where TEnum : struct, Enum
    {
        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        return Read(key, fallback,
            text => ParseInt(text) is null && !text.Contains(',', StringComparison.Ordinal) && System.Enum.TryParse<TEnum>(text, true, out var v)
                ? (true, v) : (false, fallback),
            $"expected one of {names}");
    }

    /// <summary>
    /// Writes what a default of <paramref name="key"/> came to once the other parameters were read (the grid's spacing
    /// when neither spacing is given), so <see cref="Effective"/> shows the value the strategy runs with.
    /// </summary>
    public void Resolve(string key, decimal value) => _effective[key] = Text(value, "");

    /// <summary>Adds a problem for every given key that was never read.</summary>
    public void RejectUnknown(string strategyName)
    {
        var known = string.Join(", ", _effective.Keys.Order(StringComparer.Ordinal));
        foreach (var key in _values.Keys.Where(k => !_effective.ContainsKey(k)).Order(StringComparer.Ordinal))
            Add(key, _effective.Count == 0 ? $"{strategyName} takes no parameters" : $"unknown parameter of {strategyName}; known: {known}");
    }

    /// <summary>Adds <paramref name="problems"/> (keyed by bare parameter name) except for keys that already have one.</summary>
    public void AddValidation(IEnumerable<StrategyProblem> problems)
    {
        var bad = _problems.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in problems)
            if (!bad.Contains(Path(p.Key))) _problems.Add(p with { Key = Path(p.Key) });
    }

    /// <param name="none">How a null value is written (for <see cref="Effective"/>).</param>
    private T Read<T>(string key, T fallback, Func<string, (bool Ok, T Value)> parse, string expected, string none = "")
    {
        var value = fallback;
        if (_values.TryGetValue(key, out var text))
        {
            var (ok, parsed) = parse(text.Trim());
            if (ok) value = parsed;
            else Add(key, $"{expected}, got '{text}'");
        }
        _effective[key] = Text(value, none);
        return value;
    }

    private static string Text<T>(T value, string none) => value switch
    {
        null => none,
        bool b => b ? "true" : "false",
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? none,
    };

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static decimal? ParseDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    private void Add(string key, string message) => _problems.Add(new StrategyProblem(Path(key), message));

    private static string Path(string key) => $"params.{key}";
}
