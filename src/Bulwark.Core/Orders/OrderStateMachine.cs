using System.Collections.Frozen;

namespace Bulwark.Core.Orders;

/// <summary>
/// The one order state machine: a single transition table. Real-world oddities are rows of the table:
/// a fill after a cancel request, a late fill after a cancel or an expiry (the broker is truth),
/// an acknowledgment that arrives after the first fill.
/// </summary>
public static class OrderStateMachine
{
    private static readonly FrozenDictionary<(OrderStatus, OrderTrigger), OrderStatus> Table = Build();

    public static IReadOnlyDictionary<(OrderStatus From, OrderTrigger Trigger), OrderStatus> Transitions => Table;

    public static bool TryNext(OrderStatus from, OrderTrigger trigger, out OrderStatus next) =>
        Table.TryGetValue((from, trigger), out next);

    public static OrderStatus Next(string clientOrderId, OrderStatus from, OrderTrigger trigger) =>
        Table.TryGetValue((from, trigger), out var next)
            ? next
            : throw new IllegalOrderTransitionException(clientOrderId, from, trigger);

    private static FrozenDictionary<(OrderStatus, OrderTrigger), OrderStatus> Build()
    {
        var t = new Dictionary<(OrderStatus, OrderTrigger), OrderStatus>();
        void Row(OrderStatus from, OrderTrigger on, OrderStatus to) => t.Add((from, on), to);

        Row(OrderStatus.Initialized, OrderTrigger.Deny, OrderStatus.Denied);
        Row(OrderStatus.Initialized, OrderTrigger.Submit, OrderStatus.Submitted);

        Row(OrderStatus.Submitted, OrderTrigger.Accept, OrderStatus.Accepted);
        Row(OrderStatus.Submitted, OrderTrigger.Reject, OrderStatus.Rejected);
        // Fills can overtake the acknowledgment.
        Row(OrderStatus.Submitted, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled);
        Row(OrderStatus.Submitted, OrderTrigger.Fill, OrderStatus.Filled);
        Row(OrderStatus.Submitted, OrderTrigger.CancelRequest, OrderStatus.PendingCancel);
        Row(OrderStatus.Submitted, OrderTrigger.Cancel, OrderStatus.Canceled);
        Row(OrderStatus.Submitted, OrderTrigger.Expire, OrderStatus.Expired);

        Row(OrderStatus.Accepted, OrderTrigger.Accept, OrderStatus.Accepted);
        Row(OrderStatus.Accepted, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled);
        Row(OrderStatus.Accepted, OrderTrigger.Fill, OrderStatus.Filled);
        Row(OrderStatus.Accepted, OrderTrigger.CancelRequest, OrderStatus.PendingCancel);
        Row(OrderStatus.Accepted, OrderTrigger.Cancel, OrderStatus.Canceled);
        Row(OrderStatus.Accepted, OrderTrigger.Expire, OrderStatus.Expired);
        Row(OrderStatus.Accepted, OrderTrigger.Reject, OrderStatus.Rejected);

        Row(OrderStatus.PartiallyFilled, OrderTrigger.Accept, OrderStatus.PartiallyFilled);
        Row(OrderStatus.PartiallyFilled, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled);
        Row(OrderStatus.PartiallyFilled, OrderTrigger.Fill, OrderStatus.Filled);
        Row(OrderStatus.PartiallyFilled, OrderTrigger.CancelRequest, OrderStatus.PendingCancel);
        Row(OrderStatus.PartiallyFilled, OrderTrigger.Cancel, OrderStatus.Canceled);
        Row(OrderStatus.PartiallyFilled, OrderTrigger.Expire, OrderStatus.Expired);

        // A cancel request races the market: fills may still arrive, and the venue may refuse the cancel.
        Row(OrderStatus.PendingCancel, OrderTrigger.Accept, OrderStatus.PendingCancel);
        Row(OrderStatus.PendingCancel, OrderTrigger.PartialFill, OrderStatus.PendingCancel);
        Row(OrderStatus.PendingCancel, OrderTrigger.Fill, OrderStatus.Filled);
        Row(OrderStatus.PendingCancel, OrderTrigger.Cancel, OrderStatus.Canceled);
        Row(OrderStatus.PendingCancel, OrderTrigger.CancelReject, OrderStatus.Accepted);
        Row(OrderStatus.PendingCancel, OrderTrigger.CancelRequest, OrderStatus.PendingCancel);
        Row(OrderStatus.PendingCancel, OrderTrigger.Expire, OrderStatus.Expired);
        Row(OrderStatus.PendingCancel, OrderTrigger.Reject, OrderStatus.Rejected);

        // Late fills after the order ended: the venue executed before it processed the cancel/expiry.
        // The fill is applied (the broker is truth); the status stays terminal and the fill is flagged.
        Row(OrderStatus.Canceled, OrderTrigger.PartialFill, OrderStatus.Canceled);
        Row(OrderStatus.Canceled, OrderTrigger.Fill, OrderStatus.Canceled);
        Row(OrderStatus.Expired, OrderTrigger.PartialFill, OrderStatus.Expired);
        Row(OrderStatus.Expired, OrderTrigger.Fill, OrderStatus.Expired);

        return t.ToFrozenDictionary();
    }
}
