using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// EMA clouds. Long when the fast cloud turns bullish (fast short EMA crosses above fast long EMA) while both fast
/// EMAs are above the trend cloud's top; flat when the fast cloud turns bearish or the close falls below the trend
/// cloud's bottom. With <see cref="EmaCloudOptions.AllowShort"/>, the mirror image: short when the fast cloud turns
/// bearish with both fast EMAs below the trend cloud's bottom, flat when it turns bullish or the close rises above
/// the top. No signal until every EMA is ready, nor while an order of the symbol is working. An exit it could not
/// signal then (a turn while an entry was still filling) is signalled at the first bar after, if the fast cloud has not
/// turned back; so is one lost while the bot was down: a long found held while the fast cloud is bearish when the
/// strategy starts is closed (a short, while it is bullish, covered). An entry is never signalled late. With a
/// <see cref="TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with
/// <see cref="EmaCloudOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused turn still closes a
/// position the other way).
/// </summary>
public sealed class EmaCloudStrategy : SignalStrategy
{
    private readonly SymbolMap<EmaCloudSymbolState> _bySymbol = new();
    private readonly EmaCloudOptions _options;

    public EmaCloudStrategy(string source, IEnumerable<string> symbols, EmaCloudOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"ema-cloud options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// Every EMA is ready after the longest period's bars; the fast cloud's turn needs one more; a trend average needs its
    /// period, a trend filter its ADX.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(
        Math.Max(Math.Max(_options.FastShort, _options.FastLong), Math.Max(_options.TrendShort, _options.TrendLong)) + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var state = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new EmaCloudSymbolState(s._options, s.TrendFilter?.NewIndex()));
        state.Update(in bar);
        if (!state.IsReady || context.HasOpenOrder(bar.Symbol)) return;

        var position = context.PositionQuantity(bar.Symbol);
        var (longs, shorts) = TrendSides.Of(state.Trend, bar.Close);
        var enterLong = longs && state.TurnedBullish && state.FastLow > state.TrendTop && AllowsEntry(state.Adx, isLong: true);
        var enterShort = shorts && _options.AllowShort && state.TurnedBearish && state.FastHigh < state.TrendBottom && AllowsEntry(state.Adx, isLong: false);
        if (enterLong && position <= 0m) Signal(context, bar.Symbol, SignalDirection.Long, state.Exits);
        else if (enterShort && position >= 0m) Signal(context, bar.Symbol, SignalDirection.Short, state.Exits);
        else if (position > 0m && ((state.Exits.LongDue && state.FastBearish) || bar.Close < state.TrendBottom)) Signal(context, bar.Symbol, SignalDirection.Flat, state.Exits);
        else if (position < 0m && ((state.Exits.ShortDue && state.FastBullish) || bar.Close > state.TrendTop)) Signal(context, bar.Symbol, SignalDirection.Flat, state.Exits);
    }
}
