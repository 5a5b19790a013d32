using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueCancelTests
{
    [Fact]
    public async Task Cancel_OpenOrder_CancelsItPushesCanceledAndItNeverFills()
    {
        await using var h = await PaperHarness.OpenAsync();
        var submitted = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);
        h.Time.Advance(TimeSpan.FromSeconds(3));

        var result = await h.Venue.CancelAsync("c-1", CancellationToken.None);
        await h.BarAtAsync(80m);

        Assert.Equal(new CancelResult(true), result);
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(order.CreatedAt.AddSeconds(3), order.UpdatedAt);
        Assert.Empty(await h.FillsAsync());
        Assert.Equal(new VenueOrderUpdate("c-1", submitted.VenueOrderId, VenueOrderUpdateKind.Canceled, order.UpdatedAt),
            h.Sink.Updates[^1]);
        Assert.Empty(await h.Venue.GetOrdersAsync(openOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_PartiallyFilledOrder_KeepsWhatFilled()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { MaxVolumeParticipation = 0.5m });
        await h.BuyAsync("c-1", 10m);
        await h.BarAtAsync(10m, volume: 8m);

        var result = await h.Venue.CancelAsync("c-1", CancellationToken.None);
        await h.BarAtAsync(10m, volume: 8m);

        Assert.True(result.Accepted);
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(4m, order.FilledQuantity);
        Assert.Single(await h.FillsAsync());
    }

    [Fact]
    public async Task Cancel_UnknownOrder_ReportsNotFound()
    {
        await using var h = await PaperHarness.OpenAsync();

        var result = await h.Venue.CancelAsync("nope", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(VenueRejectCode.OrderNotFound, result.RejectCode);
        Assert.Empty(h.Sink.Events);
    }

    [Fact]
    public async Task Cancel_FilledOrder_ReportsNotCancelableAndChangesNothing()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 5m);
        await h.BarAtAsync(100m);
        var before = await h.OrderAsync("c-1");
        var pushed = h.Sink.Events.Count;

        var result = await h.Venue.CancelAsync("c-1", CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(VenueRejectCode.OrderNotCancelable, result.RejectCode);
        Assert.Equal(before, await h.OrderAsync("c-1"));
        Assert.Equal(pushed, h.Sink.Events.Count);
    }

    [Fact]
    public async Task Cancel_Twice_SecondIsNotCancelable()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Limit, 5m, limit: 110m);

        await h.Venue.CancelAsync("c-1", CancellationToken.None);
        var second = await h.Venue.CancelAsync("c-1", CancellationToken.None);

        Assert.Equal(VenueRejectCode.OrderNotCancelable, second.RejectCode);
    }

    [Fact]
    public async Task Cancel_RejectedOrder_IsNotCancelable()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", -1m);

        var result = await h.Venue.CancelAsync("c-1", CancellationToken.None);

        Assert.Equal(VenueRejectCode.OrderNotCancelable, result.RejectCode);
    }
}
