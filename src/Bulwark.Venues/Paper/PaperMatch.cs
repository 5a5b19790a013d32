namespace Bulwark.Venues.Paper;

/// <summary>
/// What one bar does to one order: whether its stop is now triggered, how much fills at what price (quantity 0:
/// nothing fills), and whether the rest is canceled (IOC remainder, FOK that cannot fill whole).
/// </summary>
internal readonly record struct PaperMatch(bool StopTriggered, decimal FillQuantity, decimal FillPrice, bool CancelRest);
