using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the mean-reversion strategies share (rsi-reversion, bollinger-reversion, stochastic-reversion): a long while a
/// reading is stretched below its line, flat once it is back to an exit; shorts mirrored when allowed, and a stretch the
/// other way reverses.
/// The rules are levels: while an order of the symbol works nothing is signalled, and at the first bar after, a reading
/// still beyond a line acts (so does a position found beyond its exit when the strategy starts). One entry a visit to an
/// extreme: a position held during a stay beyond the line uses it up, so one closed there by a protective stop or a time
/// stop is not entered again until the reading has left the extreme. A trend average takes longs only above it and shorts
/// only below; the ADX filter takes entries only within its levels. Neither filters an exit.
/// </summary>
public abstract class ReversionStrategy : SignalStrategy
{
    private readonly int? _trendPeriod;
    private readonly TrendAverage _trendAverage;

    /// <param name="trendPeriod">The closes of the trend average entries must be on the right side of; null: none.</param>
    /// <param name="trendAverage">Which kind of average that is.</param>
    protected ReversionStrategy(string source, IEnumerable<string> symbols, bool allowShort, int? trendPeriod, TrendAverage trendAverage)
        : base(source, symbols)
    {
        AllowShort = allowShort;
        _trendPeriod = trendPeriod;
        _trendAverage = trendAverage;
    }

    /// <summary>Whether shorts are taken above the upper line.</summary>
    protected bool AllowShort { get; }

    /// <summary>
    /// The strategy's own indicator reads after <see cref="IndicatorBars"/>; the trend average after its period (the
    /// exponential one is seeded with the simple average of its first period's closes), or later for the kinds
    /// <see cref="TrendSides.BarsToReady"/> names.
    /// </summary>
    public sealed override int BarsToFirstSignal => AndTheFilters(Math.Max(IndicatorBars, TrendSides.BarsToReady(_trendPeriod, _trendAverage)));

    /// <summary>The bars until the strategy's own reading can give an entry.</summary>
    protected abstract int IndicatorBars { get; }

    /// <summary>A new trend average for one symbol, of its kind; null without one.</summary>
    protected IMovingAverage? NewTrendAverage() => TrendSides.NewAverage(_trendPeriod, _trendAverage);

    /// <summary>
    /// Acts on one bar's <paramref name="reading"/> for the symbol whose state is <paramref name="state"/> (its trend average
    /// and ADX already updated with the bar).
    /// </summary>
    protected void Act(in Bar bar, IStrategyContext context, ReversionSymbolState state, in ReversionReading reading)
    {
        var position = context.PositionQuantity(bar.Symbol);
        state.Visits.Update(reading.BelowLower, reading.AboveUpper, position);
        if (context.HasOpenOrder(bar.Symbol)) return;

        var (longs, shorts) = TrendSides.Of(state.Trend, bar.Close);
        if (longs && position <= 0m && reading.BelowLower && reading.LongTrigger && !state.Visits.LongUsed && AllowsEntry(state.Adx, isLong: true))
            context.Signal(Source, bar.Symbol, SignalDirection.Long);
        else if (shorts && AllowShort && position >= 0m && reading.AboveUpper && reading.ShortTrigger && !state.Visits.ShortUsed && AllowsEntry(state.Adx, isLong: false))
            context.Signal(Source, bar.Symbol, SignalDirection.Short);
        else if ((position > 0m && reading.LongExit) || (position < 0m && reading.ShortExit))
            context.Signal(Source, bar.Symbol, SignalDirection.Flat);
    }
}
