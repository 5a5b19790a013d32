using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueFillRuleTests
{
    [Fact]
    public async Task MarketOrder_FillsAtNextBarOpen()
    {
        await using var h = await PaperHarness.OpenAsync();
        var submitted = await h.BuyAsync("c-1", 10m);

        await h.BarAsync(100m, 102m, 99m, 101m);

        var fill = Assert.Single(await h.FillsAsync());
        Assert.Equal(new VenueFill("T000000001", "c-1", submitted.VenueOrderId!, "AAPL", OrderSide.Buy, 10m, 100m, 0m,
            h.Time.GetUtcNow()), fill);
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(10m, order.FilledQuantity);
        Assert.Equal(100m, order.AverageFillPrice);
    }

    [Fact]
    public async Task Order_FillsOnlyAgainstBarsAfterIt_AndOnlyOfItsSymbol()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BarAtAsync(100m);
        await h.BuyAsync("c-1", 1m);

        await h.BarAtAsync(30_000m, symbol: "BTC");
        Assert.Empty(await h.FillsAsync());

        await h.BarAtAsync(101m);
        Assert.Equal(101m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 97, 98, 95, 95, false)]        // the low only touches the limit: the queue may not have cleared
    [InlineData(OrderSide.Buy, 97, 98, 94.99, 95, true)]      // one cent through the limit: fills at the limit
    [InlineData(OrderSide.Buy, 94, 96, 93, 94, true)]         // gaps below the limit: fills at the better open
    [InlineData(OrderSide.Buy, 95, 96, 95, 95, false)]        // opens at the limit and never trades below it
    [InlineData(OrderSide.Sell, 93, 95, 92, 95, false)]       // the high only touches a sell limit
    [InlineData(OrderSide.Sell, 93, 95.01, 92, 95, true)]     // and through it
    public async Task LimitOrder_TradeThroughRule_FillsOnlyWhereTheBarTradedBeyondTheLimit(OrderSide side, decimal open,
        decimal high, decimal low, decimal limit, bool fills)
    {
        await using var touch = await PaperHarness.OpenAsync();
        await using var through = await PaperHarness.OpenAsync(new() { LimitFill = PaperLimitFill.Through });
        foreach (var h in new[] { touch, through })
        {
            await h.SubmitAsync("c-1", side, OrderType.Limit, 5m, limit: limit);
            await h.BarAsync(open, high, low, open);
        }

        var atBest = side == OrderSide.Buy ? Math.Min(open, limit) : Math.Max(open, limit);
        Assert.Equal(atBest, Assert.Single(await touch.FillsAsync()).Price);
        var fill = await through.FillsAsync();
        Assert.Equal(fills, fill.Count == 1);
        if (fills) Assert.Equal(atBest, fill[0].Price);
        else Assert.Equal(OrderStatus.Accepted, (await through.OrderAsync("c-1")).Status);
    }

    [Fact]
    public async Task StopLimitBuy_TradeThroughRule_AppliesToItsLimitAfterTheTrigger()
    {
        await using var h = await PaperHarness.OpenAsync(new() { LimitFill = PaperLimitFill.Through });
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);

        await h.BarAsync(108m, 110m, 106m, 107m); // gaps over the limit, comes back only to it
        Assert.Empty(await h.FillsAsync());
        await h.BarAsync(107m, 108m, 105.5m, 106m); // a plain limit now, traded through

        Assert.Equal(106m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 100.05)]
    [InlineData(OrderSide.Sell, 99.95)]
    public async Task MarketOrder_SlipsAgainstTheTraderInBasisPoints(OrderSide side, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 5m });
        await h.SubmitAsync("c-1", side, OrderType.Market, 1m);

        await h.BarAsync(100m, 101m, 99m, 100m);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 100.02)]
    [InlineData(OrderSide.Sell, 99.98)]
    public async Task MarketOrder_SlipsInTicksWhenTicksAreSet(OrderSide side, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 50m, SlippageTicks = 2m });
        await h.SubmitAsync("c-1", side, OrderType.Market, 1m);

        await h.BarAsync(100m, 101m, 99m, 100m);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 100, 10_000, 101.00)] // 1% of the bar's volume: 10% x sqrt(0.01) = 1%
    [InlineData(OrderSide.Buy, 100, 1_000_000, 100.10)] // 0.01%: 10% x 0.01 = 0.1%
    [InlineData(OrderSide.Sell, 400, 10_000, 98.00)] // 4%: 10% x 0.2 = 2%, against a sell
    [InlineData(OrderSide.Buy, 100, 0, 100.05)] // no volume: no impact, the 5 bps alone
    public async Task MarketImpact_GrowsWithTheSquareRootOfTheShareOfTheBarsVolume_OnTopOfTheSlippage(OrderSide side, decimal quantity,
        decimal volume, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = volume == 0m ? 5m : 0m, ImpactPercent = 10m });
        await h.SubmitAsync("c-1", side, OrderType.Market, quantity);

        await h.BarAsync(100m, 101m, 99m, 100m, volume);

        var fill = Assert.Single(await h.FillsAsync());
        Assert.Equal(expected, fill.Price);
        // What the slippage and impact cost, against the open: the price moved times the quantity, as pushed and as stored.
        Assert.Equal(Math.Abs(expected - 100m) * quantity, fill.Slippage);
        Assert.Equal(fill, Assert.Single(h.Sink.Fills));
    }

    [Fact]
    public async Task MarketImpact_MovesAStopFill_ButNeverALimitFill()
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 0m, ImpactPercent = 10m });
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Stop, 100m, stop: 95m);
        await h.SubmitAsync("c-2", OrderSide.Buy, OrderType.Limit, 100m, limit: 99m);

        await h.BarAsync(97m, 98m, 94m, 96m, 10_000m);

        var fills = (await h.FillsAsync()).ToDictionary(f => f.ClientOrderId, f => (f.Price, f.Slippage));
        Assert.Equal((94.05m, 95m), fills["c-1"]); // at its stop, 95, less 1% (1% of the bar's volume: 10% x sqrt(0.01)): 0.95 on 100
        Assert.Equal((97m, 0m), fills["c-2"]); // a limit fills at the open, which is better than its limit, unmoved
    }

    [Theory]
    [InlineData(OrderSide.Buy, 100.08)]  // 100.03 * 1.0005 = 100.080015
    [InlineData(OrderSide.Sell, 99.98)]  // 100.03 * 0.9995 = 99.979985
    public async Task SlippedPrice_IsRoundedToTheTick(OrderSide side, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 5m });
        await h.SubmitAsync("c-1", side, OrderType.Market, 1m);

        await h.BarAsync(100.03m, 101m, 99m, 100m);

        var fill = Assert.Single(await h.FillsAsync());
        Assert.Equal(expected, fill.Price);
        Assert.Equal(0.05m, fill.Slippage); // from the open, 100.03, to the price on the tick: the rounding counts
    }

    [Fact]
    public async Task AStopGappedThrough_SlipsFromTheOpen_NotFromItsLevel()
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 10m });
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Stop, 4m, stop: 95m);

        await h.BarAsync(90m, 91m, 89m, 90m);

        var fill = Assert.Single(await h.FillsAsync());
        // The gap from 95 to the open, 90, is the market's, not slippage: 0.09 of 10 bps from 90, on 4.
        Assert.Equal((89.91m, 0.36m), (fill.Price, fill.Slippage));
    }

    [Fact]
    public async Task FillPrice_OfOffTickBarData_IsRoundedToTheInstrumentTick()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 0.002m, symbol: "BTC");

        await h.BarAsync(20_000.3m, 20_100m, 19_900m, 20_000m, symbol: "BTC");

        Assert.Equal(20_000.5m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(97, 98, 95, 95)]        // trades down to the limit: fills at the limit
    [InlineData(94, 96, 93, 94)]        // gaps below the limit: fills at the better open
    [InlineData(95, 96, 95, 95)]        // opens exactly at the limit
    public async Task LimitBuy_WhenLowReachesLimit_FillsAtTheBetterOfOpenAndLimit(decimal open, decimal high, decimal low,
        decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 5m });
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 95m);

        await h.BarAsync(open, high, low, open);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task LimitBuy_WhenLowStaysAboveLimit_RestsAndFillsOnALaterBar()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 95m);

        await h.BarAsync(97m, 98m, 95.01m, 96m);
        Assert.Empty(await h.FillsAsync());
        Assert.Equal(OrderStatus.Accepted, (await h.OrderAsync("c-1")).Status);

        await h.BarAsync(96m, 96m, 94m, 94m);
        Assert.Equal(95m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(103, 105, 102, 105)]    // trades up to the limit
    [InlineData(106, 107, 105.5, 106)]  // gaps above the limit: fills at the better open
    public async Task LimitSell_WhenHighReachesLimit_FillsAtTheBetterOfOpenAndLimit(decimal open, decimal high, decimal low,
        decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Limit, 5m, limit: 105m);

        await h.BarAsync(open, high, low, open);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task LimitSell_WhenHighStaysBelowLimit_DoesNotFill()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Limit, 5m, limit: 105m);

        await h.BarAsync(103m, 104.99m, 102m, 104m);

        Assert.Empty(await h.FillsAsync());
    }

    [Theory]
    [InlineData(103, 105, 102, 105.05)]   // trades up through the stop: stop price plus slippage
    [InlineData(107, 108, 106, 107.05)]   // gaps over the stop: open plus slippage
    public async Task StopBuy_WhenHighReachesStop_FillsAtWorseOfOpenAndStopPlusSlippage(decimal open, decimal high,
        decimal low, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageTicks = 5m });
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Stop, 5m, stop: 105m);

        await h.BarAsync(open, high, low, open);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Theory]
    [InlineData(97, 98, 95, 94.95)]       // trades down through the stop
    [InlineData(93, 94, 92, 92.95)]       // gaps under the stop
    public async Task StopSell_WhenLowReachesStop_FillsAtWorseOfOpenAndStopMinusSlippage(decimal open, decimal high,
        decimal low, decimal expected)
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageTicks = 5m });
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Stop, 5m, stop: 95m);

        await h.BarAsync(open, high, low, open);

        Assert.Equal(expected, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task StopBuy_WhenHighStaysBelowStop_DoesNotTrigger()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Stop, 5m, stop: 105m);

        await h.BarAsync(103m, 104.99m, 90m, 104m);

        Assert.Empty(await h.FillsAsync());
    }

    [Fact]
    public async Task StopLimitBuy_WhenStopTradesWithinLimit_FillsAtTheStopWithoutSlippage()
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageTicks = 5m });
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);

        await h.BarAsync(103m, 107m, 102m, 106m);

        Assert.Equal(105m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task StopLimitBuy_GappingOverTheLimit_TriggersAndThenWaitsAsALimit()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);

        await h.BarAsync(108m, 110m, 107m, 109m);
        Assert.Empty(await h.FillsAsync());

        // Below the stop now, but the order is already triggered: a plain limit at 106.
        await h.BarAsync(104m, 104.5m, 103m, 104m);
        Assert.Equal(104m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task StopLimitBuy_GappingOverTheLimitThenTradingBackInSameBar_FillsAtTheLimit()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);

        await h.BarAsync(108m, 110m, 105.5m, 107m);

        Assert.Equal(106m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task StopLimitBuy_NotTriggered_IgnoresPricesUnderItsLimit()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);

        await h.BarAsync(100m, 104m, 99m, 101m);

        Assert.Empty(await h.FillsAsync());
    }

    [Fact]
    public async Task StopLimitSell_WhenStopIsHit_FillsAtStopOrWaitsAsLimit()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("within", OrderSide.Sell, OrderType.StopLimit, 1m, limit: 94m, stop: 95m);
        await h.SubmitAsync("gapped", OrderSide.Sell, OrderType.StopLimit, 1m, limit: 94m, stop: 95m,
            symbol: "ES");

        await h.BarAsync(97m, 98m, 94.5m, 95m);
        await h.BarAsync(92m, 93m, 91m, 92m, symbol: "ES");
        Assert.Equal(95m, Assert.Single(await h.FillsAsync()).Price);

        await h.BarAsync(93m, 94.5m, 92m, 94m, symbol: "ES");
        Assert.Equal(94m, (await h.FillsAsync())[1].Price);
    }
}
