using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Mean reversion on Bollinger bands: long while the close is below the lower band, flat once it is back to the average
/// plus <see cref="BollingerReversionOptions.ExitDeviations"/> standard deviations; with
/// <see cref="BollingerReversionOptions.AllowShort"/>, short while it is above the upper band, covered at the mirror, and a
/// close beyond the other band reverses the position. The bands are of the closes up to and including the bar's, read at
/// its close. The levels, the one entry a visit to an extreme, the trend average
/// (<see cref="BollingerReversionOptions.TrendPeriod"/>) and the ADX filter are <see cref="ReversionStrategy"/>'s. The
/// bandwidth filter (<see cref="BollingerReversionOptions.MinBandwidth"/>, <see cref="BollingerReversionOptions.MaxBandwidth"/>)
/// takes entries only while the bands are that wide; a close beyond a band while they are not still keeps the visit open,
/// and still closes a position held the other way.
/// </summary>
public sealed class BollingerReversionStrategy : ReversionStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly BollingerReversionOptions _options;

    public BollingerReversionStrategy(string source, IEnumerable<string> symbols, BollingerReversionOptions options)
        : base(source, symbols, options.AllowShort, options.TrendPeriod, options.TrendAverage)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"bollinger-reversion options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>The bands are ready after their period's closes.</summary>
    protected override int IndicatorBars => _options.Period;

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new BollingerBands(s._options.Period, s._options.Deviations),
            s.NewTrendAverage(),
            s.TrendFilter?.NewIndex()));
        var close = bar.Close;
        st.Bands.Update(close);
        st.Update(in bar);
        if (!st.Bands.IsReady) return;

        var middle = st.Bands.Middle;
        var deviation = st.Bands.StandardDeviation; // once: each band would take its own square root
        var band = _options.Deviations * deviation;
        var exit = _options.ExitDeviations * deviation;
        var wide = _options.WideEnough(middle, deviation);
        Act(in bar, context, st, new ReversionReading(
            BelowLower: close < middle - band,
            AboveUpper: close > middle + band,
            LongExit: close >= middle + exit,
            ShortExit: close <= middle - exit) { LongTrigger = wide, ShortTrigger = wide });
    }

    private sealed class SymbolState(BollingerBands bands, IMovingAverage? trend, AverageDirectionalIndex? adx)
        : ReversionSymbolState(trend, adx)
    {
        public BollingerBands Bands { get; } = bands;
    }
}
