using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.Strategies.GridSteps;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// A grid order the venue refuses for funds keeps its level: it waits, journaled, and is tried again after the grid's
/// next fill (cash moved) or after <see cref="GridOptions.FundsRetryMinutes"/>; never on every bar, and a grid left with
/// nothing resting because of such refusals does not rebuild on every bar either.
/// "Next fill" is the bot's, any source's: every fill moves the cash the venue checks. A buy is asked again only once
/// the bot's own books say it can pay.
/// </summary>
public sealed class GridFundsRejectionTests
{
    private static int BuySubmits(KernelHarness h) => h.Venue.Submits.Count(s => s.Side == OrderSide.Buy);

    /// <summary>Builds around 100 (buys 99, 98; sells 101, 102), then the venue refuses every buy and the sell at 101 fills.</summary>
    private static async Task<KernelHarness> RefusedReplacementAsync(GridOptions options)
    {
        var h = await KernelHarness.StartAsync(strategies: [new GridStrategy("grid", ["AAPL"], options)]);
        await BarAsync(h, 100m);
        h.Venue.OnSubmit = (request, _) => request.Side == OrderSide.Buy ? SubmitReply.Reject : SubmitReply.Accept;
        await FillAsync(h, 1);
        return h;
    }

    [Fact]
    public async Task ReplacementRefusedForFunds_WaitsAtItsLevel_AndIsTriedAgainOnlyAfterTheNextFill()
    {
        await using var h = await RefusedReplacementAsync(TwoLevels);

        var deferred = Assert.Single(h.EventsOf<GridLevelDeferred>());
        Assert.Equal((0, OrderSide.Buy, 1m), (deferred.Level, deferred.Side, deferred.Quantity));
        Assert.Contains("funds", deferred.Reason, StringComparison.Ordinal);
        Assert.Equal(1, h.State.FillCount);
        Assert.Equal(new GridDeferral(0, OrderSide.Buy, 1m) { RetryAfterFills = 1, RetryAt = h.Time.GetUtcNow().AddMinutes(60) },
            Grid(h).Deferred[0]);
        Assert.False(Grid(h).Levels.ContainsKey(0));

        // The cash has not moved: asking again on every bar would only be refused again.
        var asked = BuySubmits(h);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        for (var i = 0; i < 10; i++) await BarAsync(h, 100.5m);
        Assert.Equal(asked, BuySubmits(h));
        Assert.Empty(h.EventsOf<GridBuilt>().Skip(1));

        // The sell at 102 fills: its own replacement goes to 101 at once, and the waiting buy at 100 is due on the next bar.
        await FillAsync(h, 2);
        Assert.Equal(asked + 1, BuySubmits(h));
        Assert.Equal((OrderSide.Buy, 101m), (Grid(h).Levels[1].Side, Grid(h).Levels[1].Price));
        await BarAsync(h, 101.5m);

        var placed = Grid(h).Levels[0];
        Assert.Equal((OrderSide.Buy, 100m, 1m), (placed.Side, placed.Price, placed.Quantity));
        Assert.Equal(OrderStatus.Accepted, h.Venue.Order(placed.ClientOrderId)!.Status);
        Assert.Empty(Grid(h).Deferred);
        Assert.Equal(asked + 2, BuySubmits(h));
    }

    [Fact]
    public async Task ARefusedBuy_IsNotAskedAgainWhileTheBotsBooksSayItCannotPay_EvenAfterAFill()
    {
        // 150 of cash: the build's buys at 99 and 98 reserve 197 of it; the sell at 101 fills (cash 251, buying power 54)
        // and its replacement, a buy at 100, is refused for funds.
        var options = TwoLevels with { DriftTolerance = 10m, MaxInventory = 5m };
        await using var h = await KernelHarness.StartAsync(o => o with { StartingCash = 150m },
            strategies: [new GridStrategy("grid", ["AAPL"], options)]);
        await BarAsync(h, 100m);
        h.Venue.OnSubmit = (request, _) => request.Side == OrderSide.Buy ? SubmitReply.Reject : SubmitReply.Accept;
        await FillAsync(h, 1);
        Assert.Equal(0, Assert.Single(h.EventsOf<GridLevelDeferred>()).Level);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        var asked = BuySubmits(h);

        // The buys at 99 and 98 fill: the level is due by the fills, but a buy's fill only turns a reservation into a
        // position, so the books still say 54, and the venue is not asked.
        await FillAsync(h, -1);
        await BarAsync(h, 99.5m);
        await FillAsync(h, -2);
        await BarAsync(h, 99.5m);
        Assert.Equal(asked, BuySubmits(h));
        Assert.Equal(54m, h.State.Cash);

        // Another source sells the unit the grid holds: 100.5 in, buying power 154.5, so the next bar asks for the level.
        await h.OpenAsync("manual", "AAPL", SignalDirection.Flat, 100.5m);
        await BarAsync(h, 100.5m);

        Assert.Equal(asked + 1, BuySubmits(h));
        Assert.Equal((OrderSide.Buy, 100m), (Grid(h).Levels[0].Side, Grid(h).Levels[0].Price));
        Assert.Empty(Grid(h).Deferred);
    }

