using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// The supertrend: a trailing line <see cref="Multiplier"/> average true ranges (Wilder's, of <see cref="Period"/>
/// bars) from the bar's midpoint, (high + low) / 2, below the closes in an uptrend and above them in a downtrend. The
/// upper band only falls (it takes a lower value, or any value once a close has gone above it) and the lower only
/// rises, as a trailing stop does; the trend turns up on a close above the upper band and down on a close below the
/// lower, and the line then jumps to the other band. The first bar the range is known on starts a downtrend with both
/// bands fresh, as the common charting scripts start it. With a narrow multiplier the bands can cross, so the bar that
/// turns the trend may close beyond its new line; the next bar resets that band, as the scripts do. Outputs in order:
/// the line, and the direction (1 up, -1 down). O(1) per update, no allocation.
/// </summary>
public sealed class Supertrend : ITrendLine
{
    private readonly AverageTrueRange _range;
    private decimal _previousClose;
    private bool _hasBands;

    public Supertrend(int period, decimal multiplier)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        if (multiplier <= 0m) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        _range = new AverageTrueRange(period);
        Multiplier = multiplier;
    }

    public int Period => _range.Period;
    public decimal Multiplier { get; }
    public bool IsReady => _hasBands;

    /// <summary>Whether the trend is up (the line below the closes) after the latest bar; false before ready.</summary>
    public bool IsUp { get; private set; }

    /// <summary>The band above the closes, which only falls until a close goes above it; 0 before ready.</summary>
    public decimal Upper { get; private set; }

    /// <summary>The band below the closes, which only rises until a close goes below it; 0 before ready.</summary>
    public decimal Lower { get; private set; }

    /// <summary>The lower band in an uptrend, the upper in a downtrend; 0 before ready.</summary>
    public decimal Line => IsUp ? Lower : Upper;

    public int OutputCount => 2;

    public decimal GetOutput(int index) => index switch
    {
        0 => Line,
        1 => !IsReady ? 0m : IsUp ? 1m : -1m,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The supertrend has two outputs: the line and the direction."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        _range.Update(high, low, close);
        if (_range.IsReady)
        {
            var middle = (high + low) / 2m;
            var width = Multiplier * _range.Value;
            var (upper, lower) = (middle + width, middle - width);
            if (!_hasBands) (Upper, Lower, IsUp, _hasBands) = (upper, lower, false, true);
            else
            {
                if (upper < Upper || _previousClose > Upper) Upper = upper;
                if (lower > Lower || _previousClose < Lower) Lower = lower;
                IsUp = IsUp ? close >= Lower : close > Upper;
            }
        }
        _previousClose = close;
    }
}
