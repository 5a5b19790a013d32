using System.Globalization;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>
/// One side's yearly financing rates as --financing-long or --financing-short gave them (repeatable): a rate every
/// instrument pays (<c>P</c>, once), and symbols' own (<c>SYMBOL=P</c>: a hard-to-borrow share's fee, one pair's swap).
/// </summary>
internal sealed record FinancingSide(decimal Percent, IReadOnlyDictionary<string, decimal> BySymbol)
{
    public static readonly FinancingSide None = new(0m, new Dictionary<string, decimal>(StringComparer.Ordinal));

    /// <summary>The side's rate for <paramref name="symbol"/>: its own, else the one for every instrument.</summary>
    public decimal For(string symbol) => BySymbol.TryGetValue(symbol, out var percent) ? percent : Percent;

    /// <exception cref="UsageException">An entry is neither P nor SYMBOL=P, a rate is outside [-100, 100], or one is given twice.</exception>
    public static FinancingSide Parse(string option, IReadOnlyList<string> entries)
    {
        decimal? all = null;
        var bySymbol = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var symbol = eq >= 0 ? entry[..eq].Trim() : null;
            var text = (eq >= 0 ? entry[(eq + 1)..] : entry).Trim();
            if (symbol is { Length: 0 } || !decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out var percent))
                throw new UsageException($"{option} '{entry}': expected a yearly percent P for every instrument or SYMBOL=P for one, e.g. 3 or GME=35");
            if (!FinancingRates.IsValid(percent))
                throw new UsageException(symbol is null
                    ? $"{option} must be a yearly percent in [-100, 100] (was {Text(percent)})"
                    : $"{option} '{entry}': {symbol}'s rate must be a yearly percent in [-100, 100] (was {Text(percent)})");
            if (symbol is null)
            {
                if (all is not null) throw new UsageException($"{option}: two rates for every instrument ({Text(all.Value)} and {Text(percent)}); give one, and SYMBOL=P for a symbol's own");
                all = percent;
            }
            else if (!bySymbol.TryAdd(symbol, percent))
                throw new UsageException($"{option}: two rates for {symbol} ({Text(bySymbol[symbol])} and {Text(percent)})");
        }
        return new FinancingSide(all ?? 0m, bySymbol);
    }

    /// <summary>
    /// Both sides' rates for the symbols either names: each with its own rate on the side that gives one, the rate for
    /// every instrument on the other.
    /// </summary>
    /// <exception cref="UsageException">A symbol is not an instrument of the run; the message lists them.</exception>
    public static Dictionary<string, FinancingRates> BySymbolOf(FinancingSide longs, FinancingSide shorts, ICollection<string> symbols)
    {
        var rates = new Dictionary<string, FinancingRates>(StringComparer.Ordinal);
        foreach (var (side, option) in new[] { (longs, "--financing-long"), (shorts, "--financing-short") })
            foreach (var symbol in side.BySymbol.Keys)
            {
                if (!symbols.Contains(symbol))
                    throw new UsageException($"{option} {symbol}=...: {symbol} is not an instrument of this run; its instruments: {string.Join(", ", symbols)}");
                rates[symbol] = new FinancingRates(longs.For(symbol), shorts.For(symbol));
            }
        return rates;
    }

    /// <summary>A signed number with a decimal point and nothing else: "1,5" is no rate (not 15), nor is 1e2.</summary>
    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
