using Bulwark.Core.Orders;
using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>With <see cref="PaperMarketFill.LastPrice"/> a market order fills when accepted, at the close of the bar just fed.</summary>
public sealed class PaperVenueLastPriceFillTests
{
    private static readonly PaperVenueOptions AtLastPrice = PaperHarness.Plain with { MarketFill = PaperMarketFill.LastPrice };

    [Fact]
    public async Task MarketOrder_FillsAtOnceAtTheLastClose_PlusSlippage()
    {
        await using var h = await PaperHarness.OpenAsync(AtLastPrice with { SlippageTicks = 2m, PerFill = 1m });
        await h.BarAsync(50m, 53m, 49m, 52m);

        await h.BuyAsync("c-1", 10m);

        var fill = Assert.Single(await h.FillsAsync());
        Assert.Equal((10m, 52.02m, 1m, 0.2m), (fill.Quantity, fill.Price, fill.Commission, fill.Slippage));
        Assert.Equal(OrderStatus.Filled, (await h.OrderAsync("c-1")).Status);
        Assert.Equal(100_000m - 520.2m - 1m, await h.CashAsync());
        // Pushed after the acceptance, in commit order.
        Assert.Equal(["update:c-1:Accepted", "fill:c-1"], h.Sink.Events.Select(Describe).ToArray());
    }

    [Fact]
    public async Task WithoutALastPrice_TheOrderRests_AndFillsAtTheNextOpen()
    {
        await using var h = await PaperHarness.OpenAsync(AtLastPrice);
        await h.BuyAsync("c-1", 10m);
        Assert.Empty(await h.FillsAsync());

        await h.BarAsync(50m, 53m, 49m, 52m);

        Assert.Equal(50m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task LimitOrders_StillMatchOnLaterBars()
    {
        await using var h = await PaperHarness.OpenAsync(AtLastPrice);
        await h.BarAtAsync(52m);

        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 10m, limit: 51m);
        Assert.Empty(await h.FillsAsync());
        await h.BarAsync(52m, 52m, 50m, 51m);

        Assert.Equal(51m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task TheDefault_NextOpen_LeavesAMarketOrderForTheNextBar()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BarAtAsync(52m);

        await h.BuyAsync("c-1", 10m);

        Assert.Empty(await h.FillsAsync());
    }

    private static string Describe(object e) => e switch
    {
        Core.Venues.VenueOrderUpdate u => $"update:{u.ClientOrderId}:{u.Kind}",
        Core.Venues.VenueFill f => $"fill:{f.ClientOrderId}",
        _ => e.ToString()!,
    };
}
