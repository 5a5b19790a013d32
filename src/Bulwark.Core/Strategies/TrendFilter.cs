using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// An entry filter on trend strength: a strategy's entries are taken only while Wilder's ADX of <see cref="AdxPeriod"/>
/// bars is at least <see cref="MinAdx"/>, so a crossover system sits out the range-bound stretches where its signals
/// whipsaw. Exits are never filtered. A cross while the ADX is too low (or not yet ready, for 2 × AdxPeriod bars) is
/// skipped, not taken later: an entry is never signalled late.
/// </summary>
public sealed record TrendFilter(decimal MinAdx, int AdxPeriod)
{
    /// <summary>The ADX's default period, Wilder's.</summary>
    public const int DefaultAdxPeriod = 14;

    /// <summary>The bars before the filter can let an entry through.</summary>
    public int BarsToReady => 2 * AdxPeriod;

    /// <summary>A new ADX for one symbol.</summary>
    public AverageDirectionalIndex NewIndex() => new(AdxPeriod);

    /// <summary>Whether an entry may be signalled with <paramref name="index"/> as it stands.</summary>
    public bool Allows(AverageDirectionalIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.IsReady && index.Value >= MinAdx;
    }
}
