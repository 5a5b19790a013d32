using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Mean reversion on the RSI: long while Wilder's RSI of the closes is below <see cref="RsiReversionOptions.Oversold"/>,
/// flat once it is back to <see cref="RsiReversionOptions.ExitLevel"/>; with <see cref="RsiReversionOptions.AllowShort"/>,
/// short while it is above <see cref="RsiReversionOptions.Overbought"/>, covered once it is back to the exit level, and an
/// extreme the other way reverses the position. The rules are levels: while an order of the symbol works nothing is
/// signalled, and at the first bar after, an RSI still beyond a level acts (so does a position found beyond its exit when
/// the strategy starts), but a position held during a stay beyond an extreme uses it up: one closed there by a stop or a
/// time stop is not entered again until the RSI has left the extreme. <see cref="RsiReversionOptions.TrendPeriod"/> takes
/// longs only above the simple average of the closes and shorts only below; a <see cref="TrendFilter"/> takes entries
/// only while the ADX is within its levels (with a ceiling, in a range). Neither filters an exit.
/// </summary>
public sealed class RsiReversionStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly RsiReversionOptions _options;

    public RsiReversionStrategy(string source, IEnumerable<string> symbols, RsiReversionOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"rsi-reversion options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>The RSI is ready after its period's changes (one more close); the trend average after its period.</summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.RsiPeriod + 1, _options.TrendPeriod ?? 0));

    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new RelativeStrengthIndex(s._options.RsiPeriod),
            s._options.TrendPeriod is { } trend ? new SimpleMovingAverage(trend) : null,
            s.TrendFilter?.NewIndex()));
        var close = bar.Close;
        st.Rsi.Update(close);
        st.Trend?.Update(close);
        st.Adx?.Update(in bar);
        if (!st.Rsi.IsReady) return;

        var rsi = st.Rsi.Value;
        var position = context.PositionQuantity(bar.Symbol);
        // One entry a visit to an extreme: a long held while the RSI is oversold uses the visit up, so a stop or time
        // stop that closes it there does not buy the same dip again; the visit ends when the RSI is back above the line.
        if (rsi >= _options.Oversold) st.LongVisitUsed = false;
        else if (position > 0m) st.LongVisitUsed = true;
        if (rsi <= _options.Overbought) st.ShortVisitUsed = false;
        else if (position < 0m) st.ShortVisitUsed = true;
        if (context.HasOpenOrder(bar.Symbol)) return;

        var entries = AllowsEntry(st.Adx);
        var (longs, shorts) = EntrySides(st.Trend, close);
        if (entries && longs && position <= 0m && rsi < _options.Oversold && !st.LongVisitUsed)
            context.Signal(Source, bar.Symbol, SignalDirection.Long);
        else if (entries && shorts && _options.AllowShort && position >= 0m && rsi > _options.Overbought && !st.ShortVisitUsed)
            context.Signal(Source, bar.Symbol, SignalDirection.Short);
        else if ((position > 0m && rsi >= _options.ExitLevel) || (position < 0m && rsi <= _options.ExitLevel))
            context.Signal(Source, bar.Symbol, SignalDirection.Flat);
    }

    /// <summary>The sides an entry may take: both without a trend average, neither before it is ready, else the close's side of it.</summary>
    private static (bool Longs, bool Shorts) EntrySides(SimpleMovingAverage? trend, decimal close)
    {
        if (trend is null) return (true, true);
        if (!trend.IsReady) return (false, false);
        var side = trend.SideOf(close);
        return (side > 0, side < 0);
    }

    private sealed class SymbolState(RelativeStrengthIndex rsi, SimpleMovingAverage? trend, AverageDirectionalIndex? adx)
    {
        public RelativeStrengthIndex Rsi { get; } = rsi;

        /// <summary>The average of the closes longs must be above and shorts below; null without one.</summary>
        public SimpleMovingAverage? Trend { get; } = trend;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>A long was held during the RSI's present stay below oversold: no other entry until it leaves.</summary>
        public bool LongVisitUsed { get; set; }

        /// <summary>A short was held during the RSI's present stay above overbought.</summary>
        public bool ShortVisitUsed { get; set; }
    }
}
