namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming exponential moving average with smoothing factor 2 / (<see cref="Period"/> + 1), of the close
/// for bars. The first value, after <see cref="Period"/> values, is their simple mean; each later value is
/// previous + factor * (value - previous). O(1) per update, no allocation.
/// </summary>
public sealed class ExponentialMovingAverage : MovingAverage
{
    private readonly decimal _factor;
    private int _count;
    private decimal _seedSum;
    private decimal _value;

    public ExponentialMovingAverage(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        Period = period;
        _factor = 2m / (period + 1);
    }

    public override int Period { get; }
    public override bool IsReady => _count >= Period;

    /// <summary>The average after the latest value; 0 before ready.</summary>
    public override decimal Value => IsReady ? _value : 0m;

    /// <summary>Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready).</summary>
    public override int SideOf(decimal value) => IsReady ? Math.Sign(value - _value) : 0;

    public override void Update(decimal value)
    {
        if (_count >= Period)
        {
            _value += _factor * (value - _value);
            return;
        }
        _seedSum += value;
        _count++;
        if (_count == Period) _value = _seedSum / Period;
    }
}
