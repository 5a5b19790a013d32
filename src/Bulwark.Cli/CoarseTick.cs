using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// Data whose prices are not on the instrument's tick (prices in cents against --tick-size 0.25, a currency pair quoted
/// to five places against a configured tickSize of 0.01) has every fill and limit price rounded to the tick: said on
/// standard error before the run, with the first such price, since the result then trades prices the data never had.
/// A research run checks only a --tick-size it was given: its default ticks are the market's (cents for shares, whatever
/// places an adjusted file has) or, for pairs and coins, the data's own step.
/// </summary>
internal static class CoarseTick
{
    /// <param name="setting">Where the ticks were set, for the message: --tick-size or the configuration key.</param>
    public static void Warn(BacktestInputs inputs, IEnumerable<Instrument> instruments, string setting)
    {
        // Prices written in steps that are whole ticks (cents on a tick of 0.01) are all on it: no need to look at each.
        var toCheck = instruments.Where(i => !(inputs.PriceSteps.TryGetValue(i.Symbol, out var step) && step >= i.TickSize && step % i.TickSize == 0m))
            .ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        if (toCheck.Count > 0) Warn(inputs.Bars.Concat(inputs.WarmUp), toCheck, setting);
    }

    /// <summary>Looks at every bar of <paramref name="instruments"/>' symbols once; says each symbol's first price off its tick.</summary>
    public static void Warn(IEnumerable<Bar> bars, IReadOnlyDictionary<string, Instrument> instruments, string setting)
    {
        var first = new SortedDictionary<string, (Bar Bar, decimal Price)>(StringComparer.Ordinal);
        foreach (var bar in bars)
            if (!first.ContainsKey(bar.Symbol) && instruments.TryGetValue(bar.Symbol, out var instrument) && OffTick(bar, instrument) is { } price)
                first[bar.Symbol] = (bar, price);
        foreach (var (symbol, (bar, price)) in first)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulwark: {symbol}: its price {price} at {BarTimeText.Of(bar.Time)} is not on its tick {instruments[symbol].TickSize} ({setting}): every fill and limit price is rounded to the tick"));
    }

    /// <summary>The bar's first price not on the instrument's tick (open, high, low, close), or null.</summary>
    private static decimal? OffTick(Bar bar, Instrument instrument) =>
        !instrument.IsOnTick(bar.Open) ? bar.Open : !instrument.IsOnTick(bar.High) ? bar.High
        : !instrument.IsOnTick(bar.Low) ? bar.Low : !instrument.IsOnTick(bar.Close) ? bar.Close : null;
}
