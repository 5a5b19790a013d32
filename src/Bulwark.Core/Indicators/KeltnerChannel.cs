using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Keltner channels: the middle is the EMA(<see cref="Period"/>) of the close, the top and bottom are the middle plus
/// and minus <see cref="Multiplier"/> average true ranges (Wilder's, of <see cref="RangePeriod"/> bars, as
/// <see cref="AverageTrueRange"/>). Ready once both are. Outputs in order: middle, top, bottom (as Bollinger Bands').
/// O(1) per update, no allocation after construction.
/// </summary>
public sealed class KeltnerChannel : IIndicator
{
    private readonly ExponentialMovingAverage _middle;
    private readonly AverageTrueRange _range;

    public KeltnerChannel(int period, decimal multiplier, int rangePeriod)
    {
        if (multiplier <= 0m) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be positive.");
        _middle = new ExponentialMovingAverage(period);
        _range = new AverageTrueRange(rangePeriod);
        Multiplier = multiplier;
    }

    public int Period => _middle.Period;
    public decimal Multiplier { get; }
    public int RangePeriod => _range.Period;
    public bool IsReady => _middle.IsReady && _range.IsReady;

    /// <summary>The EMA of the close; 0 before ready.</summary>
    public decimal Middle => IsReady ? _middle.Value : 0m;

    /// <summary>The average true range the channel is <see cref="Multiplier"/> of each side wide; 0 before ready.</summary>
    public decimal AverageRange => IsReady ? _range.Value : 0m;

    /// <summary>Middle + Multiplier × ATR; 0 before ready.</summary>
    public decimal Upper => IsReady ? _middle.Value + (Multiplier * _range.Value) : 0m;

    /// <summary>Middle - Multiplier × ATR; 0 before ready.</summary>
    public decimal Lower => IsReady ? _middle.Value - (Multiplier * _range.Value) : 0m;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Middle,
        1 => Upper,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Keltner channels have three outputs: middle, top, bottom."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        _range.Update(high, low, close);
        _middle.Update(close);
    }
}
