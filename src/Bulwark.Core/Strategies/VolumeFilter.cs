namespace Bulwark.Core.Strategies;

/// <summary>
/// An entry filter on volume, against the mean volume of the <see cref="Period"/> bars before: with
/// <see cref="MinRatio"/> an entry is taken only on a bar whose volume is at least that many times the mean (a breakout
/// the market backs, not a drift on thin trading); with <see cref="MaxRatio"/> only at most that many times it (a fade
/// of a quiet move, not of a capitulation); with both, only between. Exits are never filtered. An entry before the
/// mean is known (<see cref="BarsToReady"/>) or while it is zero (data without volume, or a feed that stopped sending
/// it) is skipped, not taken later: the filter cannot judge it, and says so once (see <see cref="VolumeReading"/>).
/// </summary>
public sealed record VolumeFilter(decimal? MinRatio, decimal? MaxRatio, int Period)
{
    /// <summary>The mean's default period, a month of daily bars.</summary>
    public const int DefaultPeriod = 20;

    /// <summary>The longest mean the filter takes, in bars.</summary>
    public const int MaxPeriod = 1000;

    /// <summary>The largest ratio either bound takes.</summary>
    public const decimal MaxRatioLimit = 100m;

    /// <summary>The bars before the filter can let an entry through: the mean's, then the bar judged against it.</summary>
    public int BarsToReady => Period + 1;

    /// <summary>
    /// Whether a bar of <paramref name="volume"/> may take an entry against <paramref name="mean"/>, the mean volume of
    /// the bars before it: never with a mean of zero; otherwise within the bounds, both inclusive.
    /// </summary>
    public bool Allows(decimal volume, decimal mean) =>
        mean > 0m && (MinRatio is not { } min || volume >= min * mean) && (MaxRatio is not { } max || volume <= max * mean);
}
