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
/// while the ADX is within its levels.
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

    /// <summary>Both channels are of the bars before the one they are compared with: the longest period's bars, then one.</summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.EntryPeriod, _options.ExitPeriod) + 1);

    public override void OnBar(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new DonchianChannel(s._options.EntryPeriod), new DonchianChannel(s._options.ExitPeriod), s.TrendFilter?.NewIndex()));
        st.Adx?.Update(in bar);
        if (st.Entry.IsReady && st.Exit.IsReady && !context.HasOpenOrder(bar.Symbol))
        {
            var position = context.PositionQuantity(bar.Symbol);
            var close = bar.Close;
            if (position <= 0m && close > st.Entry.Upper && AllowsEntry(st.Adx, isLong: true)) context.Signal(Source, bar.Symbol, SignalDirection.Long);
            else if (_options.AllowShort && position >= 0m && close < st.Entry.Lower && AllowsEntry(st.Adx, isLong: false)) context.Signal(Source, bar.Symbol, SignalDirection.Short);
            else if ((position > 0m && close < st.Exit.Lower) || (position < 0m && close > st.Exit.Upper)) context.Signal(Source, bar.Symbol, SignalDirection.Flat);
        }
        // The channels take this bar after it was compared with them: a breakout is beyond the bars before it.
        st.Entry.Update(bar.High, bar.Low);
        st.Exit.Update(bar.High, bar.Low);
    }

    private sealed class SymbolState(DonchianChannel entry, DonchianChannel exit, AverageDirectionalIndex? adx)
    {
        public DonchianChannel Entry { get; } = entry;
        public DonchianChannel Exit { get; } = exit;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;
    }
}
