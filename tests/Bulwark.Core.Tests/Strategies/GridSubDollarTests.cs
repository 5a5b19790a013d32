using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>A grid on a share under a dollar, which quotes in hundredths of a cent there and in cents from a dollar up.</summary>
public sealed class GridSubDollarTests
{
    private static Task<KernelHarness> StartAsync() => KernelHarness.StartAsync(
        o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity, subDollarTickSize: Instrument.UsSubDollarTickSize),
            },
        },
        strategies: [new GridStrategy("grid", ["AAPL"], new GridOptions { LevelsPerSide = 2, SpacingPercent = 3m, Size = 1_000m })]);

    [Fact]
    public async Task AGridWhollyUnderADollar_IsSpacedOnTheFinerTick()
    {
        await using var h = await StartAsync();

        await GridSteps.BarAsync(h, 0.4526m);

        var grid = GridSteps.Grid(h);
        Assert.Equal((0.4526m, 0.0136m), (grid.Center, grid.Step)); // 3 % of 0.4526 is 0.013578, up to the tick
        Assert.Equal([0.4254m, 0.4390m, 0.4662m, 0.4798m], grid.Levels.Values.Select(l => l.Price).Order());
        Assert.Equal(4, h.Venue.AllOrders.Count(o => o.Status == OrderStatus.Accepted));
    }

    [Fact]
    public async Task AGridReachingADollar_StaysOnCents_SoEveryLevelIsAValidPrice()
    {
        await using var h = await StartAsync();

        await GridSteps.BarAsync(h, 0.9537m);

        var grid = GridSteps.Grid(h);
        Assert.Equal((0.95m, 0.03m), (grid.Center, grid.Step));
        Assert.Equal(4, h.Venue.AllOrders.Count(o => o.Status == OrderStatus.Accepted));
    }
}
