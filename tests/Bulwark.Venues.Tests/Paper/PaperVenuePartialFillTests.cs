using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenuePartialFillTests
{
    private static readonly Bulwark.Venues.Paper.PaperVenueOptions Capped =
        PaperHarness.Plain with { MaxVolumeParticipation = 0.1m };

    [Fact]
    public async Task Order_LargerThanTheParticipationCap_FillsOverSeveralBars()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.BuyAsync("c-1", 250m);

        await h.BarAtAsync(10m, volume: 1_000m);
        var afterFirst = await h.OrderAsync("c-1");
        await h.BarAtAsync(11m, volume: 1_000m);
        await h.BarAtAsync(12m, volume: 1_000m);

        Assert.Equal(OrderStatus.PartiallyFilled, afterFirst.Status);
        Assert.Equal(100m, afterFirst.FilledQuantity);
        Assert.Equal([100m, 100m, 50m], (await h.FillsAsync()).Select(f => f.Quantity));
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(250m, order.FilledQuantity);
        Assert.Equal(10.8m, order.AverageFillPrice); // (100*10 + 100*11 + 50*12) / 250
        Assert.Equal(250m, (await h.PositionAsync())!.Quantity);
    }

    [Fact]
    public async Task PartiallyFilledOrder_IsStillListedAsOpen()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.BuyAsync("c-1", 250m);

        await h.BarAtAsync(10m, volume: 1_000m);

        var open = Assert.Single(await h.Venue.GetOrdersAsync(openOnly: true, CancellationToken.None));
        Assert.Equal(OrderStatus.PartiallyFilled, open.Status);
    }

    [Fact]
    public async Task ParticipationCap_IsRoundedDownToWholeLots()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { MaxVolumeParticipation = 0.5m });
        await h.BuyAsync("c-1", 0.005m, symbol: "BTC");

        await h.BarAtAsync(100m, volume: 0.0035m, symbol: "BTC"); // cap 0.00175 -> 0.001

        Assert.Equal(0.001m, Assert.Single(await h.FillsAsync()).Quantity);
    }

    [Fact]
    public async Task ParticipationCapBelowOneLot_FillsNothingAndKeepsTheOrder()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.BuyAsync("c-1", 10m);

        await h.BarAtAsync(10m, volume: 5m);

        Assert.Empty(await h.FillsAsync());
        Assert.Equal(OrderStatus.Accepted, (await h.OrderAsync("c-1")).Status);
    }

    [Fact]
    public async Task BarWithoutVolume_IsTreatedAsUnknownVolumeAndDoesNotCap()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.BuyAsync("c-1", 250m);

        await h.BarAtAsync(10m, volume: 0m);

        Assert.Equal(250m, Assert.Single(await h.FillsAsync()).Quantity);
    }

    [Fact]
    public async Task IocOrder_FillsWhatTheNextBarAllowsAndCancelsTheRest()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Market, 250m, tif: TimeInForce.Ioc);

        await h.BarAtAsync(10m, volume: 1_000m);
        await h.BarAtAsync(10m, volume: 1_000m);

        Assert.Equal(100m, Assert.Single(await h.FillsAsync()).Quantity);
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(100m, order.FilledQuantity);
        Assert.Collection(h.Sink.Events,
            e => Assert.Equal(VenueOrderUpdateKind.Accepted, Assert.IsType<VenueOrderUpdate>(e).Kind),
            e => Assert.Equal(100m, Assert.IsType<VenueFill>(e).Quantity),
            e => Assert.Equal(VenueOrderUpdateKind.Canceled, Assert.IsType<VenueOrderUpdate>(e).Kind));
    }

    [Fact]
    public async Task IocLimit_NotReachedOnTheNextBar_IsCanceledUnfilled()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m, tif: TimeInForce.Ioc);

        await h.BarAtAsync(100m);
        await h.BarAtAsync(80m);

        Assert.Empty(await h.FillsAsync());
        Assert.Equal(OrderStatus.Canceled, (await h.OrderAsync("c-1")).Status);
    }

    [Fact]
    public async Task IocOrder_FullyFilled_EndsFilledNotCanceled()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Market, 5m, tif: TimeInForce.Ioc);

        await h.BarAtAsync(100m);

        Assert.Equal(OrderStatus.Filled, (await h.OrderAsync("c-1")).Status);
        Assert.DoesNotContain(h.Sink.Updates, u => u.Kind == VenueOrderUpdateKind.Canceled);
    }

    [Fact]
    public async Task FokOrder_ThatCannotFillWhole_IsCanceledWithoutAnyFill()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Market, 250m, tif: TimeInForce.Fok);

        await h.BarAtAsync(10m, volume: 1_000m);
        await h.BarAtAsync(10m, volume: 1_000_000m);

        Assert.Empty(await h.FillsAsync());
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal(VenueOrderUpdateKind.Canceled, h.Sink.Updates[^1].Kind);
    }

    [Fact]
    public async Task FokOrder_ThatCanFillWhole_Fills()
    {
        await using var h = await PaperHarness.OpenAsync(Capped);
        await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Market, 100m, tif: TimeInForce.Fok);

        await h.BarAtAsync(10m, volume: 1_000m);

        Assert.Equal(100m, Assert.Single(await h.FillsAsync()).Quantity);
        Assert.Equal(OrderStatus.Filled, (await h.OrderAsync("c-1")).Status);
    }
}
