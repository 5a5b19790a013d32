using Bulwark.Backtest.Reports;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class FillOrderTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);

    private static BacktestOrder Order(string id, int filledMinute, decimal quantity = 1m) =>
        new(id, "SPY", OrderSide.Buy, quantity, Start, 10m, filledMinute < 0 ? null : Start.AddMinutes(filledMinute),
            filledMinute < 0 ? null : 10m, 0m);

    [Fact]
    public void Of_OrdersAlreadyFilledInTheOrderDecided_KeepsThatOrder_WithoutUnfilledOnes()
    {
        var fills = FillOrder.Of([Order("a", 1), Order("b", -1), Order("c", 1), Order("d", 2)]);

        Assert.Equal(["a", "c", "d"], fills.Select(o => o.ClientOrderId));
    }

    [Fact]
    public void Of_ARestingOrderThatFilledAfterLaterOnes_ComesByFillTime_AndEqualTimesKeepTheOrderDecided()
    {
        // "rest" was decided first but filled at minute 5, after "m1" and "m2"; "m3" fills at the same minute as "rest".
        var fills = FillOrder.Of([Order("rest", 5), Order("m1", 1), Order("m2", 3), Order("m3", 5), Order("zero", 4, quantity: 0m)]);

        Assert.Equal(["m1", "m2", "rest", "m3"], fills.Select(o => o.ClientOrderId));
    }
}
