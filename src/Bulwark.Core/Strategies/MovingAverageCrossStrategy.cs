using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The moving-average crossover: long when the fast average of the closes crosses above the slow one, flat when it
/// crosses back below; both of one kind (<see cref="MovingAverageCrossOptions.Average"/>: simple, exponential,
/// weighted, Hull's, double or triple exponential, or Kaufman's adaptive). With
/// <see cref="MovingAverageCrossOptions.AllowShort"/>, the mirror image, and a cross the other way reverses the
/// position. No signal until both averages are ready, nor while an order of the symbol is working. An exit it could not
/// signal then is signalled at the first bar after, if the averages have not crossed back; so is one lost while the bot
/// was down: a long found held while the fast average is below the slow one when the strategy starts is closed (a short,
/// while above, covered). An entry is never signalled late. With a <see cref="TrendFilter"/>, a cross is an entry only
/// while the ADX is within its levels; with <see cref="MovingAverageCrossOptions.TrendPeriod"/>, only on the trend
/// average's side of the close (a refused cross still closes a position the other way).
/// </summary>
public sealed class MovingAverageCrossStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly MovingAverageCrossOptions _options;

    public MovingAverageCrossStrategy(string source, IEnumerable<string> symbols, MovingAverageCrossOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"ma-cross options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// Both averages are ready after <see cref="MovingAverageCrossOptions.BarsToReady"/> closes; a cross needs one more; a
    /// trend average needs its own, and the ADX filter its bars.
    /// </summary>
    public override int BarsToFirstSignal =>
        AndTheFilters(Math.Max(_options.BarsToReady + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            TrendSides.NewAverage(s._options.Average, s._options.Fast),
            TrendSides.NewAverage(s._options.Average, s._options.Slow),
            s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Fast.Update(bar.Close);
        st.Slow.Update(bar.Close);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (!st.Fast.IsReady || !st.Slow.IsReady) return;

        st.Cross.Update(st.Fast.Value, st.Slow.Value);
        ActOnCross(in bar, context, st.Cross, st.Exits, st.Trend, st.Adx, _options.AllowShort);
    }

    private sealed class SymbolState(IMovingAverage fast, IMovingAverage slow, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public IMovingAverage Fast { get; } = fast;

        public IMovingAverage Slow { get; } = slow;

        /// <summary>The fast average against the slow one.</summary>
        public CrossOver Cross { get; } = new();

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The exits the crosses made due and no signal has acted on yet.</summary>
        public CrossExits Exits { get; } = new();
    }
}
