using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The direction <see cref="AroonStrategy"/> trades: up once the <see cref="Aroon"/> oscillator of <see cref="Period"/>
/// bars is above <see cref="Threshold"/> (at 0: the period's highest high more recent than its lowest low), down once
/// it is below -Threshold, and in between, or on either edge, the direction it had. Ready once the Aroon is and its
/// oscillator has first been outside that band, the direction it starts with. Its one output is the direction, 1 up and
/// -1 down.
/// </summary>
public sealed class AroonTrend : ITrendLine
{
    private readonly Aroon _aroon;
    private int _direction;

    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="period"/> is below 1, or <paramref name="threshold"/> is negative or not below 100 (the
    /// oscillator's most).
    /// </exception>
    public AroonTrend(int period, decimal threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, AroonOptions.MaxThreshold);
        _aroon = new Aroon(period);
        Threshold = threshold;
    }

    public int Period => _aroon.Period;

    /// <summary>How far past zero the oscillator must go, either way, to set the direction.</summary>
    public decimal Threshold { get; }

    /// <summary>The Aroon oscillator after the latest bar, up - down; 0 before the Aroon is ready.</summary>
    public decimal Oscillator => _aroon.Oscillator;

    public bool IsReady => _direction != 0;

    public bool IsUp => _direction > 0;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? _direction : throw new ArgumentOutOfRangeException(nameof(index), index, "The Aroon trend has one output: the direction.");

    public void Update(in Bar bar)
    {
        _aroon.Update(in bar);
        if (!_aroon.IsReady) return;
        var oscillator = _aroon.Oscillator;
        if (oscillator > Threshold) _direction = 1;
        else if (oscillator < -Threshold) _direction = -1;
    }
}
