using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Orders;

public sealed class OrderStateMachineTests
{
    // The expected table, written from the order life cycle rather than read from the implementation.
    // Every (status, trigger) pair not listed here must be illegal.
    private static readonly (OrderStatus From, OrderTrigger On, OrderStatus To)[] Allowed =
    [
        // An intent is either refused inside the engine or handed to a venue.
        (OrderStatus.Initialized, OrderTrigger.Deny, OrderStatus.Denied),
        (OrderStatus.Initialized, OrderTrigger.Submit, OrderStatus.Submitted),

        // Pending new: the venue answers, or fills overtake its acknowledgment.
        (OrderStatus.Submitted, OrderTrigger.Accept, OrderStatus.Accepted),
        (OrderStatus.Submitted, OrderTrigger.Reject, OrderStatus.Rejected),
        (OrderStatus.Submitted, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled),
        (OrderStatus.Submitted, OrderTrigger.Fill, OrderStatus.Filled),
        (OrderStatus.Submitted, OrderTrigger.CancelRequest, OrderStatus.PendingCancel),
        (OrderStatus.Submitted, OrderTrigger.Cancel, OrderStatus.Canceled),
        (OrderStatus.Submitted, OrderTrigger.Expire, OrderStatus.Expired),

        // Working.
        (OrderStatus.Accepted, OrderTrigger.Accept, OrderStatus.Accepted),
        (OrderStatus.Accepted, OrderTrigger.Reject, OrderStatus.Rejected),
        (OrderStatus.Accepted, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled),
        (OrderStatus.Accepted, OrderTrigger.Fill, OrderStatus.Filled),
        (OrderStatus.Accepted, OrderTrigger.CancelRequest, OrderStatus.PendingCancel),
        (OrderStatus.Accepted, OrderTrigger.Cancel, OrderStatus.Canceled),
        (OrderStatus.Accepted, OrderTrigger.Expire, OrderStatus.Expired),

        // Partly filled; an acknowledgment that trails the first fill changes nothing.
        (OrderStatus.PartiallyFilled, OrderTrigger.Accept, OrderStatus.PartiallyFilled),
        (OrderStatus.PartiallyFilled, OrderTrigger.PartialFill, OrderStatus.PartiallyFilled),
        (OrderStatus.PartiallyFilled, OrderTrigger.Fill, OrderStatus.Filled),
        (OrderStatus.PartiallyFilled, OrderTrigger.CancelRequest, OrderStatus.PendingCancel),
        (OrderStatus.PartiallyFilled, OrderTrigger.Cancel, OrderStatus.Canceled),
        (OrderStatus.PartiallyFilled, OrderTrigger.Expire, OrderStatus.Expired),

        // A cancel request races the market: fills still arrive, the venue may refuse the cancel.
        (OrderStatus.PendingCancel, OrderTrigger.Accept, OrderStatus.PendingCancel),
        (OrderStatus.PendingCancel, OrderTrigger.Reject, OrderStatus.Rejected),
        (OrderStatus.PendingCancel, OrderTrigger.PartialFill, OrderStatus.PendingCancel),
        (OrderStatus.PendingCancel, OrderTrigger.Fill, OrderStatus.Filled),
        (OrderStatus.PendingCancel, OrderTrigger.CancelRequest, OrderStatus.PendingCancel),
        (OrderStatus.PendingCancel, OrderTrigger.CancelReject, OrderStatus.Accepted),
        (OrderStatus.PendingCancel, OrderTrigger.Cancel, OrderStatus.Canceled),
        (OrderStatus.PendingCancel, OrderTrigger.Expire, OrderStatus.Expired),

        // Terminal states accept nothing but late fills after a cancel or an expiry (the broker is truth).
        (OrderStatus.Canceled, OrderTrigger.PartialFill, OrderStatus.Canceled),
        (OrderStatus.Canceled, OrderTrigger.Fill, OrderStatus.Canceled),
        (OrderStatus.Expired, OrderTrigger.PartialFill, OrderStatus.Expired),
        (OrderStatus.Expired, OrderTrigger.Fill, OrderStatus.Expired),
    ];

    public static TheoryData<OrderStatus, OrderTrigger> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderTrigger>();
        foreach (var from in Enum.GetValues<OrderStatus>())
            foreach (var on in Enum.GetValues<OrderTrigger>())
                data.Add(from, on);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Next_ForEveryStatusAndTrigger_MatchesTheExpectedTable(OrderStatus from, OrderTrigger on)
    {
        var row = Allowed.Where(r => r.From == from && r.On == on).ToList();
        if (row.Count == 1)
        {
            Assert.Equal(row[0].To, OrderStateMachine.Next("c-1", from, on));
            Assert.True(OrderStateMachine.TryNext(from, on, out var next));
            Assert.Equal(row[0].To, next);
        }
        else
        {
            var ex = Assert.Throws<IllegalOrderTransitionException>(() => OrderStateMachine.Next("c-1", from, on));
            Assert.Equal("c-1", ex.ClientOrderId);
            Assert.Equal(from, ex.From);
            Assert.Equal(on, ex.Trigger);
            Assert.False(OrderStateMachine.TryNext(from, on, out _));
        }
    }

    [Fact]
    public void ExpectedTable_HasNoDuplicateRows_AndCoversTheWholeImplementedTable()
    {
        Assert.Equal(Allowed.Length, Allowed.Select(r => (r.From, r.On)).Distinct().Count());
        Assert.Equal(Allowed.Length, OrderStateMachine.Transitions.Count);
    }

    [Theory]
    [InlineData(OrderStatus.Denied)]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Canceled)]
    [InlineData(OrderStatus.Expired)]
    public void TerminalState_AcceptsNoTriggerButLateFills(OrderStatus terminal)
    {
        var lateFillsAllowed = terminal is OrderStatus.Canceled or OrderStatus.Expired;
        foreach (var on in Enum.GetValues<OrderTrigger>())
        {
            var isFill = on is OrderTrigger.Fill or OrderTrigger.PartialFill;
            var allowed = OrderStateMachine.TryNext(terminal, on, out var next);
            Assert.Equal(lateFillsAllowed && isFill, allowed);
            if (allowed) Assert.Equal(terminal, next); // a late fill never reopens the order
        }
    }

    [Fact]
    public void Fill_AfterCancelRequest_StaysPendingCancelUntilComplete()
    {
        Assert.Equal(OrderStatus.PendingCancel, OrderStateMachine.Next("c-1", OrderStatus.PendingCancel, OrderTrigger.PartialFill));
        Assert.Equal(OrderStatus.Filled, OrderStateMachine.Next("c-1", OrderStatus.PendingCancel, OrderTrigger.Fill));
    }

    [Fact]
    public void Ack_AfterFirstFill_KeepsPartiallyFilled_AndAfterCompleteFill_IsIllegal()
    {
        Assert.Equal(OrderStatus.PartiallyFilled, OrderStateMachine.Next("c-1", OrderStatus.PartiallyFilled, OrderTrigger.Accept));
        Assert.Throws<IllegalOrderTransitionException>(() => OrderStateMachine.Next("c-1", OrderStatus.Filled, OrderTrigger.Accept));
    }
}
