using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Williams %R, -100 to 0: -100 × (highest high - close) / (highest high - lowest low) over the last
/// <see cref="Period"/> bars, -50 when the bars did not move. Ready after Period bars.
/// O(1) per update (amortised), no allocation after construction.
/// </summary>
public sealed class WilliamsPercentRange : IIndicator
{
    private HighLowRange _range;
    private decimal _close;

    public WilliamsPercentRange(int period)
    {
        _range = new HighLowRange(period);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _range.IsReady;

    /// <summary>%R after the latest bar; 0 before ready.</summary>
    public decimal Value => IsReady ? -100m * (1m - _range.Position(_close)) : 0m;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "Williams %R has one output.");

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        _range.Add(high, low);
        _close = close;
    }
}
