using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests;

/// <summary>An order's implementation shortfall: its fills against the price it was decided at, on what filled.</summary>
public sealed class BacktestOrderShortfallTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ItCountsWhatFilled_TimesTheMultiplier_ForMarketAndStopOrdersOnly()
    {
        // A future's sell stop at 4000 of which 3 of 5 filled at 3998 on average: 2 points × 3 × 50.
        var stop = new BacktestOrder("o1", "ES", OrderSide.Sell, 5m, Day0, 4000m, Day0.AddDays(1), 3998m, 0m)
        {
            Type = OrderType.Stop,
            Filled = 3m,
            Multiplier = 50m,
        };
        var market = new BacktestOrder("o2", "SPY", OrderSide.Buy, 10m, Day0, 100m, Day0.AddDays(1), 99.5m, 0m);
        var limit = new BacktestOrder("o3", "SPY", OrderSide.Sell, 10m, Day0, 105m, Day0.AddDays(1), 106m, 0m) { Type = OrderType.Limit };
        var unfilled = new BacktestOrder("o4", "SPY", OrderSide.Buy, 10m, Day0, 100m, null, null, 0m);

        Assert.Equal(300m, stop.ImplementationShortfall);
        Assert.Equal(-5m, market.ImplementationShortfall); // an open below the close bought better than decided
        Assert.Equal(0m, limit.ImplementationShortfall);
        Assert.Equal(0m, unfilled.ImplementationShortfall);
        Assert.Equal(295m, new BacktestResult(0m, 0m, 0m, 0, 0, [stop, market, limit, unfilled], []).ImplementationShortfall);
    }
}
