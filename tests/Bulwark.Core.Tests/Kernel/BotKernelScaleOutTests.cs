using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// A scale-out: the take-profit sells a share of the position beside the stop for all of it; once that share fills, the
/// rest keeps a stop alone, and no take-profit is placed again for the round trip (or, on a ladder, the next step's
/// further out), across a restart too.
/// </summary>
public sealed class BotKernelScaleOutTests
{
    private static readonly Instrument Equity = new("AAPL", AssetClass.Equity);

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

    [Fact]
    public async Task ALadder_TakesItsShareAtEachStep_FurtherOut_AcrossARestart_AndTheRestRidesOnTheStop()
    {
        var ladder = new ProtectiveStop(5m, null, 10m) { ScaleOutPercent = 30m, ScaleOutSteps = 3 };
        await using var h = await StartAsync(ladder);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        // Step 1: 3 of the 10 at 110, beside the stop for all 10.
        Assert.Equal((3m, 110m), (Targets(h)[0].Quantity, Targets(h)[0].LimitPrice!.Value));
        h.Venue.PushFill(Targets(h)[0].ClientOrderId, 3m, 110m);
        h.Venue.CompleteCancel(Stops(h)[0].ClientOrderId);
        await h.UntilAsync(() => Targets(h).Count == 2, "the second step");
        await h.SettleAsync();
        var position = h.State.Positions["AAPL"];
        Assert.Equal((7m, 1, 10m), (position.Quantity, position.ScaleOuts, position.ScaleOutBase));

        // Step 2: 3 more (30% of the 10 it held before the first), at twice the distance, grouped with a stop for the 7.
        var second = Targets(h)[1];
        Assert.Equal((3m, 120m), (second.Quantity, second.LimitPrice!.Value));
        Assert.Equal((7m, 95m), (Stops(h)[1].Quantity, Stops(h)[1].StopPrice!.Value));
        Assert.Equal(Stops(h)[1].ClientOrderId, second.OcoGroup);
        h.Venue.PushFill(second.ClientOrderId, 3m, 120m);
        h.Venue.CompleteCancel(Stops(h)[1].ClientOrderId);
        await h.UntilAsync(() => Targets(h).Count == 3, "the third step");
        await h.SettleAsync();

        // A new process reads both steps and the base back from the journal: the third step stays where it was.
        await h.RestartAsync(strategies: StrategiesWith(ladder));
        await ClosesAsync(h, 121m);
        position = h.State.Positions["AAPL"];
        Assert.Equal((4m, 2, 10m), (position.Quantity, position.ScaleOuts, position.ScaleOutBase));
        var third = Targets(h)[^1];
        Assert.Equal((3m, 130m), (third.Quantity, third.LimitPrice!.Value));
        var group = third.OcoGroup;
        Assert.Equal(4m, Stops(h).Single(s => s.ClientOrderId == group).Quantity);

        // The last step: the 1 left keeps its stop alone, with no further take-profit.
        h.Venue.PushFill(third.ClientOrderId, 3m, 130m);
        h.Venue.CompleteCancel(group!);
        await h.UntilAsync(() => Stops(h)[^1].Quantity == 1m, "a stop for the 1 left");
        var targets = Targets(h).Count;
        await ClosesAsync(h, 131m, 132m);
        Assert.Equal((1m, 3), (h.State.PositionQuantity("AAPL"), h.State.Positions["AAPL"].ScaleOuts));
        Assert.Equal(targets, Targets(h).Count);
        Assert.Equal((1m, 95m, (string?)null), (Stops(h)[^1].Quantity, Stops(h)[^1].StopPrice!.Value, Stops(h)[^1].OcoGroup));
        Assert.Equal(1, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task AStepThatFillsInParts_CountsOnce()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null, 10m) { ScaleOutPercent = 40m, ScaleOutSteps = 2 });
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var first = Targets(h)[0].ClientOrderId;

        h.Venue.PushFill(first, 1m, 110m);
        h.Venue.PushFill(first, 1m, 110m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 8m, "both parts applied");
        await h.SettleAsync();

