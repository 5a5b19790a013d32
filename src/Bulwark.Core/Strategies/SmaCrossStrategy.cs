using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Long when the close crosses above its SMA, flat when it crosses below. While an order of the symbol is
/// working it places no other. An exit it could not signal then (a cross below while an entry was still filling) is
/// signalled at the first bar after, if the close is still below; so is one lost while the bot was down: a long found
/// held below the average when the strategy starts is closed. An entry is never signalled late. The built-in strategy of
/// the default paper bot. With a <see cref="TrendFilter"/>, a cross above is an entry only while the ADX is within its levels;
/// with a trend period, only while the close is above that (usually longer) average too: a pullback bought in an uptrend.
/// </summary>
public sealed class SmaCrossStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly int _period;
    private readonly int? _trendPeriod;
    private readonly TrendAverage _trendAverage;

    /// <summary>
    /// A crossover of the SMA of <paramref name="period"/> closes; with <paramref name="trendPeriod"/>, its crosses
    /// above are entries only while the close is above the simple (or another kind, by <paramref name="trendAverage"/>)
    /// average of that many closes (see <see cref="TrendSides"/>).
    /// </summary>
    public SmaCrossStrategy(string source, IEnumerable<string> symbols, int period, int? trendPeriod = null, TrendAverage trendAverage = TrendAverage.Sma)
        : base(source, symbols)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "sma-cross period must be at least 1.");
        if (TrendSides.PeriodProblem(trendPeriod) is { } problem) throw new ArgumentOutOfRangeException(nameof(trendPeriod), trendPeriod, $"sma-cross {problem}");
        _period = period;
        _trendPeriod = trendPeriod;
        _trendAverage = trendAverage;
    }

    /// <summary>The average is ready after <c>period</c> bars; a cross needs one more; a trend average needs its period, a trend filter its ADX.</summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_period + 1, TrendSides.BarsToReady(_trendPeriod, _trendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        // One lookup per bar (none in a run of one symbol's bars): the state is an object changed in place.
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(new SimpleMovingAverage(s._period), s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._trendPeriod, s._trendAverage)));
        st.Sma.Update(bar.Close);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (st.Sma.IsReady)
        {
            var side = st.Sma.SideOf(bar.Close);
            // A cross: the close is now on the other side of the average than the last non-zero side.
            var crossedUp = side > 0 && st.LastSide < 0;
            if (side < 0 && st.LastSide > 0) st.ExitDue = true;
            else if (side > 0) st.ExitDue = false; // back above: the exit is no longer what the rule says
            if (side != 0) st.LastSide = side;
            if (!context.HasOpenOrder(bar.Symbol))
            {
                var position = context.PositionQuantity(bar.Symbol);
                if (crossedUp && position <= 0m && AllowsEntry(st.Adx, isLong: true) && TrendSides.Of(st.Trend, bar.Close).Longs) context.Signal(Source, bar.Symbol, SignalDirection.Long);
                else if (st.ExitDue && side < 0 && position > 0m)
                {
                    context.Signal(Source, bar.Symbol, SignalDirection.Flat);
                    st.ExitDue = false;
                }
            }
        }
    }

    private sealed class SymbolState(SimpleMovingAverage sma, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public SimpleMovingAverage Sma { get; } = sma;

        /// <summary>The trend average a cross above must be over to be an entry; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The side of the close against the average at the last bar where they differed (0 before any).</summary>
        public int LastSide { get; set; }

        /// <summary>
        /// A cross below that has not been acted on yet: an order was working, or the strategy has just started (a long
        /// held below the average then is one whose exit was lost, or one the rule would not hold).
        /// </summary>
        public bool ExitDue { get; set; } = true;
    }
}
