using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>The orders of a one-cancels-other group promise shares and buying power once: only one of them can fill.</summary>
public sealed class PaperVenueOcoAccountTests
{
    [Theory]
    [MemberData(nameof(PaperVenueOcoTests.Kinds), MemberType = typeof(PaperVenueOcoTests))]
    public async Task NoShorts_AStopAndATakeProfitForTheSameShares_AreBothAccepted_AndPromiseThemOnce(PaperStoreKind kind)
    {
        await using var h = await PaperHarness.OpenInAsync(kind, PaperHarness.Plain with { AllowShort = false });
        await h.BuyAsync("buy", 10m);
        await h.BarAtAsync(100m);

        var stop = await h.SubmitAsync("stop", OrderSide.Sell, OrderType.Stop, 10m, stop: 95m, oco: "g");
        var takeProfit = await h.SubmitAsync("tp", OrderSide.Sell, OrderType.Limit, 10m, limit: 110m, oco: "g");
        var largerMember = await h.SubmitAsync("tp-2", OrderSide.Sell, OrderType.Limit, 11m, limit: 120m, oco: "g");
        var otherGroup = await h.SubmitAsync("g2", OrderSide.Sell, OrderType.Limit, 1m, limit: 120m, oco: "g2");
        var ungrouped = await h.SubmitAsync("plain", OrderSide.Sell, OrderType.Limit, 1m, limit: 120m);

        Assert.Equal([SubmitOutcome.Accepted, SubmitOutcome.Accepted], new[] { stop.Outcome, takeProfit.Outcome });
        Assert.Equal("Short selling is off: selling 11 exceeds the 10 held and not already on sale.", largerMember.Message);
        Assert.Equal("Short selling is off: selling 1 exceeds the 0 held and not already on sale.", otherGroup.Message);
        Assert.Equal(otherGroup.Message, ungrouped.Message);
    }

    [Fact]
    public async Task BuysOfOneGroup_ReserveBuyingPowerOnce()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 10_000m });
        await h.BarAtAsync(100m);
        await h.SellAsync("short", 50m);
        await h.BarAtAsync(100m); // short 50 at 100: cash 15,000
        await h.SubmitAsync("stop", OrderSide.Buy, OrderType.Stop, 50m, stop: 105m, oco: "g");  // would cost 5,250
        await h.SubmitAsync("tp", OrderSide.Buy, OrderType.Limit, 50m, limit: 90m, oco: "g");   // would cost 4,500

        var fits = await h.SubmitAsync("entry", OrderSide.Buy, OrderType.Limit, 97m, limit: 100m); // 9,700 of 9,750 left
        var over = await h.SubmitAsync("more", OrderSide.Buy, OrderType.Limit, 1m, limit: 100m);

        Assert.Equal(SubmitOutcome.Accepted, fits.Outcome);
        Assert.Equal(VenueRejectCode.InsufficientFunds, over.RejectCode);
        Assert.Equal(
            "Estimated cost 100 exceeds the buying power 50.00: cash 15000.00 less 14950 reserved by open buy orders.",
            over.Message);
    }
}
