using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// The Donchian channel over the last <see cref="Period"/> bars, the latest included: the top is the highest high,
/// the bottom the lowest low, the middle halfway between. A breakout system compares a close with the channel of the
/// bars before it. Ready after Period bars. Outputs in order: middle, top, bottom (as Bollinger Bands').
/// O(1) per update (amortised), no allocation after construction.
/// </summary>
public sealed class DonchianChannel : IIndicator
{
    private HighLowRange _range;

    public DonchianChannel(int period)
    {
        _range = new HighLowRange(period);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _range.IsReady;

    /// <summary>The highest high of the window; 0 before ready.</summary>
    public decimal Upper => IsReady ? _range.Highest : 0m;

    /// <summary>The lowest low of the window; 0 before ready.</summary>
    public decimal Lower => IsReady ? _range.Lowest : 0m;

    /// <summary>Halfway between the two; 0 before ready.</summary>
    public decimal Middle => IsReady ? (_range.Highest + _range.Lowest) / 2m : 0m;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Middle,
        1 => Upper,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The Donchian channel has three outputs: middle, top, bottom."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low) => _range.Add(high, low);
}
