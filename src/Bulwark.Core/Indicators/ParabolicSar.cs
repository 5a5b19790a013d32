using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Wilder's parabolic stop and reverse: a stop that trails a position from the far side of the price and closes in on
/// it faster the longer the trend runs. In an uptrend each bar's stop (the SAR) is the last one moved a fraction of the
/// way to the highest high of the trend (the extreme point), the fraction starting at <see cref="Step"/> and growing by
/// it with each new high up to <see cref="Maximum"/>; it never rises above the lows of this bar or the one before. A
/// bar whose low reaches the stop reverses the trend: that bar's stop is the old extreme point (at least the high of
/// this bar and the one before), the new extreme is its low and the fraction starts again. A downtrend is the mirror
/// image. The second bar starts the trend: down if it moved down more than up (its low below the first's by more than
/// its high rose), else up, with the first bar's low (high, down) as its stop; on that bar the stop is kept outside its
/// own range only, as TA-Lib starts it. Outputs in order: the stop for the latest bar, and the direction (1 up, -1
/// down). O(1) per update, no allocation.
/// </summary>
public sealed class ParabolicSar : ITrendLine
{
    /// <summary>The largest acceleration accepted: at 1 the stop reaches the extreme point in one bar.</summary>
    public const decimal MaxAcceleration = 1m;

    private decimal _previousHigh;
    private decimal _previousLow;
    private int _bars;

    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="step"/> is not positive, or <paramref name="maximum"/> is below it or above <see cref="MaxAcceleration"/>.
    /// </exception>
    public ParabolicSar(decimal step, decimal maximum)
    {
        if (step <= 0m) throw new ArgumentOutOfRangeException(nameof(step), step, "The acceleration step must be positive.");
        if (maximum < step || maximum > MaxAcceleration)
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"The largest acceleration must be from the step to {MaxAcceleration}.");
        (Step, Maximum) = (step, maximum);
    }

    public decimal Step { get; }
    public decimal Maximum { get; }
    public bool IsReady => _bars >= 2;

    /// <summary>The stop for the latest bar: below its prices in an uptrend, above them in a downtrend; 0 before ready.</summary>
    public decimal Value { get; private set; }

    /// <summary>The stop for the next bar, where a trader would rest the stop order now; 0 before ready.</summary>
    public decimal Next { get; private set; }

    /// <summary>Whether the trend is up after the latest bar; false before ready.</summary>
    public bool IsUp { get; private set; }

    /// <summary>The highest high of an uptrend or the lowest low of a downtrend, bars of the latest included; 0 before ready.</summary>
    public decimal ExtremePoint { get; private set; }

    /// <summary>The fraction of the way to <see cref="ExtremePoint"/> the next stop moves; 0 before ready.</summary>
    public decimal Acceleration { get; private set; }

    public int OutputCount => 2;

    public decimal GetOutput(int index) => index switch
    {
        0 => Value,
        1 => !IsReady ? 0m : IsUp ? 1m : -1m,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The parabolic SAR has two outputs: the stop and the direction."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low)
    {
        if (high < low) throw new ArgumentException($"The high {high} is below the low {low}.", nameof(high));
        if (_bars == 0) _bars = 1;
        else
        {
            if (_bars == 1) Start(high, low);
            Advance(high, low);
        }
        (_previousHigh, _previousLow) = (high, low);
    }

    private void Start(decimal high, decimal low)
    {
        var (rise, fall) = (high - _previousHigh, _previousLow - low);
        IsUp = !(fall > 0m && fall > rise);
        (Next, ExtremePoint, Acceleration, _bars) = (IsUp ? _previousLow : _previousHigh, IsUp ? high : low, Step, 2);
        (_previousHigh, _previousLow) = (high, low);
    }

    private void Advance(decimal high, decimal low)
    {
        var stop = Next;
        if (IsUp ? low <= stop : high >= stop)
        {
            IsUp = !IsUp;
            stop = Beyond(ExtremePoint, high, low);
            (ExtremePoint, Acceleration) = (IsUp ? high : low, Step);
        }
        else if (IsUp ? high > ExtremePoint : low < ExtremePoint)
            (ExtremePoint, Acceleration) = (IsUp ? high : low, Math.Min(Acceleration + Step, Maximum));
        Value = stop;
        Next = Beyond(stop + (Acceleration * (ExtremePoint - stop)), high, low);
    }

    /// <summary>The stop kept outside the ranges of the latest bar and the one before: below their lows in an uptrend.</summary>
    private decimal Beyond(decimal stop, decimal high, decimal low) =>
        IsUp ? Math.Min(stop, Math.Min(low, _previousLow)) : Math.Max(stop, Math.Max(high, _previousHigh));
}
