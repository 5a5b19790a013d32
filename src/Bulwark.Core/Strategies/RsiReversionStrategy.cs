using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Mean reversion on the RSI: long while Wilder's RSI of the closes is below
/// <see cref="OscillatorReversionOptions.Oversold"/>, flat once it is back to <see cref="OscillatorReversionOptions.ExitLevel"/>;
/// with <see cref="OscillatorReversionOptions.AllowShort"/>, short while it is above
/// <see cref="OscillatorReversionOptions.Overbought"/>, covered once it is back to the short's exit level (by default the
/// mirror of the long's), and an extreme the other way reverses the position. The levels, the one entry a visit to an
/// extreme, the trend average (<see cref="OscillatorReversionOptions.TrendPeriod"/>) and the ADX filter are
/// <see cref="ReversionStrategy"/>'s.
/// </summary>
public sealed class RsiReversionStrategy : OscillatorReversionStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly RsiReversionOptions _options;

    public RsiReversionStrategy(string source, IEnumerable<string> symbols, RsiReversionOptions options)
        : base("rsi-reversion", source, symbols, options)
    {
        _options = options;
    }

    /// <summary>The RSI is ready after its period's changes (one more close).</summary>
    protected override int IndicatorBars => _options.RsiPeriod + 1;

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new RelativeStrengthIndex(s._options.RsiPeriod),
            s.NewTrendAverage(),
            s.TrendFilter?.NewIndex()));
        st.Rsi.Update(bar.Close);
        st.Update(in bar);
        if (!st.Rsi.IsReady) return;

        Act(in bar, context, st, st.Rsi.Value);
    }

    private sealed class SymbolState(RelativeStrengthIndex rsi, IMovingAverage? trend, AverageDirectionalIndex? adx)
        : ReversionSymbolState(trend, adx)
    {
        public RelativeStrengthIndex Rsi { get; } = rsi;
    }
}
