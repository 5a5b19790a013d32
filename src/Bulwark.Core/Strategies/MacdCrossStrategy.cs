using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// MACD crossovers: long when the MACD line (the fast EMA of the closes less the slow one) crosses above its signal line,
/// or above zero with <see cref="CrossLine.Zero"/>; flat when it crosses back below. With
/// <see cref="MacdCrossOptions.AllowShort"/>, the mirror image, and a cross the other way reverses the position. No signal
/// until the lines are ready, nor while an order of the symbol is working. An exit it could not signal then is signalled at
/// the first bar after, if the line has not crossed back; so is one lost while the bot was down: a long found held while
/// the line is below when the strategy starts is closed (a short, while it is above, covered). An entry is never
/// signalled late. With a <see cref="TrendFilter"/>, a cross is an entry only while the ADX is within its levels; with a
/// <see cref="MacdCrossOptions.ZeroFilter"/>, only on the side of zero it names (a cross it filters still closes a
/// position the other way); with <see cref="MacdCrossOptions.TrendPeriod"/>, only on the trend average's side of the close
/// (a refused cross, too, still closes a position the other way).
/// </summary>
public sealed class MacdCrossStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly MacdCrossOptions _options;

    public MacdCrossStrategy(string source, IEnumerable<string> symbols, MacdCrossOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"macd-cross options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// The lines are ready after <see cref="MacdCrossOptions.ValuesToReady"/> closes; a cross needs one more; a trend
    /// average needs its period, and the ADX filter its bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.ValuesToReady + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new MovingAverageConvergenceDivergence(s._options.Fast, s._options.Slow, s._options.Cross == CrossLine.Zero ? 1 : s._options.Signal),
            s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Macd.Update(bar.Close);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (!st.Macd.IsReady) return;

        var line = st.Macd.Line;
        st.Cross.Update(line, _options.Cross == CrossLine.Zero ? 0m : st.Macd.Signal);
        ActOnCross(in bar, context, st.Cross, st.Exits, st.Trend, st.Adx, _options.AllowShort,
            admitsLong: _options.Admits(line, isLong: true), admitsShort: _options.Admits(line, isLong: false));
    }

    private sealed class SymbolState(MovingAverageConvergenceDivergence macd, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public MovingAverageConvergenceDivergence Macd { get; } = macd;

        /// <summary>The MACD line against what it crosses (its signal line, or zero).</summary>
        public CrossOver Cross { get; } = new();

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The exits the line's crosses made due and no signal has acted on yet.</summary>
        public CrossExits Exits { get; } = new();
    }
}