    [Fact]
    public async Task AFillOfAnotherSource_MakesTheRefusedLevelDue()
    {
        await using var h = await RefusedReplacementAsync(TwoLevels with { DriftTolerance = 10m, MaxInventory = 5m });
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        var asked = BuySubmits(h);
        await BarAsync(h, 100.5m);
        Assert.Equal(asked, BuySubmits(h));

        // Another source buys back the grid's short and fills: the cash moved, so the waiting buy is due on the next bar.
        await h.OpenAsync("manual", "AAPL", SignalDirection.Flat, 100.5m);
        Assert.Equal(asked + 1, BuySubmits(h));
        await BarAsync(h, 100.5m);

        Assert.Equal(asked + 2, BuySubmits(h));
        Assert.Equal((OrderSide.Buy, 100m), (Grid(h).Levels[0].Side, Grid(h).Levels[0].Price));
        Assert.Empty(Grid(h).Deferred);
    }

    [Fact]
    public async Task RefusedAgainAtItsRetryTime_WaitsAnotherInterval_OneAttemptPerInterval()
    {
        await using var h = await RefusedReplacementAsync(TwoLevels with { FundsRetryMinutes = 30 });
        var asked = BuySubmits(h);

        await BarAsync(h, 100.5m, minutes: 29);
        Assert.Equal(asked, BuySubmits(h));
        await BarAsync(h, 100.5m, minutes: 1); // 30 minutes after the refusal: due, tried once, refused again
        Assert.Equal(asked + 1, BuySubmits(h));
        var again = h.EventsOf<GridLevelDeferred>()[^1];
        Assert.Equal(2, h.EventsOf<GridLevelDeferred>().Count);
        Assert.Equal(h.Time.GetUtcNow().AddMinutes(30), again.RetryAt);

        for (var i = 0; i < 29; i++) await BarAsync(h, 100.5m);
        Assert.Equal(asked + 1, BuySubmits(h));
        await BarAsync(h, 100.5m);
        Assert.Equal(asked + 2, BuySubmits(h));
    }

    [Fact]
    public async Task NothingRestsBecauseEveryBuyWasRefused_NoRebuildOnEveryBar_OneRebuildWhenTheRetryIsDue()
    {
        // Flat and no shorting: the grid is its two buys only, and the venue refuses both.
        var options = TwoLevels with { AllowShort = false };
        await using var h = await KernelHarness.StartAsync(strategies: [new GridStrategy("grid", ["AAPL"], options)]);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await BarAsync(h, 100m);

        Assert.Equal(2, h.Venue.Submits.Count);
        Assert.Equal([-2, -1], Grid(h).Deferred.Keys);
        Assert.Empty(Grid(h).Levels);

        for (var i = 0; i < 20; i++) await BarAsync(h, 100m);
        Assert.Equal(2, h.Venue.Submits.Count);
        Assert.Single(h.EventsOf<GridBuilt>());

        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await BarAsync(h, 100.4m, minutes: 40); // an hour after the refusals

        var rebuilt = h.EventsOf<GridBuilt>()[^1];
        Assert.Equal(2, h.EventsOf<GridBuilt>().Count);
        Assert.Contains("funds", rebuilt.Reason, StringComparison.Ordinal);
        Assert.Equal(4, h.Venue.Submits.Count);
        Assert.Equal([-2, -1], Grid(h).Levels.Keys);
        Assert.Empty(Grid(h).Deferred);
    }

    [Fact]
    public async Task RefusedLevel_SurvivesARestart_AndItsRetryMarksRoundTripThroughSnapshotAndCodec()
    {
        await using var h = await RefusedReplacementAsync(TwoLevels);
        var waiting = Grid(h).Deferred[0];

        var json = KernelStateJson.Serialize(h.State);
        Assert.Equal(waiting, KernelStateJson.Deserialize(json).GridOf("grid", "AAPL")!.Deferred[0]);
        var deferred = Assert.Single(h.EventsOf<GridLevelDeferred>());
        Assert.Equal(deferred, EventCodec.Decode(EventCodec.Encode(deferred)));

        await h.RestartAsync(strategies: [new GridStrategy("grid", ["AAPL"], TwoLevels)]);
        Assert.Equal(waiting, Grid(h).Deferred[0]);
        var asked = BuySubmits(h);
        await BarAsync(h, 100.5m);
        Assert.Equal(asked, BuySubmits(h));
    }
}
