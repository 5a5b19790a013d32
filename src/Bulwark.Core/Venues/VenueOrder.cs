using Bulwark.Core.Orders;

namespace Bulwark.Core.Venues;

/// <summary>An order as the venue knows it.</summary>
public sealed record VenueOrder(
    string ClientOrderId,
    string VenueOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal FilledQuantity,
    decimal AverageFillPrice,
    OrderStatus Status,
    VenueRejectCode RejectCode,
    string? RejectMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
