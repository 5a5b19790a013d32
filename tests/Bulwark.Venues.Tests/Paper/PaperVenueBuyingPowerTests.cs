using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>Open buy orders reserve buying power, as at a cash account: resting buys together never promise more than the cash.</summary>
public sealed class PaperVenueBuyingPowerTests
{
    [Fact]
    public async Task RestingBuyLimits_TogetherBeyondCash_TheOneThatWouldOvercommitIsRejectedNamingTheReservation()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1_000m });
        await h.BarAtAsync(100m);

        var first = await h.SubmitAsync("g-1", OrderSide.Buy, OrderType.Limit, 6m, limit: 95m);   // reserves 570
        var second = await h.SubmitAsync("g-2", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);  // 450 > 430 left
        var third = await h.SubmitAsync("g-3", OrderSide.Buy, OrderType.Limit, 4m, limit: 90m);   // 360 fits in 430

        Assert.Equal(SubmitOutcome.Accepted, first.Outcome);
        Assert.Equal(VenueRejectCode.InsufficientFunds, second.RejectCode);
        Assert.Contains("buying power 430", second.Message, StringComparison.Ordinal);
        Assert.Contains("570 reserved by open buy orders", second.Message, StringComparison.Ordinal);
        Assert.Equal(SubmitOutcome.Accepted, third.Outcome);
    }

    [Fact]
    public async Task CancelingAnOpenBuy_FreesWhatItReserved()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1_000m });
        await h.BarAtAsync(100m);
        await h.SubmitAsync("g-1", OrderSide.Buy, OrderType.Limit, 6m, limit: 95m);

        var before = await h.SubmitAsync("g-2", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);
        await h.Venue.CancelAsync("g-1", CancellationToken.None);
        var after = await h.SubmitAsync("g-3", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);

        Assert.Equal(VenueRejectCode.InsufficientFunds, before.RejectCode);
        Assert.Equal(SubmitOutcome.Accepted, after.Outcome);
    }

    [Fact]
    public async Task APartlyFilledBuy_ReservesOnlyItsRemainderAndSellsReserveNothing()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1_000m, MaxVolumeParticipation = 0.5m });
        await h.BarAtAsync(100m);
        await h.BuyAsync("m-1", 2m);
        await h.BarAtAsync(100m); // fills: cash 800, 2 held
        await h.SubmitAsync("s-1", OrderSide.Sell, OrderType.Limit, 2m, limit: 150m);
        await h.SubmitAsync("g-1", OrderSide.Buy, OrderType.Limit, 4m, limit: 95m); // reserves 380 of 800
        await h.BarAsync(96m, 96m, 94m, 95m, volume: 4m); // fills 2 of g-1 at 95 (half the volume): cash 610, reserves 190

        var fits = await h.SubmitAsync("g-2", OrderSide.Buy, OrderType.Limit, 4m, limit: 105m);    // 420 of 420 left
        var tooMuch = await h.SubmitAsync("g-3", OrderSide.Buy, OrderType.Limit, 1m, limit: 0.01m); // nothing left

        Assert.Equal(610m, await h.CashAsync());
        Assert.Equal(2m, (await h.OrderAsync("g-1")).FilledQuantity);
        Assert.Equal(SubmitOutcome.Accepted, fits.Outcome);
        Assert.Equal(VenueRejectCode.InsufficientFunds, tooMuch.RejectCode);
    }

    [Fact]
    public async Task InMemory_ReservesTheSameAsOnSqlite()
    {
        var time = new FakeTimeProvider();
        await using var venue = PaperVenue.InMemory(PaperHarness.Plain with { InitialCash = 1_000m }, PaperHarness.Instruments, time,
            retainHistory: false);
        await venue.OnBarAsync(new Bar("AAPL", time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m, TimeSpan.FromMinutes(1)), CancellationToken.None);

        var first = await venue.SubmitAsync(Limit("g-1", 6m, 95m), CancellationToken.None);
        var second = await venue.SubmitAsync(Limit("g-2", 5m, 90m), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Accepted, first.Outcome);
        Assert.Equal(VenueRejectCode.InsufficientFunds, second.RejectCode);
    }

    private static OrderRequest Limit(string id, decimal quantity, decimal limit) =>
        new(id, "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, quantity, limit);
}
