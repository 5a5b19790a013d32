namespace Bulwark.Core.MarketData;

/// <summary>
/// The data quality stops (a bot's <c>dataQuality</c>): when a symbol's data looks wrong, no position is opened or added
/// to there (<see cref="Risk.DenyReason.DataQualityStop"/>) until good data comes back; closing always passes. A bar that
/// is not a bar (prices not positive, high below low, open or close outside the range, negative volume) or that is not
/// after the symbol's last one is always refused and stops the symbol; these two checks are optional.
/// </summary>
public sealed record DataQualityOptions
{
    /// <summary>
    /// The most a bar's close may move from the symbol's last close, in percent: a bar that moves further is taken (it
    /// may be real) but stops the symbol until a following bar closes within this much of it, confirming the new level.
    /// Null: not checked.
    /// </summary>
    public decimal? MaxJumpPercent { get; init; }

    /// <summary>
    /// How long a symbol may go without a bar while its market is open (checked at the timer's ticks, so in a running bot,
    /// not in a backtest) before it is stopped; its next bar lifts the stop. Null: not checked.
    /// </summary>
    public TimeSpan? StaleAfter { get; init; }
}
