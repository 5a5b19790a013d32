using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Keltner channel breakout: long on a close above the upper band (the EMA of the closes plus
/// <see cref="KeltnerBreakoutOptions.Multiplier"/> average true ranges), flat on a close below the EMA plus
/// <see cref="KeltnerBreakoutOptions.ExitMultiplier"/> of them. With <see cref="KeltnerBreakoutOptions.AllowShort"/>, the
/// mirror image below the lower band, and a breakout the other way reverses the position. The channel is of the bars up
/// to and including the one it is compared with, read at its close, as <c>bulwark indicators --indicator keltner:N:K:A</c>
/// prints it. The rules are levels: while an order of the symbol works nothing is signalled, and at the first bar after,
/// a close still beyond a line acts (so does a position found beyond its exit when the strategy starts). One entry a
/// breakout: a position held while the close is beyond the band uses that stay up, so one closed there by a protective
/// stop or a time stop is not entered again until a close has come back inside. With a <see cref="TrendFilter"/>, a
/// breakout is an entry only while the ADX is within its levels; with <see cref="KeltnerBreakoutOptions.SqueezeBars"/>,
/// only soon after a squeeze (the Bollinger bands inside the channel); with <see cref="KeltnerBreakoutOptions.TrendPeriod"/>,
/// only on the trend average's side (a long above it, a short below). Exits are never filtered, and a breakout a filter
/// refuses leaves the breakout unused and still closes a position held the other way.
/// </summary>
public sealed class KeltnerBreakoutStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly KeltnerBreakoutOptions _options;

    public KeltnerBreakoutStrategy(string source, IEnumerable<string> symbols, KeltnerBreakoutOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"keltner-breakout options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>The channel is ready once its EMA and its average true range both are; the trend average after its period.</summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(Math.Max(_options.Period, _options.RangePeriod), TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new KeltnerChannel(s._options.Period, s._options.Multiplier, s._options.RangePeriod), s.TrendFilter?.NewIndex(),
            s._options.SqueezeBars is null ? null : new BollingerBands(s._options.Period, s._options.SqueezeDeviations),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        var close = bar.Close;
        st.Channel.Update(in bar);
        st.Adx?.Update(in bar);
        st.Bands?.Update(close);
        st.Trend?.Update(close);
        if (!st.Channel.IsReady) return;

        var (upper, lower) = (st.Channel.Upper, st.Channel.Lower);
        var above = close > upper;
        var below = close < lower;
        var squeezed = AfterASqueeze(st, upper, lower);
        var position = context.PositionQuantity(bar.Symbol);
        st.Breakouts.Update(above, below, position);
        if (context.HasOpenOrder(bar.Symbol)) return;

        var (longs, shorts) = TrendSides.Of(st.Trend, close);
        var middle = st.Channel.Middle;
        var exit = _options.ExitMultiplier * st.Channel.AverageRange;
        if (longs && position <= 0m && above && squeezed && !st.Breakouts.LongUsed && AllowsEntry(st.Adx, isLong: true))
            context.Signal(Source, bar.Symbol, SignalDirection.Long);
        else if (shorts && _options.AllowShort && position >= 0m && below && squeezed && !st.Breakouts.ShortUsed && AllowsEntry(st.Adx, isLong: false))
            context.Signal(Source, bar.Symbol, SignalDirection.Short);
        else if ((position > 0m && close < middle + exit) || (position < 0m && close > middle - exit))
            context.Signal(Source, bar.Symbol, SignalDirection.Flat);
    }

    /// <summary>
    /// Counts the bars since the symbol's Bollinger bands were last inside the channel (<paramref name="upper"/>,
    /// <paramref name="lower"/>), and whether that makes an entry now: always without a squeeze filter.
    /// </summary>
    private bool AfterASqueeze(SymbolState st, decimal upper, decimal lower)
    {
        if (st.Bands is not { } bands || _options.SqueezeBars is not { } within) return true;
        if (bands.IsReady)
        {
            var band = _options.SqueezeDeviations * bands.StandardDeviation;
            if (bands.Middle + band < upper && bands.Middle - band > lower) st.BarsSinceSqueeze = 0;
            else if (st.BarsSinceSqueeze < within) st.BarsSinceSqueeze++;
        }
        return st.BarsSinceSqueeze < within;
    }

    private sealed class SymbolState(KeltnerChannel channel, AverageDirectionalIndex? adx, BollingerBands? bands, IMovingAverage? trend)
    {
        public KeltnerChannel Channel { get; } = channel;

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The squeeze filter's Bollinger bands; null without one.</summary>
        public BollingerBands? Bands { get; } = bands;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>Bars since the bands were last inside the channel (0: on this bar), counted up to the filter's bars; null: never.</summary>
        public int? BarsSinceSqueeze { get; set; }

        /// <summary>The stays above the upper band (longs) and below the lower (shorts) an entry was held in.</summary>
        public EntryVisits Breakouts { get; } = new();
    }
}
