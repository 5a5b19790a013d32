using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Tests.Risk;

public sealed class ProtectiveStopTests
{
    private static readonly Instrument Share = new("AAA", AssetClass.Equity, subDollarTickSize: Instrument.UsSubDollarTickSize);

    [Theory]
    [InlineData(true, 100.03, 5, 95.03)]    // 95.0285: up to the tick, toward the price, so the loss stays within 5%
    [InlineData(false, 100.03, 5, 105.03)]  // 105.0315: down, toward the price
    [InlineData(true, 0.9, 10, 0.81)]       // under a dollar: the finer tick
    [InlineData(true, 0.0001, 50, 0.0001)]  // never below the finest tick
    public void AFixedStop_IsThePercentFromTheEntry_OnTheTickTowardThePrice(bool isLong, double entry, double percent, double expected)
    {
        var stop = new ProtectiveStop((decimal)percent, null);
        Assert.Equal((decimal)expected, stop.StopFor(isLong, (decimal)entry, null, Share));
    }

    [Fact]
    public void ATrail_FollowsTheBestPriceSinceEntry_AndNeverGivesBackWhatItReached()
    {
        var stop = new ProtectiveStop(null, 10m);
        Assert.Equal(90m, stop.TrailFor(true, 100m, 95m, null, Share)); // below the entry: still from the entry
        Assert.Equal(108m, stop.TrailFor(true, 100m, 120m, 99m, Share));
        Assert.Equal(108m, stop.TrailFor(true, 100m, 110m, 108m, Share)); // a lower close keeps the level
        Assert.Equal(99m, stop.TrailFor(false, 100m, 90m, null, Share)); // a short trails the lowest close from above
        Assert.Null(new ProtectiveStop(5m, null).TrailFor(true, 100m, 120m, null, Share));
    }

    [Fact]
    public void GivenBoth_TheTighterHolds()
    {
        var both = new ProtectiveStop(2m, 10m);
        var trail = both.TrailFor(true, 100m, 120m, null, Share);
        Assert.Equal(108m, both.StopFor(true, 100m, trail, Share)); // the trail has passed the fixed 98
        Assert.Equal(98m, both.StopFor(true, 100m, both.TrailFor(true, 100m, 100m, null, Share), Share));
        Assert.Equal(102m, both.StopFor(false, 100m, both.TrailFor(false, 100m, 100m, null, Share), Share));
    }

    [Theory]
    [InlineData(null, null, "neither a stop loss, a trailing stop nor a take-profit")]
    [InlineData(0, null, "stopLossPercent must be above 0 and under 100, got 0")]
    [InlineData(null, 100, "trailingStopPercent must be above 0 and under 100, got 100")]
    public void Problem_NamesTheBadPercent(int? loss, int? trail, string expected) =>
        Assert.Contains(expected, new ProtectiveStop(loss, trail).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData(true, 100, 1.234, 97.54)]   // 97.532: up to the tick, toward the entry, so the loss stays within 2 ATRs
    [InlineData(false, 100, 1.234, 102.46)] // a short's: 102.468, down toward the entry
    [InlineData(true, 3, 2, 0.0001)]        // two ranges below a 3 dollar share is below zero: the finest tick
    public void AStopInAtrs_IsTheMultipleOfTheRangeFromTheEntry_OnTheTickTowardIt(bool isLong, double entry, double atr, double expected)
    {
        var stop = new ProtectiveStop(null, null) { StopLossAtr = 2m };
        var level = stop.AtrLevelFor(isLong, (decimal)entry, (decimal)atr, Share);
        Assert.Equal((decimal)expected, level);
        Assert.Equal((decimal)expected, stop.StopFor(isLong, (decimal)entry, null, Share, level));
        Assert.Null(new ProtectiveStop(5m, null).AtrLevelFor(isLong, (decimal)entry, (decimal)atr, Share));
    }

    [Fact]
    public void AStopInAtrsBesideAPercent_TheTighterHolds_AndWithoutTheRange_ThePercentAlone()
    {
        var both = new ProtectiveStop(2m, null) { StopLossAtr = 3m };
        Assert.Equal(98m, both.StopFor(true, 100m, null, Share, both.AtrLevelFor(true, 100m, 1m, Share))); // 97 in ATRs
        Assert.Equal(98.5m, both.StopFor(true, 100m, null, Share, both.AtrLevelFor(true, 100m, 0.5m, Share)));
        Assert.Equal(98m, both.StopFor(true, 100m, null, Share, atrLevel: null));
        Assert.Null(new ProtectiveStop(null, null) { StopLossAtr = 3m }.StopFor(true, 100m, null, Share, atrLevel: null));
        Assert.True(new ProtectiveStop(null, null) { StopLossAtr = 3m }.HasStop);
    }

