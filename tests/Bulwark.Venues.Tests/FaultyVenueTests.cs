using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Tests.Paper;

namespace Bulwark.Venues.Tests;

public sealed class FaultyVenueTests
{
    private static OrderRequest Buy(string id) =>
        new(id, "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m);

    [Fact]
    public async Task PassThrough_ForwardsAndReturnsTheInnerAnswer()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue);

        var result = await faulty.SubmitAsync(Buy("c-1"), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Accepted, result.Outcome);
        Assert.NotNull(await faulty.GetOrderAsync("c-1", CancellationToken.None));
        Assert.Equal("paper", faulty.Name);
        Assert.Equal(1, faulty.ForwardedSubmits);
    }

    [Fact]
    public async Task NotSent_ReportsNotSentAndTheInnerVenueNeverSeesTheOrder()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue) { Mode = FaultyVenueMode.NotSent };

        var result = await faulty.SubmitAsync(Buy("c-1"), CancellationToken.None);

        Assert.Equal(SubmitOutcome.NotSent, result.Outcome);
        Assert.Null(await h.Venue.GetOrderAsync("c-1", CancellationToken.None));
        Assert.Equal((1, 0), (faulty.SubmitCalls, faulty.ForwardedSubmits));
    }

    [Fact]
    public async Task ThrowBeforeSend_ThrowsAndTheInnerVenueNeverSeesTheOrder()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue) { Mode = FaultyVenueMode.ThrowBeforeSend };

        await Assert.ThrowsAsync<FaultyVenueException>(() => faulty.SubmitAsync(Buy("c-1"), CancellationToken.None));

        Assert.Null(await h.Venue.GetOrderAsync("c-1", CancellationToken.None));
    }

    [Fact]
    public async Task UnknownAfterSend_ReportsUnknownButTheOrderReachedTheInnerVenue()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue) { Mode = FaultyVenueMode.UnknownAfterSend };

        var result = await faulty.SubmitAsync(Buy("c-1"), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Unknown, result.Outcome);
        Assert.Null(result.VenueOrderId);
        Assert.Equal(OrderStatus.Accepted, (await faulty.GetOrderAsync("c-1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Reject_ReturnsTheConfiguredCodeWithoutForwarding()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue)
        {
            Mode = FaultyVenueMode.Reject,
            RejectCode = VenueRejectCode.InsufficientFunds,
        };

        var result = await faulty.SubmitAsync(Buy("c-1"), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Rejected, result.Outcome);
        Assert.Equal(VenueRejectCode.InsufficientFunds, result.RejectCode);
        Assert.Null(await h.Venue.GetOrderAsync("c-1", CancellationToken.None));
    }

    [Fact]
    public async Task FailNext_AppliesToThatManySubmitsThenFallsBackToMode()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue);
        faulty.FailNext(FaultyVenueMode.NotSent, times: 2);

        var outcomes = new List<SubmitOutcome>();
        for (var i = 0; i < 3; i++)
            outcomes.Add((await faulty.SubmitAsync(Buy("c-1"), CancellationToken.None)).Outcome);

        Assert.Equal([SubmitOutcome.NotSent, SubmitOutcome.NotSent, SubmitOutcome.Accepted], outcomes);
        Assert.Equal((3, 1), (faulty.SubmitCalls, faulty.ForwardedSubmits));
    }

    [Fact]
    public async Task CancelsAndQueries_AlwaysGoThrough()
    {
        await using var h = await PaperHarness.OpenAsync();
        var faulty = new FaultyVenue(h.Venue);
        await faulty.SubmitAsync(new OrderRequest("c-1", "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 1m, 90m),
            CancellationToken.None);
        faulty.Mode = FaultyVenueMode.ThrowBeforeSend;

        var cancel = await faulty.CancelAsync("c-1", CancellationToken.None);

        Assert.True(cancel.Accepted);
        Assert.Single(await faulty.GetOrdersAsync(openOnly: false, CancellationToken.None));
        Assert.Empty(await faulty.GetOrdersAsync(openOnly: true, CancellationToken.None));
        Assert.Empty(await faulty.GetFillsAsync(CancellationToken.None));
        Assert.Empty(await faulty.GetPositionsAsync(CancellationToken.None));
    }
}
