using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming average true range with Wilder's smoothing. The true range of a bar is
/// max(high, previous close) - min(low, previous close); the first bar has no previous close, so its true
/// range is high - low. The first value, after <see cref="Period"/> bars, is the mean of their true ranges;
/// then (previous * (Period - 1) + true range) / Period. O(1) per update, no allocation.
/// </summary>
public sealed class AverageTrueRange : IIndicator
{
    private WilderAverage _average;
    private decimal _previousClose;
    private bool _hasPrevious;

    public AverageTrueRange(int period)
    {
        _average = new WilderAverage(period);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _average.IsReady;

    /// <summary>The average true range after the latest bar; 0 before ready.</summary>
    public decimal Value => IsReady ? _average.Value : 0m;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "The average true range has one output.");

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        if (high < low) throw new ArgumentException($"high {high} is below low {low}", nameof(high));
        var trueRange = _hasPrevious
            ? Math.Max(high, _previousClose) - Math.Min(low, _previousClose)
            : high - low;
        _average.Add(trueRange);
        _previousClose = close;
        _hasPrevious = true;
    }
}
