using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// Jumps between one bar's close and the next bar's open of the same symbol that look like a split left unadjusted
/// (a fall of 40 % or more, or the mirror rise of 67 % or more): a backtest would trade them as a crash or a rally.
/// </summary>
internal static class PriceJumps
{
    private const decimal Low = 0.6m;
    private const decimal High = 1m / Low;

    /// <summary>Each jump as "SYMBOL: close C (time) to open O (time), -50.0 %", in time order, with how many there are in all.</summary>
    public static (IReadOnlyList<string> First, int Count) Find(IReadOnlyList<Bar> bars, int max)
    {
        var last = new Dictionary<string, Bar>(StringComparer.Ordinal);
        var first = new List<string>();
        var count = 0;
        foreach (var bar in bars)
        {
            if (last.TryGetValue(bar.Symbol, out var before) && before.Close > 0m)
            {
                var ratio = bar.Open / before.Close;
                if (ratio <= Low || ratio >= High)
                {
                    if (count++ < max)
                        first.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{bar.Symbol}: close {before.Close} ({BarTimeText.Of(before.Time)}) to open {bar.Open} ({BarTimeText.Of(bar.Time)}), {ratio - 1m:+0.0%;-0.0%}"));
                }
            }
            last[bar.Symbol] = bar;
        }
        return (first, count);
    }

    /// <summary>Says on standard error what <see cref="Find"/> found, with the remedy; nothing when there is none.</summary>
    public static void Warn(IReadOnlyList<Bar> bars)
    {
        const int Shown = 3;
        var (first, count) = Find(bars, Shown);
        if (count == 0) return;
        foreach (var jump in first) Console.Error.WriteLine($"bulwark: price jump {jump}");
        if (count > Shown) Console.Error.WriteLine($"bulwark: ... and {count - Shown} more price jumps");
        Console.Error.WriteLine("bulwark: a jump like this is usually a split (or a large dividend) the prices were not adjusted for; " +
            "--adjusted adjusts them by the file's Adj Close column");
    }

}
