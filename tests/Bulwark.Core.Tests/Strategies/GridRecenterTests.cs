using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.Strategies.GridSteps;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>recenterSteps: a grid with no inventory follows a market that moved away from it; with inventory it stays.</summary>
public sealed class GridRecenterTests
{
    /// <summary>A long-only grid: two buys below the center, and no sell while it holds nothing.</summary>
    private static readonly GridOptions LongOnly = TwoLevels with { AllowShort = false, RecenterSteps = 3 };

    private static (OrderSide, decimal)[] Resting(KernelHarness h) =>
        [.. Grid(h).Levels.Values.OrderBy(l => l.Price).Select(l => (l.Side, l.Price))];

    [Fact]
    public async Task AFlatGrid_IsRebuiltAroundTheClose_OnceItIsRecenterStepsAway()
    {
        await using var h = await StartAsync(LongOnly);
        await BarAsync(h, 100m);
        Assert.Equal([(OrderSide.Buy, 98m), (OrderSide.Buy, 99m)], Resting(h));

        await BarAsync(h, 102.9m); // 2.9 steps of 1: not yet
        Assert.Equal((100m, 1L), (Grid(h).Center, Grid(h).Builds));

        await BarAsync(h, 103m);

        Assert.Equal((103m, 2L), (Grid(h).Center, Grid(h).Builds));
        Assert.Equal([(OrderSide.Buy, 100.94m), (OrderSide.Buy, 101.97m)], Resting(h));
        Assert.Equal("recenter: close 103 is 3 steps from the center 100.00", h.EventsOf<GridBuilt>()[^1].Reason);
        var note = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "GridRecentered");
        Assert.Equal("grid: AAPL: close 103 is 3 steps from the center 100.00 with no inventory; rebuilt around it", note.Message);
        // The old buys were canceled, not left resting beside the new ones.
        Assert.Equal(2, h.Venue.AllOrders.Count(o => o.Status == OrderStatus.Accepted));
    }

    [Fact]
    public async Task ARecenterTheEngineHoldsBack_IsNotedOnlyWhenItHappens()
    {
        await using var h = await StartAsync(LongOnly);
        await BarAsync(h, 100m);
        await h.SendAsync(new SetTradingState(TradingState.Reducing, "review"));

        await BarAsync(h, 103m);
        await BarAsync(h, 104m);

        Assert.Equal((100m, 1L), (Grid(h).Center, Grid(h).Builds));
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "GridRecentered");

        await h.SendAsync(new SetTradingState(TradingState.Active, "review done"));
        await BarAsync(h, 104m);

        Assert.Equal((104m, 2L), (Grid(h).Center, Grid(h).Builds));
        Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "GridRecentered");
    }

    [Fact]
    public async Task AGridHoldingInventory_KeepsItsLevels_HoweverFarTheCloseMoves()
    {
        await using var h = await StartAsync(LongOnly);
        await BarAsync(h, 100m);
        await FillAsync(h, -1); // bought one at 99: its sell rests at 100

        await BarAsync(h, 95m);
        await BarAsync(h, 110m);

        Assert.Equal((100m, 1L, 1m), (Grid(h).Center, Grid(h).Builds, Grid(h).ImpliedInventory));
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "GridRecentered");
    }

    [Fact]
    public async Task ByDefault_TheGridNeverRecenters()
    {
        await using var h = await StartAsync(LongOnly with { RecenterSteps = null });
        await BarAsync(h, 100m);

        await BarAsync(h, 150m);

        Assert.Equal((100m, 1L), (Grid(h).Center, Grid(h).Builds));
    }
}