    [Fact]
    public void AnAtrTrail_FollowsTheBestCloseByTheRangeOfTheMoment_AndNeverGivesBack()
    {
        var stop = new ProtectiveStop(null, null) { TrailingAtr = 2m };
        Assert.Equal(96m, stop.AtrTrailFor(true, 100m, 99m, 2m, null, Share));      // below the entry: from the entry
        Assert.Equal(104m, stop.AtrTrailFor(true, 100m, 110m, 3m, 96m, Share));     // 110 less two ranges of 3
        Assert.Equal(104m, stop.AtrTrailFor(true, 100m, 108m, 3m, 104m, Share));    // 102 would give back what it reached
        Assert.Equal(104m, stop.AtrTrailFor(true, 100m, 120m, null, 104m, Share));  // the range unknown: the level reached
        Assert.Equal(106m, stop.AtrTrailFor(false, 100m, 101m, 3m, null, Share));   // a short's, above its entry
        Assert.Null(new ProtectiveStop(5m, null).AtrTrailFor(true, 100m, 110m, 3m, null, Share));
        Assert.Contains("trailingStopAtr must be above 0 and at most 100, got 0", new ProtectiveStop(null, null) { TrailingAtr = 0m }.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 14, "stopLossAtr must be above 0 and at most 100, got 0")]
    [InlineData(100.5, 14, "stopLossAtr must be above 0 and at most 100, got 100.5")]
    [InlineData(2, 0, "atrPeriod must be from 1 to 1000, got 0")]
    [InlineData(2, 1001, "atrPeriod must be from 1 to 1000, got 1001")]
    public void ABadStopInAtrs_IsAProblem(double multiple, int period, string expected) =>
        Assert.Contains(expected, new ProtectiveStop(null, null) { StopLossAtr = (decimal)multiple, AtrPeriod = period }.Problem, StringComparison.Ordinal);

    [Fact]
    public void GoodPercents_HaveNoProblem() => Assert.Null(new ProtectiveStop(0.5m, 99.9m, 3m).Problem);

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void ATakeProfitOutsideTheRange_IsAProblem(int percent) =>
        Assert.Contains($"takeProfitPercent must be above 0 and under 100, got {percent}", new ProtectiveStop(null, null, percent).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData(true, 100.03, 5, 105.03)]   // 105.0315: down to the tick, toward the entry
    [InlineData(false, 100.03, 5, 95.03)]   // a short's: 95.0285, up toward the entry
    [InlineData(true, 0.9, 10, 0.99)]       // under a dollar: the finer tick
    public void ATakeProfit_IsThePercentBeyondTheEntry_OnTheTickTowardIt(bool isLong, double entry, double percent, double expected) =>
        Assert.Equal((decimal)expected, new ProtectiveStop(null, null, (decimal)percent).TakeProfitFor(isLong, (decimal)entry, Share));

    [Fact]
    public void ATakeProfitAlone_HasNoStop_AndNoneGivenHasNoTakeProfit()
    {
        Assert.False(new ProtectiveStop(null, null, 5m).HasStop);
        Assert.True(new ProtectiveStop(null, 5m).HasStop);
        Assert.Null(new ProtectiveStop(5m, null).TakeProfitFor(true, 100m, Share));
    }

    [Fact]
    public void ABreakEven_MovesTheStopToTheEntryOnceTheBestPriceIsItsPercentBeyond_AndKeepsItThere()
    {
        var stop = new ProtectiveStop(5m, null) { BreakEvenPercent = 2m };
        Assert.Null(stop.MovedLevel(true, 100.03m, 102.0m, null, null, Share)); // 102.0306 not reached yet
        Assert.Equal(100.03m, stop.MovedLevel(true, 100.03m, 102.04m, null, null, Share));
        Assert.Equal(100.03m, stop.MovedLevel(true, 100.03m, 99m, 100.03m, null, Share)); // fallen back: the level stays
        Assert.Equal(100.03m, stop.StopFor(true, 100.03m, 100.03m, Share)); // tighter than the fixed 95.03
        // Off the tick, the entry rounds toward the profit: a long's up, a short's down; a short triggers below.
        Assert.Equal(100.01m, stop.MovedLevel(true, 100.005m, 103m, null, null, Share));
        Assert.Equal(100.00m, stop.MovedLevel(false, 100.005m, 98m, null, null, Share));
        Assert.Null(stop.MovedLevel(false, 100m, 98.5m, null, null, Share));
        // Beside a trail, the tighter of the two.
        var trailing = new ProtectiveStop(null, 10m) { BreakEvenPercent = 2m };
        Assert.Equal(100m, trailing.MovedLevel(true, 100m, 103m, null, 92.7m, Share));
        Assert.Equal(104m, trailing.MovedLevel(true, 100m, 115.56m, 100m, 104m, Share));
        Assert.Equal(90m, new ProtectiveStop(null, 10m).MovedLevel(true, 100m, 200m, null, 90m, Share)); // no break-even: the trail
    }

