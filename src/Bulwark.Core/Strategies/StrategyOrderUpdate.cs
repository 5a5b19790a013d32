using Bulwark.Core.Orders;

namespace Bulwark.Core.Strategies;

/// <summary>
/// A fill or the end of one of a strategy's orders, delivered to <see cref="IStrategy.OnOrderUpdate"/> on the kernel
/// thread once the event is applied. <paramref name="Final"/> is true when the order can no longer trade.
/// <paramref name="FillQuantity"/> and <paramref name="FillPrice"/> describe this fill (zero for the other kinds);
/// <paramref name="FilledQuantity"/> is the order's total so far.
/// </summary>
public sealed record StrategyOrderUpdate(
    StrategyOrderUpdateKind Kind,
    string ClientOrderId,
    string Source,
    string Symbol,
    OrderSide Side,
    string? Tag,
    decimal FillQuantity,
    decimal FillPrice,
    decimal FilledQuantity,
    decimal OrderQuantity,
    bool Final)
{
    /// <summary>Why the venue refused the order (<see cref="StrategyOrderUpdateKind.Rejected"/> only; otherwise None).</summary>
    public Venues.VenueRejectCode RejectCode { get; init; }

    /// <summary>The journal sequence of the event this update reports (what the strategy's reaction follows from).</summary>
    public long EventSequence { get; init; }
}
