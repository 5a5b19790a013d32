namespace Bulwark.Venues.Paper;

/// <summary>
/// What one bar does to one order: whether its stop is now triggered, how much fills at what price (quantity 0:
/// nothing fills), and whether the rest is canceled (IOC remainder, FOK that cannot fill whole); and the price it matched
/// at before slippage and impact (<see cref="FillPrice"/> for a limit, which does not slip).
/// </summary>
internal readonly record struct PaperMatch(bool StopTriggered, decimal FillQuantity, decimal FillPrice, bool CancelRest)
{
    /// <summary>The price matched before slippage and market impact: the bar's open, or a stop's level; the fill price when none applied.</summary>
    public decimal ReferencePrice { get; init; } = FillPrice;
}
