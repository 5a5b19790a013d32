using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Channel breakout, the turtle traders' rule. Long on a close above the highest high of the
/// <see cref="DonchianBreakoutOptions.EntryPeriod"/> bars before it; flat on a close below the lowest low of the
/// <see cref="DonchianBreakoutOptions.ExitPeriod"/> bars before it. With <see cref="DonchianBreakoutOptions.AllowShort"/>,
/// the mirror image: short below the entry channel's low, covered above the exit channel's high, and a breakout the
/// other way reverses the position. The rules are levels, not events: while an order of the symbol works nothing is
/// signalled, and at the first bar after, a close still beyond a channel acts (so does one found beyond the exit channel
/// when the strategy starts, for a position held then). With a <see cref="TrendFilter"/>, a breakout is an entry only
/// while the ADX is within its levels; with <see cref="DonchianBreakoutOptions.TrendPeriod"/>, only on the trend
/// average's side (a long above it, a short below). Neither filters an exit, and a breakout one refuses still closes a
/// position held the other way when it is beyond the exit channel. With <see cref="DonchianBreakoutOptions.SkipAfterWin"/>
/// a breakout is not taken while the paper trade it opened follows a winning one (see <see cref="PaperBreakout"/>),
/// unless the close is beyond the <see cref="DonchianBreakoutOptions.FailsafePeriod"/> channel.
/// </summary>
public sealed class DonchianBreakoutStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly DonchianBreakoutOptions _options;

    public DonchianBreakoutStrategy(string source, IEnumerable<string> symbols, DonchianBreakoutOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"donchian-breakout options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// Both channels are of the bars before the one they are compared with: the longest period's bars, then one; the trend
    /// average includes the bar, so it reads after its period.
    /// </summary>
    public override int BarsToFirstSignal =>
        AndTheFilters(Math.Max(Math.Max(_options.EntryPeriod, _options.ExitPeriod) + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new DonchianChannel(s._options.EntryPeriod), new DonchianChannel(s._options.ExitPeriod), s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage))
        {
            Paper = s._options.SkipAfterWin ? new PaperBreakout() : null,
            Failsafe = s._options.FailsafePeriod is { } failsafe ? new DonchianChannel(failsafe) : null,
        });
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (st.Entry.IsReady && st.Exit.IsReady)
        {
            var close = bar.Close;
            var up = close > st.Entry.Upper;
            var down = _options.AllowShort && close < st.Entry.Lower;
            var exitLong = close < st.Exit.Lower;
            var exitShort = close > st.Exit.Upper;
            st.Paper?.Update(close, up, down, exitLong, exitShort); // the market's breakouts, whatever the orders do
            if (!context.HasOpenOrder(bar.Symbol))
            {
                var position = context.PositionQuantity(bar.Symbol);
                var (longs, shorts) = TrendSides.Of(st.Trend, close);
                if (longs && position <= 0m && up && Unskipped(st, 1, close) && AllowsEntry(st.Adx, isLong: true)) context.Signal(Source, bar.Symbol, SignalDirection.Long);
                else if (shorts && position >= 0m && down && Unskipped(st, -1, close) && AllowsEntry(st.Adx, isLong: false)) context.Signal(Source, bar.Symbol, SignalDirection.Short);
                else if ((position > 0m && exitLong) || (position < 0m && exitShort)) context.Signal(Source, bar.Symbol, SignalDirection.Flat);
            }
        }
        // The channels take this bar after it was compared with them: a breakout is beyond the bars before it.
        st.Entry.Update(bar.High, bar.Low);
        st.Exit.Update(bar.High, bar.Low);
        st.Failsafe?.Update(bar.High, bar.Low);
    }

    /// <summary>
    /// Whether a breakout to <paramref name="side"/> may be taken: always without the skip rule; with it, unless the paper
    /// trade it belongs to follows a winner and the close is not beyond the failsafe channel.
    /// </summary>
    private static bool Unskipped(SymbolState st, int side, decimal close) =>
        st.Paper is not { } paper || paper.Side != side || !paper.Skipped
        || (st.Failsafe is { IsReady: true } failsafe && (side > 0 ? close > failsafe.Upper : close < failsafe.Lower));

    private sealed class SymbolState(DonchianChannel entry, DonchianChannel exit, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public DonchianChannel Entry { get; } = entry;
        public DonchianChannel Exit { get; } = exit;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The skip rule's paper trade of the last breakout; null without the rule.</summary>
        public PaperBreakout? Paper { get; init; }

        /// <summary>The failsafe channel a skipped breakout is taken beyond; null without one.</summary>
        public DonchianChannel? Failsafe { get; init; }
    }
}
