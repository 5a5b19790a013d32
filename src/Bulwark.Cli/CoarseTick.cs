using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// Data whose prices are not on the instrument's tick (prices in cents against --tick-size 0.25, a currency pair quoted
/// to five places against a configured tickSize of 0.01) has every fill and limit price rounded to the tick: said on
/// standard error before the run, with the first such price, since the result then trades prices the data never had.
/// A research run given no tick takes its data's step, which is never coarser.
/// </summary>
internal static class CoarseTick
{
    /// <param name="setting">Where the ticks were set, for the message: --tick-size or the configuration key.</param>
    public static void Warn(BacktestInputs inputs, IEnumerable<Instrument> instruments, string setting)
    {
        foreach (var instrument in instruments.OrderBy(i => i.Symbol, StringComparer.Ordinal))
            if (FirstOffTick(inputs, instrument) is { } bar)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bulwark: {instrument.Symbol}: its price {OffTick(bar, instrument.TickSize)} at {BarTimeText.Of(bar.Time)} is not on its tick {instrument.TickSize} ({setting}): every fill and limit price is rounded to the tick"));
    }

    /// <summary>The first bar of the instrument with a price off its tick, or null when every price is on it.</summary>
    private static Bar? FirstOffTick(BacktestInputs inputs, Instrument instrument)
    {
        var tick = instrument.TickSize;
        // Prices written in steps that are whole ticks (cents on a tick of 0.01) are all on it: no need to look at each.
        if (inputs.PriceSteps.TryGetValue(instrument.Symbol, out var step) && step >= tick && step % tick == 0m) return null;
        foreach (var bar in inputs.Bars.Concat(inputs.WarmUp))
            if (bar.Symbol == instrument.Symbol && OffTick(bar, tick) is not null) return bar;
        return null;
    }

    private static decimal? OffTick(Bar bar, decimal tick) =>
        bar.Open % tick != 0m ? bar.Open : bar.High % tick != 0m ? bar.High : bar.Low % tick != 0m ? bar.Low : bar.Close % tick != 0m ? bar.Close : null;
}
