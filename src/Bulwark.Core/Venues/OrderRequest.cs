using Bulwark.Core.Orders;

namespace Bulwark.Core.Venues;

/// <summary>
/// What the engine asks a venue to do. Quantity is positive; the side gives the direction.
/// <see cref="OcoGroup"/>, when given, makes the order one of a one-cancels-other group: orders of the same symbol with
/// the same group name, of which the first to fill (in whole or in part) cancels the others at the venue, and after
/// which no new order may join the group (it is rejected with <see cref="VenueRejectCode.OcoGroupFilled"/>).
/// </summary>
public sealed record OrderRequest(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal? LimitPrice = null,
    decimal? StopPrice = null,
    string? OcoGroup = null);
