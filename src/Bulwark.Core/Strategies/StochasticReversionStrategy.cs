using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Mean reversion on Lane's stochastic oscillator: long while %K (or %D, <see cref="StochasticReversionOptions.Line"/>) is
/// below <see cref="OscillatorReversionOptions.Oversold"/>, the close near the bottom of the recent range, flat once it is
/// back to <see cref="OscillatorReversionOptions.ExitLevel"/>; with <see cref="OscillatorReversionOptions.AllowShort"/>,
/// short above <see cref="OscillatorReversionOptions.Overbought"/>, covered at the short's exit level (by default the
/// mirror of the long's), and an extreme the other way reverses the position. The oscillator reads the bars' highs and
/// lows, not only their closes. The levels, the one entry a visit to an extreme, the trend average
/// (<see cref="OscillatorReversionOptions.TrendPeriod"/>) and the ADX filter are <see cref="ReversionStrategy"/>'s. With
/// <see cref="StochasticEntry.Cross"/> an entry waits, inside the visit, for the bar where %K crosses %D its way: above
/// (from at or below it at the bar before) for a long, below for a short.
/// </summary>
public sealed class StochasticReversionStrategy : OscillatorReversionStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly StochasticReversionOptions _options;

    public StochasticReversionStrategy(string source, IEnumerable<string> symbols, StochasticReversionOptions options)
        : base("stochastic-reversion", source, symbols, options)
    {
        _options = options;
    }

    /// <summary>The oscillator reads after its range's, smoothing's and signal's bars (a cross one bar later).</summary>
    protected override int IndicatorBars => _options.BarsToEntry;

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new Stochastic(s._options.Period, s._options.Smoothing, s._options.Signal),
            s.NewTrendAverage(),
            s.TrendFilter?.NewIndex()));
        st.Oscillator.Update(in bar);
        st.Update(in bar);
        if (!st.Oscillator.IsReady) return;

        var value = _options.Line == StochasticLine.K ? st.Oscillator.K : st.Oscillator.D;
        if (_options.Entry == StochasticEntry.Level)
        {
            Act(in bar, context, st, value);
            return;
        }
        var gap = st.Oscillator.K - st.Oscillator.D;
        var before = st.GapBefore;
        st.GapBefore = gap;
        Act(in bar, context, st, Read(value) with { LongTrigger = before <= 0m && gap > 0m, ShortTrigger = before >= 0m && gap < 0m });
    }

    private sealed class SymbolState(Stochastic oscillator, IMovingAverage? trend, AverageDirectionalIndex? adx)
        : ReversionSymbolState(trend, adx)
    {
        public Stochastic Oscillator { get; } = oscillator;

        /// <summary>%K - %D at the bar before; null at the first bar the oscillator reads (no cross yet).</summary>
        public decimal? GapBefore { get; set; }
    }
}