    [Fact]
    public void AnActivatedTrail_CountsOnlyOnceTheBestPriceIsItsPercentBeyondTheEntry()
    {
        var stop = new ProtectiveStop(5m, 2m) { TrailActivationPercent = 3m };
        Assert.Null(stop.TrailFor(true, 100m, 102.99m, null, Share)); // not activated: no trail, the fixed 95 holds
        Assert.Equal(95m, stop.StopFor(true, 100m, stop.TrailFor(true, 100m, 102.99m, null, Share), Share));
        Assert.Equal(100.94m, stop.TrailFor(true, 100m, 103m, null, Share)); // 2% behind 103, on the tick toward it
        Assert.Equal(95m, stop.EntryStop(true, 100m, Share, null)); // an entry gets the fixed stop alone, not the trail's 98
        // Before it activates, the level reached (after a restart, the venue's) is kept, never lowered.
        Assert.Equal(99m, stop.TrailFor(true, 100m, 101m, 99m, Share));
        // A short activates below the entry; a trail in ATRs waits the same way.
        Assert.Null(stop.TrailFor(false, 100m, 97.01m, null, Share));
        Assert.Equal(98.94m, stop.TrailFor(false, 100m, 97m, null, Share));
        var chandelier = new ProtectiveStop(5m, null) { TrailingAtr = 2m, TrailActivationPercent = 3m };
        Assert.Null(chandelier.TrailFor(true, 100m, 102m, null, Share, atr: 1m));
        Assert.Equal(101m, chandelier.TrailFor(true, 100m, 103m, null, Share, atr: 1m));
        Assert.Equal(98m, new ProtectiveStop(5m, 2m).TrailFor(true, 100m, 100m, null, Share)); // without it: from the entry
    }

    [Fact]
    public void AnActivationWithNoTrail_OrNoFixedStopToHoldUntilThen_IsAProblem()
    {
        Assert.Equal("trailActivationPercent activates a trail: give trailingStopPercent or trailingStopAtr with it",
            new ProtectiveStop(5m, null) { TrailActivationPercent = 1m }.Problem);
        Assert.Equal("trailActivationPercent leaves the position without a stop until the trail activates: give stopLossPercent or stopLossAtr with it",
            new ProtectiveStop(null, 2m) { TrailActivationPercent = 1m }.Problem);
        Assert.Equal("trailActivationPercent must be above 0 and under 100, got 100",
            new ProtectiveStop(5m, 2m) { TrailActivationPercent = 100m }.Problem);
        Assert.Null(new ProtectiveStop(null, null) { StopLossAtr = 2m, TrailingAtr = 3m, TrailActivationPercent = 1m }.Problem);
    }

    [Theory]
    [InlineData(0, "breakEvenPercent must be above 0 and under 100, got 0")]
    [InlineData(100, "breakEvenPercent must be above 0 and under 100, got 100")]
    public void ABadBreakEven_IsAProblem(int percent, string expected) =>
        Assert.Equal(expected, new ProtectiveStop(5m, null) { BreakEvenPercent = percent }.Problem);

    [Fact]
    public void ABreakEvenWithNoStopToMove_IsAProblem()
    {
        Assert.Equal("breakEvenPercent moves a stop: give stopLossPercent, stopLossAtr, trailingStopPercent or trailingStopAtr with it",
            new ProtectiveStop(null, null, 5m) { BreakEvenPercent = 1m }.Problem);
        Assert.Null(new ProtectiveStop(null, null) { StopLossAtr = 2m, BreakEvenPercent = 1m }.Problem);
        Assert.True(new ProtectiveStop(5m, null) { BreakEvenPercent = 1m }.Moves);
        Assert.False(new ProtectiveStop(5m, null).Moves);
    }
}
