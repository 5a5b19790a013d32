using Bulwark.Core.Execution;
using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Execution;

public sealed class DecisionShortfallTests
{
    [Theory]
    [InlineData(OrderSide.Buy, 100, 101, 10, 1, 10)]      // paid 1 more a share
    [InlineData(OrderSide.Buy, 100, 99.5, 10, 1, -5)]     // an open below the close: a gain
    [InlineData(OrderSide.Sell, 95, 94, 10, 1, 10)]       // a stop at 95 filled at 94
    [InlineData(OrderSide.Sell, 4000, 3998, 2, 50, 200)]  // a future: the multiplier counts
    [InlineData(OrderSide.Sell, 0, 101, 10, 1, 0)]        // decided before any price: not measured
    public void TheShortfall_IsTheFillAgainstTheDecisionPrice_AdversePositive(OrderSide side, double decided, double fill,
        double quantity, double multiplier, double expected) =>
        Assert.Equal((decimal)expected, DecisionShortfall.Of(side, (decimal)decided, (decimal)fill, (decimal)quantity, (decimal)multiplier));

    [Fact]
    public void MarketAndStopOrdersAreMeasured_LimitsFillAtTheirPriceOrBetter() =>
        Assert.Equal([true, true, false], new[] { OrderType.Market, OrderType.Stop, OrderType.Limit }.Select(DecisionShortfall.Applies));
}
