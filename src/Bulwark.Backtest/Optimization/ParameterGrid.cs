using System.Globalization;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Strategy parameters to search, parsed from `--param` arguments: `k=v` (fixed), `k=a..b` (a to b inclusive in
/// steps of 1), `k=a..b:step` (decimals too: `spacingPercent=0.5..2:0.25`), `k=v1|v2|v3` (a list). The combinations are the Cartesian product in a fixed order:
/// parameters in the order given, the last one varying fastest, each parameter's values in the order written.
/// </summary>
public sealed class ParameterGrid
{
    /// <summary>More combinations than this is almost certainly a typo in a range.</summary>
    public const int MaxCombinations = 1_000_000;

    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _axes;
    private readonly int[]? _sample;

    private ParameterGrid(List<KeyValuePair<string, IReadOnlyList<string>>> axes, int[]? sample = null, int? seed = null, int? accepted = null)
    {
        _axes = axes;
        long count = 1;
        foreach (var axis in axes) count *= axis.Value.Count;
        Count = (int)count;
        _sample = sample;
        Seed = seed;
        Accepted = accepted;
    }

    /// <summary>Each parameter with its values, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Axes => _axes;

    /// <summary>Number of combinations (1 for an empty grid: the strategy's defaults), sampled or not.</summary>
    public int Count { get; }

    /// <summary>The combinations to run: all of them, or the sample's (<see cref="Sample(int, int)"/>).</summary>
    public int Runs => _sample?.Length ?? Count;

    /// <summary>Whether only a random sample of the combinations runs.</summary>
    public bool IsSample => _sample is not null;

    /// <summary>The seed the sample was drawn with, which draws it again; null when the whole grid runs.</summary>
    public int? Seed { get; }

    /// <summary>
    /// How many combinations the sample was drawn from when it was drawn only among those the strategy accepts (see
    /// <see cref="Sample(int, int, Func{int, bool})"/>); null otherwise.
    /// </summary>
    public int? Accepted { get; }

    /// <summary>The grid index of run <paramref name="run"/> (0 ≤ run &lt; <see cref="Runs"/>): a sample runs in grid order.</summary>
    public int RunIndex(int run)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(run, Runs);
        return _sample?[run] ?? run;
    }

    /// <summary>
    /// The same grid with only <paramref name="size"/> of its combinations to run, drawn uniformly without replacement
    /// (Floyd's method, so a sample of 200 from a million combinations keeps 200 numbers, not a million) by a generator
    /// seeded with <paramref name="seed"/>: the same seed and grid draw the same sample. The runs keep their grid indices,
    /// so a plateau reads the neighbours that were drawn. A size of <see cref="Count"/> or more runs the whole grid.
    /// </summary>
    public ParameterGrid Sample(int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (size >= Count) return new ParameterGrid(_axes);
        return new ParameterGrid(_axes, [.. Draw(size, Count, seed).Order()], seed);
    }

    /// <summary>
    /// As <see cref="Sample(int, int)"/>, drawn only among the combinations <paramref name="accepts"/> (by grid index): a
    /// strategy that refuses most of a grid (ema-cloud's clouds in the wrong order) still gets <paramref name="size"/>
    /// runs. Every combination is asked once. The whole grid when no fewer than <paramref name="size"/> are accepted.
    /// </summary>
    public ParameterGrid Sample(int size, int seed, Func<int, bool> accepts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(accepts);
        var pool = new List<int>();
        for (var i = 0; i < Count; i++)
            if (accepts(i)) pool.Add(i);
        if (size >= pool.Count) return new ParameterGrid(_axes, accepted: pool.Count);
        return new ParameterGrid(_axes, [.. Draw(size, pool.Count, seed).Select(p => pool[p]).Order()], seed, pool.Count);
    }

    /// <summary><paramref name="size"/> distinct numbers of 0 to <paramref name="of"/> - 1, uniformly (Floyd's method).</summary>
    private static HashSet<int> Draw(int size, int of, int seed)
    {
        var random = new Random(seed);
        var drawn = new HashSet<int>(size);
        for (var j = of - size; j < of; j++)
        {
            var t = random.Next(j + 1);
            drawn.Add(drawn.Contains(t) ? j : t);
        }
        return drawn;
    }

    /// <exception cref="FormatException">An argument is malformed; the message quotes it.</exception>
    public static ParameterGrid Parse(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var axes = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        long count = 1;
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || string.IsNullOrWhiteSpace(argument[..eq]))
                throw Bad(argument, "expected key=value, key=a..b[:step] or key=v1|v2");
            var key = argument[..eq].Trim();
            if (axes.Exists(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)))
                throw Bad(argument, $"parameter '{key}' is given twice");
            var values = Values(argument, key, argument[(eq + 1)..].Trim());
            count *= values.Count;
            if (count > MaxCombinations)
                throw Bad(argument, $"the grid would have more than {MaxCombinations:N0} combinations");
            axes.Add(new(key, values));
        }
        return new ParameterGrid(axes);
    }

    /// <summary>The parameters of combination <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public IReadOnlyDictionary<string, string> Combination(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var digits = new int[_axes.Count];
        for (var i = _axes.Count - 1; i >= 0; i--)
        {
            var n = _axes[i].Value.Count;
            digits[i] = index % n;
            index /= n;
        }
        for (var i = 0; i < _axes.Count; i++) result[_axes[i].Key] = _axes[i].Value[digits[i]];
        return result;
    }

    /// <summary>Every combination, in grid order.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> Combinations()
    {
        for (var i = 0; i < Count; i++) yield return Combination(i);
    }

    private static List<string> Values(string argument, string key, string text)
    {
        if (text.Length == 0) throw Bad(argument, "the value is empty");
        if (text.Contains('|', StringComparison.Ordinal))
        {
            var items = text.Split('|', StringSplitOptions.TrimEntries);
            if (items.Any(i => i.Length == 0)) throw Bad(argument, "a list item is empty");
            if (items.Distinct(StringComparer.Ordinal).Count() != items.Length) throw Bad(argument, "a list item is repeated");
            return [.. items];
        }
        if (text.Contains(',', StringComparison.Ordinal))
            throw Bad(argument, $"a list of values is written with '|', not ',': {key}={text.Replace(',', '|')}");
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return [text];

        var colon = text.IndexOf(':', dots);
        var from = Number(argument, text[..dots], "range start");
        var to = Number(argument, colon < 0 ? text[(dots + 2)..] : text[(dots + 2)..colon], "range end");
        var step = colon < 0 ? 1m : Number(argument, text[(colon + 1)..], "step");
        if (step <= 0m) throw Bad(argument, "the step must be > 0");
        if (to < from) throw Bad(argument, $"the range end {to} is below its start {from}");
        if ((to - from) / step >= MaxCombinations) throw Bad(argument, $"the range has more than {MaxCombinations:N0} values");
        var values = new List<string>();
        // Decimal steps are exact (0.1..0.3:0.1 is 0.1, 0.2, 0.3); values are written without trailing zeros.
        for (var v = from; v <= to; v += step) values.Add(Text(v));
        return values;
    }

    private static decimal Number(string argument, string text, string what) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(argument, $"{what} '{text.Trim()}' is not a number");

    /// <summary>The value as a parameter takes it: 2 rather than 2.0, 0.5 rather than 0.50.</summary>
    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static FormatException Bad(string argument, string reason) => new($"--param '{argument}': {reason}");
}
