using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// A bar's volume over the mean volume of the <see cref="Period"/> bars before it (its own not included): what the
/// signal strategies' volume filter (minVolumeRatio, maxVolumeRatio) compares with its bounds, so a run's entries can
/// be checked against it. Ready once the mean is known and above zero: with no volume before the bar there is no ratio.
/// </summary>
public sealed class VolumeRatio : IIndicator
{
    private readonly SimpleMovingAverage _before;
    private decimal _volume;

    public VolumeRatio(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _before = new SimpleMovingAverage(period);
    }

    public int Period => _before.Period;

    public bool IsReady => MeanKnown && MeanBefore > 0m;

    /// <summary>Whether the <see cref="Period"/> bars before the latest one have been seen, so its mean is known (zero or not).</summary>
    public bool MeanKnown { get; private set; }

    /// <summary>The mean volume of the <see cref="Period"/> bars before the latest one; 0 until known.</summary>
    public decimal MeanBefore { get; private set; }

    /// <summary>The latest bar's volume over the mean before it; 0 while not ready.</summary>
    public decimal Value => IsReady ? _volume / MeanBefore : 0m;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "A volume ratio has one output.");

    public void Update(in Bar bar)
    {
        MeanKnown = _before.IsReady;
        MeanBefore = _before.Value;
        _volume = bar.Volume;
        _before.Update(bar.Volume);
    }
}