        Assert.Equal((1, 10m), (h.State.Positions["AAPL"].ScaleOuts, h.State.Positions["AAPL"].ScaleOutBase));
    }

    [Fact]
    public void ASnapshotFromBeforeTheSteps_ReadsScaledOutAsOneStep_AndIsNotWrittenSo()
    {
        var state = new Bulwark.Core.Kernel.KernelState();
        state.Positions["AAPL"] = new Bulwark.Core.Positions.Position { Symbol = "AAPL", Quantity = 6m, AveragePrice = 100m, ScaleOuts = 1, ScaleOutBase = 10m };
        var json = Bulwark.Core.Kernel.KernelStateJson.Serialize(state);
        Assert.Contains("\"scaleOuts\":1,\"scaleOutBase\":10", json, StringComparison.Ordinal);
        Assert.DoesNotContain("scaledOut", json, StringComparison.Ordinal);

        var old = Bulwark.Core.Kernel.KernelStateJson.Deserialize(json.Replace("\"scaleOuts\":1,\"scaleOutBase\":10", "\"scaledOut\":true", StringComparison.Ordinal));
        Assert.Equal((1, 0m), (old.Positions["AAPL"].ScaleOuts, old.Positions["AAPL"].ScaleOutBase));
        var none = Bulwark.Core.Kernel.KernelStateJson.Deserialize(json.Replace("\"scaleOuts\":1,\"scaleOutBase\":10", "\"scaledOut\":false", StringComparison.Ordinal));
        Assert.Equal(0, none.Positions["AAPL"].ScaleOuts);
    }

    [Theory]
    [InlineData(30, 3, 0, 0, 100, 110)]    // no step taken: the first, at 1x the target
    [InlineData(30, 3, 2, 2, 100, 130)]    // the third, at 3x
    [InlineData(30, 3, 3, null, 100, null)] // the ladder is done
    [InlineData(null, 1, 5, 0, 100, 110)]  // a take-profit for the whole position is always the first level
    public void TheStep_SetsTheLevel(int? share, int steps, int scaleOuts, int? expectedStep, int entry, int? expectedLevel)
    {
        var protection = new ProtectiveStop(5m, null, 10m) { ScaleOutPercent = share, ScaleOutSteps = steps };
        var step = protection.TakeProfitStep(scaleOuts);
        Assert.Equal(expectedStep, step);
        Assert.Equal(expectedLevel, step is { } k ? (int?)protection.TakeProfitFor(true, entry, Equity, k) : null);
        Assert.Equal(90m - (10m * (expectedStep ?? 0)), protection.TakeProfitFor(false, entry, Equity, expectedStep ?? 0));
    }

    [Theory]
    [InlineData(30, 10, 10, 3)]  // a third step's 30% of the 10 held before the first
    [InlineData(30, 1, 10, 1)]   // but never more than is left
    [InlineData(40, 2, 0, 1)]    // no base (a snapshot from before it): the position itself, 0.8 is a lot
    public void AStep_SellsItsShareOfThePositionBeforeTheFirst(decimal percent, decimal position, decimal basis, decimal expected) =>
        Assert.Equal(expected, new ProtectiveStop(5m, null, 10m) { ScaleOutPercent = percent, ScaleOutSteps = 3 }.TakeProfitQuantity(position, 1m, basis));

    [Theory]
    [InlineData(0, 50, 10, "scaleOutSteps must be from 1 to 10, got 0")]
    [InlineData(11, 5, 5, "scaleOutSteps must be from 1 to 10, got 11")]
    [InlineData(2, null, 10, "scaleOutSteps ladders a scale-out: give scaleOutPercent with it")]
    [InlineData(3, 50, 10, "scaleOutSteps of 3 at scaleOutPercent 50 would sell the whole position before the last step")]
    [InlineData(4, 20, 25, "scaleOutSteps of 4 at takeProfitPercent 25 puts the last step 100 percent from the entry")]
    public void ABadLadder_IsRefused(int steps, int? share, int target, string problem)
    {
        var protection = new ProtectiveStop(5m, null, target) { ScaleOutPercent = share, ScaleOutSteps = steps };
        Assert.StartsWith(problem, protection.Problem, StringComparison.Ordinal);
        Assert.Null((protection with { ScaleOutSteps = 1, ScaleOutPercent = share ?? 50 }).Problem);
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
    [InlineData(50, null, 5, "scaleOutPercent sizes the take-profit: give takeProfitPercent or takeProfitAtr with it")]
    [InlineData(50, 10, null, "scaleOutPercent leaves the rest of the position without an exit once the take-profit fills")]
    public void AScaleOut_WithoutATargetAndAStop_OrOutOfRange_IsRefused(int percent, int? target, int? stop, string problem)
    {
        var protection = new ProtectiveStop((decimal?)stop, null, (decimal?)target) { ScaleOutPercent = (decimal)percent };

        Assert.StartsWith(problem, protection.Problem, StringComparison.Ordinal);
    }
}
