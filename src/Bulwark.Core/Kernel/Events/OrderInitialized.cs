using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel.Events;

/// <summary>An order intent with its deterministic ClientOrderId; <paramref name="OrderSequence"/> is the id's counter.</summary>
public sealed record OrderInitialized(
    string ClientOrderId,
    long OrderSequence,
    string SignalId,
    string Source,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? StopPrice,
    decimal ExpectedPrice) : BotEvent
{
    /// <summary>Set when a strategy placed the order itself (a resting limit order, not a signal): the strategy's label.</summary>
    public string? Tag { get; init; }

    /// <summary>The one-cancels-other group the order was sent in (a protective stop and its take-profit), or null.</summary>
    public string? OcoGroup { get; init; }
}
