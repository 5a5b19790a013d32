using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// The stochastic oscillator in its full form (<see cref="Period"/>, <see cref="Smoothing"/>, <see cref="SignalPeriod"/>),
/// 0 to 100: the raw value is 100 × (close - lowest low) / (highest high - lowest low) over the last Period bars
/// (50 when the bars did not move, as the RSI's); %K is its simple mean over Smoothing bars (1: the fast stochastic,
/// 3: the usual slow one), %D the simple mean of %K over SignalPeriod bars. Ready after
/// Period + Smoothing + SignalPeriod - 2 bars. Outputs in order: %K, %D.
/// O(1) per update (amortised, for the range), no allocation after construction.
/// </summary>
public sealed class Stochastic : IIndicator
{
    private readonly SimpleMovingAverage _k;
    private readonly SimpleMovingAverage _d;
    private HighLowRange _range;

    public Stochastic(int period, int smoothing, int signalPeriod)
    {
        _range = new HighLowRange(period);
        _k = new SimpleMovingAverage(smoothing);
        _d = new SimpleMovingAverage(signalPeriod);
        Period = period;
    }

    public int Period { get; }
    public int Smoothing => _k.Period;
    public int SignalPeriod => _d.Period;
    public bool IsReady => _d.IsReady;

    /// <summary>%K after the latest bar; 0 before ready.</summary>
    public decimal K => IsReady ? _k.Value : 0m;

    /// <summary>%D after the latest bar; 0 before ready.</summary>
    public decimal D => _d.Value;

    public int OutputCount => 2;

    public decimal GetOutput(int index) => index switch
    {
        0 => K,
        1 => D,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The stochastic has two outputs: %K, %D."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        _range.Add(high, low);
        if (!_range.IsReady) return;
        _k.Update(100m * _range.Position(close));
        if (_k.IsReady) _d.Update(_k.Value);
    }
}
