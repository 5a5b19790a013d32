namespace Bulwark.Venues.Paper;

/// <summary>
/// When a bar fills a resting limit order. A bar that only touches the limit says the price traded there, not that
/// the order's place in the queue was reached: real limit orders at the touch often go unfilled, so a strategy that
/// lives on limit fills (a grid) looks better on <see cref="Touch"/> than it trades.
/// </summary>
public enum PaperLimitFill
{
    /// <summary>When the bar trades at the limit or beyond (a buy's low at or below it): the default.</summary>
    Touch,

    /// <summary>
    /// Only when the bar trades beyond the limit (a buy's low below it, a sell's high above it): the queue at the limit
    /// surely cleared. The conservative reading, for a strategy's limit fills.
    /// </summary>
    Through,
}
