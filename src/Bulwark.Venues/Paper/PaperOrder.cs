using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>One row of the paper venue's order book, changed only inside a transaction and then written back.</summary>
internal sealed class PaperOrder
{
    public required string ClientOrderId { get; init; }
    public required string VenueOrderId { get; init; }
    public required string Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType Type { get; init; }
    public required TimeInForce TimeInForce { get; init; }
    public required decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }

    /// <summary>
    /// The one-cancels-other group the order was submitted in, or null: a group is this name within the order's
    /// symbol (see <see cref="PaperOco"/>).
    /// </summary>
    public string? OcoGroup { get; init; }

    public decimal FilledQuantity { get; set; }
    public decimal AverageFillPrice { get; set; }
    public required OrderStatus Status { get; set; }
    public VenueRejectCode RejectCode { get; init; }
    public string? RejectMessage { get; init; }

    /// <summary>True once a stop-limit order's stop has been touched; from then on it is a limit order.</summary>
    public bool StopTriggered { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }

    public decimal Remaining => Quantity - FilledQuantity;

    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;

    /// <summary>Records a fill of <paramref name="quantity"/> at <paramref name="price"/> on the order itself.</summary>
    public void ApplyFill(decimal quantity, decimal price, DateTimeOffset now)
    {
        var filled = FilledQuantity + quantity;
        AverageFillPrice = ((FilledQuantity * AverageFillPrice) + (quantity * price)) / filled;
        FilledQuantity = filled;
        Status = filled >= Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        UpdatedAt = now;
    }

    public VenueOrder ToVenueOrder() => new(
        ClientOrderId, VenueOrderId, Symbol, Side, Type, TimeInForce, Quantity, LimitPrice, StopPrice,
        FilledQuantity, AverageFillPrice, Status, RejectCode, RejectMessage, CreatedAt, UpdatedAt);
}
