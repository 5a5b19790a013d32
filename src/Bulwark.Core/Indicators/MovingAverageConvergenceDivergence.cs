using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming MACD (of the close for bars): the MACD line is EMA(<see cref="FastPeriod"/>) - EMA(<see cref="SlowPeriod"/>),
/// each average seeded with the simple mean of its own first values; the signal line is an EMA(<see cref="SignalPeriod"/>)
/// of the MACD line, seeded with the mean of its first values; the histogram is MACD - signal. Ready once the signal
/// line is: after SlowPeriod + SignalPeriod - 1 values (34 for 12/26/9). Outputs in order: MACD, signal, histogram.
/// O(1) per update, no allocation after construction.
/// </summary>
public sealed class MovingAverageConvergenceDivergence : IIndicator
{
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;
    private decimal _line;

    /// <exception cref="ArgumentOutOfRangeException">A period is below 1, or the fast period is not below the slow one.</exception>
    public MovingAverageConvergenceDivergence(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        if (fastPeriod >= slowPeriod)
            throw new ArgumentOutOfRangeException(nameof(fastPeriod), fastPeriod, $"The fast period must be below the slow period {slowPeriod}.");
        _fast = new ExponentialMovingAverage(fastPeriod);
        _slow = new ExponentialMovingAverage(slowPeriod);
        _signal = new ExponentialMovingAverage(signalPeriod);
    }

    public int FastPeriod => _fast.Period;
    public int SlowPeriod => _slow.Period;
    public int SignalPeriod => _signal.Period;
    public bool IsReady => _signal.IsReady;

    /// <summary>The fast average less the slow one; 0 before ready.</summary>
    public decimal Line => IsReady ? _line : 0m;

    /// <summary>The average of the MACD line; 0 before ready.</summary>
    public decimal Signal => _signal.Value;

    /// <summary>MACD - signal; 0 before ready.</summary>
    public decimal Histogram => IsReady ? _line - _signal.Value : 0m;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Line,
        1 => Signal,
        2 => Histogram,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "MACD has three outputs: MACD, signal, histogram."),
    };

    public void Update(in Bar bar) => Update(bar.Close);

    public void Update(decimal value)
    {
        _fast.Update(value);
        _slow.Update(value);
        if (!_slow.IsReady) return;
        _line = _fast.Value - _slow.Value;
        _signal.Update(_line);
    }
}
