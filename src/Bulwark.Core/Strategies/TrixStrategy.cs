using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// TRIX crossovers: long when the TRIX line (the one-bar percent change of a triple-smoothed EMA of the closes) crosses
/// above its signal line, or above zero with <see cref="CrossLine.Zero"/>, where the smoothed trend turns up; flat when
/// it crosses back below. With <see cref="TrixOptions.AllowShort"/>, the mirror image, and a cross the other way
/// reverses the position. No signal until the lines are ready, nor while an order of the symbol is working. An exit it
/// could not signal then is signalled at the first bar after, if the line has not crossed back; so is one lost while
/// the bot was down: a long found held while the line is below when the strategy starts is closed (a short, while it is
/// above, covered). An entry is never signalled late. With a <see cref="TrendFilter"/>, a cross is an entry only while
/// the ADX is within its levels; with <see cref="TrixOptions.TrendPeriod"/>, only on the trend average's side of the
/// close (a refused cross still closes a position the other way).
/// </summary>
public sealed class TrixStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly TrixOptions _options;

    public TrixStrategy(string source, IEnumerable<string> symbols, TrixOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"trix options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// The lines are ready after <see cref="TrixOptions.BarsToReady"/> closes; a cross needs one more; a trend average
    /// needs its own, and the ADX filter its bars.
    /// </summary>
    public override int BarsToFirstSignal =>
        AndTheFilters(Math.Max(_options.BarsToReady + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new Trix(s._options.Period, s._options.SignalPeriod),
            s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Trix.Update(bar.Close);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (!st.Trix.IsReady) return;

        st.Cross.Update(st.Trix.Line, _options.Cross == CrossLine.Zero ? 0m : st.Trix.Signal);
        ActOnCross(in bar, context, st.Cross, st.Exits, st.Trend, st.Adx, _options.AllowShort);
    }

    private sealed class SymbolState(Trix trix, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public Trix Trix { get; } = trix;

        /// <summary>The TRIX line against what it crosses (its signal line, or zero).</summary>
        public CrossOver Cross { get; } = new();

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The exits the line's crosses made due and no signal has acted on yet.</summary>
        public CrossExits Exits { get; } = new();
    }
}
