using Bulwark.Core.Venues;

namespace Bulwark.Core.Orders;

/// <summary>
/// An order as the engine knows it. Mutable, but only the kernel's state projection changes it, and only
/// through <see cref="Transition"/> and <see cref="RecordFill"/>, so every status change goes through the table.
/// </summary>
public sealed class Order
{
    public required string ClientOrderId { get; init; }
    public required long OrderSequence { get; init; }
    public required string SignalId { get; init; }
    public required string Source { get; init; }
    public required string Symbol { get; init; }
    public required OrderSide Side { get; init; }
    public required OrderType Type { get; init; }
    public required TimeInForce TimeInForce { get; init; }
    public required decimal Quantity { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public required decimal ExpectedPrice { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The placing strategy's label when the strategy placed the order itself; null for orders from signals.</summary>
    public string? Tag { get; init; }

    public string? VenueOrderId { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Initialized;
    public decimal FilledQuantity { get; set; }
    public decimal AverageFillPrice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public VenueRejectCode RejectCode { get; set; }
    public string? Detail { get; set; }

    /// <summary>Venue trade ids applied to this order: fill idempotency lives with the order it fills.</summary>
    public string[]? TradeIds { get; set; }

    public bool HasTrade(string venueTradeId) => TradeIds is not null && Array.IndexOf(TradeIds, venueTradeId) >= 0;

    /// <summary>Most orders fill once: an exact-size array costs less than a list.</summary>
    public void AddTrade(string venueTradeId) => TradeIds = TradeIds is null ? [venueTradeId] : [.. TradeIds, venueTradeId];

    public decimal LeavesQuantity => Math.Max(0m, Quantity - FilledQuantity);

    /// <summary>Signed quantity still to execute (+ buy, - sell); zero once the order cannot fill any more.</summary>
    public decimal SignedLeaves => Status.IsOpen() || Status == OrderStatus.Initialized
        ? (Side == OrderSide.Buy ? LeavesQuantity : -LeavesQuantity)
        : 0m;

    public void Transition(OrderTrigger trigger, DateTimeOffset at)
    {
        Status = OrderStateMachine.Next(ClientOrderId, Status, trigger);
        UpdatedAt = at;
    }

    /// <summary>Adds a fill: quantity-weighted average price, then the Fill or PartialFill transition.</summary>
    public void RecordFill(decimal quantity, decimal price, DateTimeOffset at)
    {
        var total = FilledQuantity + quantity;
        // Check the transition before touching anything, so an illegal fill leaves the order as it was.
        var next = OrderStateMachine.Next(ClientOrderId, Status, total >= Quantity ? OrderTrigger.Fill : OrderTrigger.PartialFill);
        AverageFillPrice = FilledQuantity == 0m ? price // the common single fill: no decimal division
            : total == 0m ? 0m : ((AverageFillPrice * FilledQuantity) + (price * quantity)) / total;
        FilledQuantity = total;
        Status = next;
        UpdatedAt = at;
    }
}
