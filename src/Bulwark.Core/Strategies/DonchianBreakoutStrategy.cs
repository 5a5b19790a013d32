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
/// position held the other way when it is beyond the exit channel.
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
        AndTheFilters(Math.Max(Math.Max(_options.EntryPeriod, _options.ExitPeriod) + 1, _options.TrendPeriod ?? 0));

    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new DonchianChannel(s._options.EntryPeriod), new DonchianChannel(s._options.ExitPeriod), s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (st.Entry.IsReady && st.Exit.IsReady && !context.HasOpenOrder(bar.Symbol))
        {
            var position = context.PositionQuantity(bar.Symbol);
            var close = bar.Close;
            var (longs, shorts) = TrendSides.Of(st.Trend, close);
            if (longs && position <= 0m && close > st.Entry.Upper && AllowsEntry(st.Adx, isLong: true)) context.Signal(Source, bar.Symbol, SignalDirection.Long);
            else if (shorts && _options.AllowShort && position >= 0m && close < st.Entry.Lower && AllowsEntry(st.Adx, isLong: false)) context.Signal(Source, bar.Symbol, SignalDirection.Short);
            else if ((position > 0m && close < st.Exit.Lower) || (position < 0m && close > st.Exit.Upper)) context.Signal(Source, bar.Symbol, SignalDirection.Flat);
        }
        // The channels take this bar after it was compared with them: a breakout is beyond the bars before it.
        st.Entry.Update(bar.High, bar.Low);
        st.Exit.Update(bar.High, bar.Low);
    }

    private sealed class SymbolState(DonchianChannel entry, DonchianChannel exit, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public DonchianChannel Entry { get; } = entry;
        public DonchianChannel Exit { get; } = exit;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;
    }
}
