using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// A scale-out: the take-profit sells a share of the position beside the stop for all of it; once that share fills, the
/// rest keeps a stop alone, and no take-profit is placed again for the round trip, across a restart too.
/// </summary>
public sealed class BotKernelScaleOutTests
{
    private static readonly ProtectiveStop HalfAtTarget = new(5m, null, 10m) { ScaleOutPercent = 40m };

    [Fact]
    public async Task TheTakeProfit_SellsItsShare_AndTheStopTheWholePosition_InOneGroup()
    {
        await using var h = await StartAsync(HalfAtTarget);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        var stop = Assert.Single(Stops(h));
        var target = Assert.Single(Targets(h));
        Assert.Equal((10m, 95m), (stop.Quantity, stop.StopPrice!.Value));
        Assert.Equal((4m, 110m), (target.Quantity, target.LimitPrice!.Value));
        Assert.Equal(stop.ClientOrderId, target.OcoGroup);
        Assert.False(h.State.Positions["AAPL"].ScaledOut);
    }

    [Fact]
    public async Task OnceTheShareFills_TheRestKeepsAStopAlone_AndNoTakeProfitComesBack_EvenAfterARestart()
    {
        await using var h = await StartAsync(HalfAtTarget);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var (stopId, targetId) = (Stops(h)[0].ClientOrderId, Targets(h)[0].ClientOrderId);

        h.Venue.PushFill(targetId, 4m, 110m);
        h.Venue.CompleteCancel(stopId); // the venue's one-cancels-other
        await h.UntilAsync(() => Stops(h).Count == 2, "a stop for the 6 left");
        await h.SettleAsync();

        Assert.Equal(6m, h.State.PositionQuantity("AAPL"));
        Assert.True(h.State.Positions["AAPL"].ScaledOut);
        var rest = Stops(h)[1];
        Assert.Equal((6m, 95m, (string?)null), (rest.Quantity, rest.StopPrice!.Value, rest.OcoGroup));
        Assert.Single(Targets(h));

        // Bars, and a new process reading the journal, still place no take-profit for the 6.
        await ClosesAsync(h, 111m, 112m);
        await h.RestartAsync(strategies: StrategiesWith(HalfAtTarget));
        await ClosesAsync(h, 113m);
        Assert.True(h.State.Positions["AAPL"].ScaledOut);
        Assert.Single(Targets(h));
        Assert.Equal(1, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task ANewRoundTrip_ScalesOutAgain()
    {
        await using var h = await StartAsync(HalfAtTarget);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        h.Venue.PushFill(Targets(h)[0].ClientOrderId, 4m, 110m);
        h.Venue.CompleteCancel(Stops(h)[0].ClientOrderId);
        await h.UntilAsync(() => Stops(h).Count == 2, "a stop for the 6 left");
        await h.SettleAsync();

        // The rest is stopped out: flat, the round trip over.
        h.Venue.PushFill(Stops(h)[1].ClientOrderId, 6m, 95m);
        await h.SettleAsync();
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.False(h.State.Positions["AAPL"].ScaledOut);

        await h.OpenAsync("s2", "AAPL", SignalDirection.Long, 96m);
        await h.SettleAsync();
        Assert.Equal(2, Targets(h).Count);
        Assert.Equal(4m, Targets(h)[1].Quantity);
    }

    [Theory]
    [InlineData(50, 10, 1, 5)]
    [InlineData(40, 7, 1, 2)]      // 2.8 rounds down to whole lots
    [InlineData(10, 3, 1, 1)]      // 0.3 is less than a lot: one lot
    [InlineData(50, 1, 1, 1)]      // one share is all there is
    [InlineData(50, 1000, 100, 500)]
    [InlineData(30, 0.05, 0.001, 0.015)]
    public void TheShare_IsWholeLots_AtLeastOneAndAtMostThePosition(decimal percent, decimal position, decimal lot, decimal expected)
    {
        var protection = new ProtectiveStop(5m, null, 10m) { ScaleOutPercent = percent };

        Assert.Equal(expected, protection.TakeProfitQuantity(position, lot));
        Assert.Equal(position, new ProtectiveStop(5m, null, 10m).TakeProfitQuantity(position, lot));
    }

    [Theory]
    [InlineData(100, null, 5, "scaleOutPercent must be above 0 and under 100, got 100")]
    [InlineData(50, null, 5, "scaleOutPercent sizes the take-profit: give takeProfitPercent with it")]
    [InlineData(50, 10, null, "scaleOutPercent leaves the rest of the position without an exit once the take-profit fills")]
    public void AScaleOut_WithoutATargetAndAStop_OrOutOfRange_IsRefused(int percent, int? target, int? stop, string problem)
    {
        var protection = new ProtectiveStop((decimal?)stop, null, (decimal?)target) { ScaleOutPercent = (decimal)percent };

        Assert.StartsWith(problem, protection.Problem, StringComparison.Ordinal);
    }
}
