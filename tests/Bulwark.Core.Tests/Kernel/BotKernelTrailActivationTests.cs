using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// A trail with an activation price: the fixed stop holds until the best close has gone the percent beyond the entry,
/// then the trail follows it; a restart keeps the level the venue holds and the trail goes on from there.
/// </summary>
public sealed class BotKernelTrailActivationTests
{
    /// <summary>A stop 5% under the entry; a trail 2% behind the best close once it is 3% up.</summary>
    private static readonly ProtectiveStop TrailFromThreePercentUp = new(5m, 2m) { TrailActivationPercent = 3m };

    private static decimal?[] StopLevels(KernelHarness h) => [.. Stops(h).Select(s => s.StopPrice)];

    [Fact]
    public async Task TheFixedStopHolds_UntilTheCloseIsThreePercentUp_ThenTheTrailFollowsTheBestClose()
    {
        await using var h = await StartAsync(TrailFromThreePercentUp);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 101m, 102.99m);
        Assert.Equal([95m], StopLevels(h)); // a trail from the entry would have been at 98, then 100.94

        await ClosesAsync(h, 103m, 101m, 105m);

        Assert.Equal([95m, 100.94m, 102.90m], StopLevels(h));
        Assert.Equal(102.90m, Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen()).StopPrice);
    }

    [Fact]
    public async Task AfterARestart_AnActivatedTrailKeepsItsLevel_AndFollowsTheClosesFromThere()
    {
        await using var h = await StartAsync(TrailFromThreePercentUp);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 104m);

        await h.RestartAsync(strategies: StrategiesWith(TrailFromThreePercentUp));
        await ClosesAsync(h, 102m, 106m);

        // 101.92 (2% behind 104) kept at 102, below the activation; then 2% behind 106.
        Assert.Equal([95m, 101.92m, 103.88m], StopLevels(h));
    }

    [Fact]
    public async Task AShort_ActivatesItsTrailThreePercentDown()
    {
        await using var h = await StartAsync(TrailFromThreePercentUp);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 97.5m, 96m);

        Assert.Equal([105m, 97.92m], StopLevels(h));
        Assert.All(Stops(h), s => Assert.Equal(OrderSide.Buy, s.Side));
    }
}
