namespace Bulwark.Core.Orders;

/// <summary>An order was asked to make a transition its state machine does not allow.</summary>
public sealed class IllegalOrderTransitionException(string clientOrderId, OrderStatus from, OrderTrigger trigger)
    : InvalidOperationException($"Order {clientOrderId}: {trigger} is not allowed in state {from}.")
{
    public string ClientOrderId { get; } = clientOrderId;
    public OrderStatus From { get; } = from;
    public OrderTrigger Trigger { get; } = trigger;
}
