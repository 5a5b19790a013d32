using System.Globalization;
using Bulwark.Backtest.Optimization;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli;

/// <summary>
/// A strategy given fewer bars of a symbol than it needs before it can act (<see cref="IStrategy.BarsToFirstSignal"/>:
/// an SMA of 300 on 255 daily bars) cannot trade it, and its flat result reads like a strategy that chose not to. Said
/// on standard error, like <see cref="MissingSessions"/>. Bars are counted before the calendar leaves any out, so what
/// is said is sure; a run short by a few skipped bars is not caught.
/// </summary>
internal static class TooFewBars
{
    /// <summary>Each symbol a strategy cannot trade for want of bars: (source, symbol, bars needed, bars there).</summary>
    public static IReadOnlyList<(string Source, string Symbol, int Needed, int Available)> Find(IReadOnlyList<IStrategy> strategies,
        IReadOnlyDictionary<string, int> barsBySymbol)
    {
        var found = new List<(string, string, int, int)>();
        foreach (var strategy in strategies)
            foreach (var (symbol, count) in barsBySymbol.OrderBy(p => p.Key, StringComparer.Ordinal))
                if (strategy.Handles(symbol) && count > 0 && count < strategy.BarsToFirstSignal) // none at all: WarnNoBars
                    found.Add((strategy.Source, symbol, strategy.BarsToFirstSignal, count));
        return found;
    }

    /// <summary>Bars of each symbol, the warm-up's included (they ready the indicators too); a symbol of the run with none (all its data outside --from/--to) counts 0.</summary>
    public static Dictionary<string, int> Count(IEnumerable<string> symbols, IEnumerable<Bar> bars, IEnumerable<Bar> warmUp)
    {
        var counts = symbols.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var bar in bars.Concat(warmUp)) counts[bar.Symbol] = counts.GetValueOrDefault(bar.Symbol) + 1;
        return counts;
    }

    /// <summary>A backtest's strategies: one line per symbol a strategy cannot trade.</summary>
    public static void Warn(IReadOnlyList<IStrategy> strategies, IEnumerable<string> symbols, IEnumerable<Bar> bars, IEnumerable<Bar> warmUp)
    {
        var counts = Count(symbols, bars, warmUp);
        WarnNoBars(Count(symbols, bars, []));
        foreach (var (source, symbol, needed, available) in Find(strategies, counts))
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulwark: {source} needs {needed:N0} bars of {symbol} before it can trade and the run has {available:N0}: it cannot trade {symbol} (more data, an earlier --from with --warm-up, or shorter periods)"));
    }

    /// <summary>
    /// Symbols of the run with no bar to trade on (every one outside --from/--to, the warm-up's included: a symbol whose
    /// data ends before --from warms up and never trades): a line each.
    /// </summary>
    /// <param name="counts">Bars of each symbol inside --from/--to, without the warm-up's.</param>
    public static void WarnNoBars(IReadOnlyDictionary<string, int> counts)
    {
        foreach (var symbol in counts.Where(c => c.Value == 0).Select(c => c.Key).Order(StringComparer.Ordinal))
            Console.Error.WriteLine($"bulwark: the run has no bar of {symbol}: its data lies outside --from/--to, so nothing trades it");
    }

    /// <summary>
    /// An optimize grid's combinations that made no fill because their strategy needs more bars than the data has: a
    /// count and the first one, so a range that runs past the data is not read as results.
    /// </summary>
    public static void Warn(string strategyName, IReadOnlyList<OptimizationRow> rows, IReadOnlyList<string> symbols,
        IReadOnlyDictionary<string, int> barsBySymbol)
    {
        var starved = new List<(OptimizationRow Row, string Symbol, int Needed, int Available)>();
        foreach (var row in rows.Where(r => r.Ok && r.Fills == 0).OrderBy(r => r.Index))
        {
            var built = StrategyCatalog.Build(strategyName, strategyName, symbols, row.Parameters);
            if (!built.Ok) continue;
            if (Find([built.Strategy], barsBySymbol) is [var (_, symbol, needed, available), ..])
                starved.Add((row, symbol, needed, available));
        }
        if (starved.Count == 0) return;
        var (first, firstSymbol, firstNeeded, firstAvailable) = starved[0];
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulwark: {starved.Count:N0} of {rows.Count:N0} combinations cannot trade: they need more bars than the data has (first: {string.Join(' ', first.Parameters.Select(p => $"{p.Key}={p.Value}"))} needs {firstNeeded:N0} bars of {firstSymbol}, the data has {firstAvailable:N0})"));
    }
}
