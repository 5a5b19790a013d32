using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Orders;

public sealed class OrderTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);

    private static Order NewOrder(decimal quantity, OrderStatus status = OrderStatus.Accepted) => new()
    {
        ClientOrderId = "bot-20240305-000001",
        OrderSequence = 1,
        SignalId = "s-1",
        Source = "test",
        Symbol = "AAPL",
        Side = OrderSide.Buy,
        Type = OrderType.Market,
        TimeInForce = TimeInForce.Gtc,
        Quantity = quantity,
        ExpectedPrice = 10m,
        CreatedAt = T0,
        Status = status,
    };

    [Fact]
    public void RecordFill_ThatLeavesQuantityOpen_IsAPartialFill()
    {
        var order = NewOrder(10m);

        order.RecordFill(4m, 10m, T0.AddSeconds(1));

        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(4m, order.FilledQuantity);
        Assert.Equal(6m, order.LeavesQuantity);
        Assert.Equal(6m, order.SignedLeaves);
        Assert.Equal(T0.AddSeconds(1), order.UpdatedAt);
    }

    [Fact]
    public void RecordFill_ThatCompletesTheOrder_IsAFill_WithQuantityWeightedAveragePrice()
    {
        var order = NewOrder(10m);

        order.RecordFill(4m, 10m, T0);
        order.RecordFill(6m, 20m, T0);

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, order.FilledQuantity);
        // (4 * 10 + 6 * 20) / 10
        Assert.Equal(16m, order.AverageFillPrice);
        Assert.Equal(0m, order.LeavesQuantity);
        Assert.Equal(0m, order.SignedLeaves);
    }

    [Fact]
    public void RecordFill_ForMoreThanTheOrderQuantity_CompletesTheOrder()
    {
        var order = NewOrder(10m, OrderStatus.Submitted);

        order.RecordFill(12m, 5m, T0);

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(12m, order.FilledQuantity);
        Assert.Equal(0m, order.LeavesQuantity);
    }

    [Fact]
    public void RecordFill_AfterCancelRequest_StaysPendingCancelUntilComplete()
    {
        var order = NewOrder(10m, OrderStatus.PendingCancel);

        order.RecordFill(3m, 10m, T0);
        Assert.Equal(OrderStatus.PendingCancel, order.Status);

        order.RecordFill(7m, 10m, T0);
        Assert.Equal(OrderStatus.Filled, order.Status);
    }

    [Fact]
    public void RecordFill_AfterCancel_IsCountedButTheOrderStaysCanceled()
    {
        var order = NewOrder(10m, OrderStatus.Canceled);

        order.RecordFill(10m, 12m, T0);

        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(10m, order.FilledQuantity);
        Assert.Equal(12m, order.AverageFillPrice);
        Assert.Equal(0m, order.SignedLeaves);
    }

    [Fact]
    public void SignedLeaves_OfASell_IsNegative()
    {
        var order = new Order
        {
            ClientOrderId = "bot-20240305-000002",
            OrderSequence = 2,
            SignalId = "s-2",
            Source = "test",
            Symbol = "AAPL",
            Side = OrderSide.Sell,
            Type = OrderType.Market,
            TimeInForce = TimeInForce.Gtc,
            Quantity = 5m,
            ExpectedPrice = 10m,
            CreatedAt = T0,
            Status = OrderStatus.Accepted,
        };

        order.RecordFill(2m, 10m, T0);

        Assert.Equal(-3m, order.SignedLeaves);
    }

    [Theory]
    [InlineData(OrderStatus.Initialized)]
    [InlineData(OrderStatus.Denied)]
    [InlineData(OrderStatus.Filled)]
    [InlineData(OrderStatus.Rejected)]
    public void RecordFill_OnAnOrderThatCannotFill_ThrowsAndChangesNothing(OrderStatus status)
    {
        var order = NewOrder(10m, status);

        Assert.Throws<IllegalOrderTransitionException>(() => order.RecordFill(4m, 10m, T0.AddSeconds(5)));

        Assert.Equal(status, order.Status);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal(0m, order.AverageFillPrice);
    }

    [Fact]
    public void Transition_GoesThroughTheTable()
    {
        var order = NewOrder(10m, OrderStatus.Initialized);

        order.Transition(OrderTrigger.Submit, T0.AddSeconds(2));

        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(T0.AddSeconds(2), order.UpdatedAt);
        Assert.Throws<IllegalOrderTransitionException>(() => order.Transition(OrderTrigger.Deny, T0));
        Assert.Equal(OrderStatus.Submitted, order.Status);
    }
}
