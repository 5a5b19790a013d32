using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// A break-even stop: the kernel moves the position's stop to the entry once the best close has gone the percent beyond
/// it, keeps it there when the price falls back, and a restart keeps the level the venue holds.
/// </summary>
public sealed class BotKernelBreakEvenTests
{
    private static readonly ProtectiveStop FiveWithBreakEvenAtTwo = new(5m, null) { BreakEvenPercent = 2m };

    private static decimal?[] StopLevels(KernelHarness h) => [.. Stops(h).Select(s => s.StopPrice)];

    [Fact]
    public async Task TheStop_MovesToTheEntryOnceTheCloseIsTwoPercentUp_AndStaysThereWhenItFalls()
    {
        await using var h = await StartAsync(FiveWithBreakEvenAtTwo);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 101m, 101.99m);
        Assert.Equal([95m], StopLevels(h)); // not two percent up yet

        await ClosesAsync(h, 102m, 99m);

        Assert.Equal([95m, 100m], StopLevels(h));
        Assert.Equal(100m, Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen()).StopPrice);
    }

    [Fact]
    public async Task AfterARestart_TheStopAtTheEntryIsKept_ThoughTheCloseIsBelowTheTrigger()
    {
        await using var h = await StartAsync(FiveWithBreakEvenAtTwo);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 103m);

        await h.RestartAsync(strategies: StrategiesWith(FiveWithBreakEvenAtTwo));
        await ClosesAsync(h, 100.5m);

        Assert.Equal([95m, 100m], StopLevels(h));
        Assert.Equal(100m, Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen()).StopPrice);
    }

    [Fact]
    public async Task AShort_MovesItsStopDownToTheEntry()
    {
        await using var h = await StartAsync(FiveWithBreakEvenAtTwo);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 100m);
        await h.SettleAsync();
        await ClosesAsync(h, 97.5m);

        Assert.Equal([105m, 100m], StopLevels(h));
        Assert.All(Stops(h), s => Assert.Equal(OrderSide.Buy, s.Side));
    }
}
