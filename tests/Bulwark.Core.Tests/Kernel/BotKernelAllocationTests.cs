using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>A source's allocation: its sized signals trade that share of the size; other sources trade all of it.</summary>
public sealed class BotKernelAllocationTests
{
    [Fact]
    public async Task ASourcesAllocation_ScalesItsSize_AndLeavesTheOthersWhole()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            AllocationPercents = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["canary"] = 25m },
        });
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("c1", "AAPL", SignalDirection.Long, source: "canary");
        await h.SignalAsync("p1", "MSFT", SignalDirection.Long, source: "proven");
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Count == 2, "both orders");

        var orders = h.EventsOf<OrderInitialized>().ToDictionary(o => o.Source, o => o.Quantity);
        Assert.Equal(2m, orders["canary"]); // a quarter of 10, rounded down to the share
        Assert.Equal(10m, orders["proven"]);
    }
}
