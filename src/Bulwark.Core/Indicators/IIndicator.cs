using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// A streaming indicator over bars: each <see cref="Update"/> costs O(1) time and allocates nothing.
/// An indicator has one or more outputs (a moving average has one; Bollinger Bands have middle, upper and
/// lower), which are meaningful only once <see cref="IsReady"/> (after the warm-up period).
/// </summary>
public interface IIndicator
{
    /// <summary>True once enough bars have been seen for the outputs to be defined.</summary>
    bool IsReady { get; }

    /// <summary>How many output values the indicator has (the same for its whole life).</summary>
    int OutputCount { get; }

    /// <summary>Output <paramref name="index"/> (0 to <see cref="OutputCount"/> - 1) for the latest bar; 0 before ready.</summary>
    decimal GetOutput(int index);

    /// <summary>Takes the next bar, which must follow the previous one in time.</summary>
    void Update(in Bar bar);
}
