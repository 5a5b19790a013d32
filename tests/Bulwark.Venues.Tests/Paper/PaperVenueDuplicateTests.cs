using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueDuplicateTests
{
    [Fact]
    public async Task Submit_WithUsedClientOrderId_IsRejectedAsDuplicateAndLeavesOriginalUntouched()
    {
        await using var h = await PaperHarness.OpenAsync();
        var original = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 10m, limit: 90m);
        var before = await h.OrderAsync("c-1");
        h.Time.Advance(TimeSpan.FromSeconds(5));

        var duplicate = await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Market, 3m);

        Assert.Equal(SubmitOutcome.Rejected, duplicate.Outcome);
        Assert.Equal(VenueRejectCode.DuplicateClientOrderId, duplicate.RejectCode);
        Assert.Equal(before, await h.OrderAsync("c-1"));
        Assert.Equal(original.VenueOrderId, (await h.OrderAsync("c-1")).VenueOrderId);
    }

    [Fact]
    public async Task Submit_WithUsedClientOrderId_PushesNothing()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 10m);

        await h.BuyAsync("c-1", 10m);

        Assert.Single(h.Sink.Updates);
    }

    [Fact]
    public async Task Submit_WithUsedClientOrderId_DoesNotTradeTheDuplicate()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 10m);
        await h.BuyAsync("c-1", 10m);

        await h.BarAtAsync(100m);

        Assert.Equal(10m, Assert.Single(await h.FillsAsync()).Quantity);
        Assert.Equal(10m, (await h.PositionAsync())!.Quantity);
    }

    [Fact]
    public async Task Submit_ReusingIdOfRejectedOrder_IsAlsoADuplicate()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 0m);

        var again = await h.BuyAsync("c-1", 1m);

        Assert.Equal(VenueRejectCode.DuplicateClientOrderId, again.RejectCode);
        Assert.Equal(VenueRejectCode.InvalidQuantity, (await h.OrderAsync("c-1")).RejectCode);
    }

    [Fact]
    public async Task GetOrders_All_ListsEachDuplicateSubmissionAsRejectedWithTheReusedId()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 10m);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.SubmitAsync("c-1", OrderSide.Sell, OrderType.Limit, 3m, limit: 101m);
        await h.BuyAsync("c-1", 7m);

        var all = await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None);
        var open = await h.Venue.GetOrdersAsync(openOnly: true, CancellationToken.None);

        Assert.Equal(3, all.Count);
        Assert.Equal(OrderStatus.Accepted, all[0].Status);
        var duplicates = all.Skip(1).ToList();
        Assert.All(duplicates, d =>
        {
            Assert.Equal("c-1", d.ClientOrderId);
            Assert.Equal(OrderStatus.Rejected, d.Status);
            Assert.Equal(VenueRejectCode.DuplicateClientOrderId, d.RejectCode);
            Assert.NotEqual(all[0].VenueOrderId, d.VenueOrderId);
        });
        Assert.Equal([3m, 7m], duplicates.Select(d => d.Quantity));
        Assert.Equal(OrderSide.Sell, duplicates[0].Side);
        Assert.Equal(101m, duplicates[0].LimitPrice);
        Assert.Equal(h.Time.GetUtcNow(), duplicates[0].CreatedAt);
        Assert.Equal("c-1", Assert.Single(open).ClientOrderId);
    }

    [Fact]
    public async Task GetOrder_AfterDuplicate_ReturnsTheOriginal()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 10m);
        await h.SellAsync("c-1", 3m);

        var order = await h.OrderAsync("c-1");

        Assert.Equal(OrderSide.Buy, order.Side);
        Assert.Equal(VenueRejectCode.None, order.RejectCode);
    }
}
