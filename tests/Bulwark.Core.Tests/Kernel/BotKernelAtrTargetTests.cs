using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Take-profits measured in average true ranges: set from the range when the position takes its size, kept while it is
/// held and across a restart (read back from the venue's order), each step of a ladder measured with the same range.
/// </summary>
public sealed class BotKernelAtrTargetTests
{
    private static readonly Instrument Equity = new("AAPL", AssetClass.Equity);

    [Fact]
    public async Task ATakeProfitAlone_WaitsForTheRange_ThenIsThreeRangesAboveTheFill_AndStaysWhileTheRangeWidens()
    {
        var threeAtrs = new ProtectiveStop(null, null) { TakeProfitAtr = 3m, AtrPeriod = 3 };
        await using var h = await StartAsync(threeAtrs);
        await h.BarAsync("AAPL", 101m, 99m, 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "s1");
        var denied = h.EventsOf<SignalDenied>().Single(d => d.SignalId == "s1");
        Assert.Equal(DenyReason.StopNotReady, denied.Reason);
        Assert.Contains("its take-profit of 3 ATR(3) beyond the entry cannot be set before 3 bars of AAPL are seen", denied.Detail, StringComparison.Ordinal);

        await h.BarAsync("AAPL", 102m, 100m, 101m);
        await h.BarAsync("AAPL", 101m, 99m, 100m);
        await FillAsync(h, "s2", 10m, 100.5m);

        var target = Assert.Single(Targets(h));
        Assert.Equal((OrderSide.Sell, 10m, 106.5m, (string?)null), (target.Side, target.Quantity, target.LimitPrice!.Value, target.OcoGroup));
        Assert.Empty(Stops(h));

        await h.BarAsync("AAPL", 104m, 90m, 100m); // a true range of 14: the ATR is 6, but the level was fixed at the entry
        await h.SettleAsync();
        Assert.Single(Targets(h));
    }

    [Fact]
    public async Task ALadderInRanges_TakesEachStepAtItsMultiple_AndARestartKeepsTheLevelTheVenueHolds()
    {
        var ladder = new ProtectiveStop(null, null) { StopLossAtr = 2m, TakeProfitAtr = 1m, AtrPeriod = 3, ScaleOutPercent = 40m, ScaleOutSteps = 2 };
        await using var h = await StartAsync(ladder);
        await WarmUpAsync(h);
        await FillAsync(h, "s1", 10m, 100.5m);

        // Step 1: 4 of the 10 one range (2) above the entry, grouped with the stop two ranges under it.
        Assert.Equal((4m, 102.5m), (Targets(h)[0].Quantity, Targets(h)[0].LimitPrice!.Value));
        Assert.Equal(96.5m, Stops(h)[0].StopPrice!.Value);
        h.Venue.PushFill(Targets(h)[0].ClientOrderId, 4m, 102.5m);
        h.Venue.CompleteCancel(Stops(h)[0].ClientOrderId);
        await h.UntilAsync(() => Targets(h).Count == 2, "the second step");
        await h.SettleAsync();
        Assert.Equal((4m, 104.5m), (Targets(h)[1].Quantity, Targets(h)[1].LimitPrice!.Value)); // two ranges of 2

        // A new process knows no range: it keeps the level the venue holds, however wide the range has become.
        await h.RestartAsync(strategies: StrategiesWith(ladder));
        await h.BarAsync("AAPL", 110m, 90m, 103m);
        await h.SettleAsync();
        await h.BarAsync("AAPL", 104m, 102m, 103m);
        await h.SettleAsync();
        Assert.Equal(2, Targets(h).Count);
        Assert.Equal(2, OpenExitsAtVenue(h));
    }

    [Theory]
    [InlineData(true, 0, 106.5)]
    [InlineData(true, 2, 118.5)]   // the third step: three times three ranges
    [InlineData(false, 0, 94.5)]
    [InlineData(false, 20, 0.01)]  // a short's far step cannot go below the finest tick
    public void TheLevel_IsTheRangesBeyondTheEntry_OnTheTickTowardIt_AndGivesItsRangeBack(bool isLong, int step, decimal expected)
    {
        var protection = new ProtectiveStop(null, null) { TakeProfitAtr = 3m };

        var level = protection.TakeProfitAtrFor(isLong, 100.5m, 2m, Equity, step)!.Value;

        Assert.Equal(expected, level);
        if (expected > 1m) Assert.Equal(2m, protection.RangeOfTarget(100.5m, level, step));
        Assert.Null(new ProtectiveStop(null, null, 5m).TakeProfitAtrFor(true, 100m, 2m, Equity));
    }

    [Theory]
    [InlineData(2, 5, "takeProfitAtr is the take-profit's distance in average true ranges: give it or takeProfitPercent, not both")]
    [InlineData(0, null, "takeProfitAtr must be above 0 and at most 100, got 0")]
    [InlineData(101, null, "takeProfitAtr must be above 0 and at most 100, got 101")]
    public void ABadTargetInRanges_IsRefused(int multiple, int? percent, string problem)
    {
        var protection = new ProtectiveStop(null, null, percent) { TakeProfitAtr = multiple };
        Assert.Equal(problem, protection.Problem);
    }

    [Fact]
    public void ATargetInRanges_IsATarget_ForAScaleOut_ButNotAStop()
    {
        var protection = new ProtectiveStop(3m, null) { TakeProfitAtr = 2m, ScaleOutPercent = 50m };
        Assert.Null(protection.Problem);
        Assert.True(protection.UsesAtr);
        Assert.False(new ProtectiveStop(null, null) { TakeProfitAtr = 2m }.HasStop);
        Assert.StartsWith("scaleOutPercent leaves the rest", (new ProtectiveStop(null, null) { TakeProfitAtr = 2m, ScaleOutPercent = 50m }).Problem, StringComparison.Ordinal);
    }
}
