using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>An instrument's limit in units: an order taking the position beyond it is denied, long or short; reducing passes.</summary>
public sealed class BotKernelMaxPositionTests
{
    private static Task<KernelHarness> StartAsync(decimal most) => KernelHarness.StartAsync(o => o with
    {
        Instruments = new Dictionary<string, Instrument>(o.Instruments, StringComparer.Ordinal)
        {
            ["AAPL"] = new Instrument("AAPL", AssetClass.Equity) { MaxPosition = most },
        },
    });

    [Fact]
    public async Task AnEntryUpToTheLimitGoesOut_AnAddBeyondItIsDenied_AndTheExitPasses()
    {
        await using var h = await StartAsync(most: 15m);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m); // 10
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("a2"));

        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal((DenyReason.MaxPositionQuantityExceeded, "position 20 of AAPL over its limit of 15 (instruments[].maxPosition)"), (denied.Reason, denied.Detail));
        await h.SignalAsync("a3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a3"));
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 20m); // another symbol has no such limit
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));
    }

    [Fact]
    public async Task AShortBeyondTheLimit_IsDeniedToo()
    {
        await using var h = await StartAsync(most: 5m);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Short, target: -10m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("s1"));

        Assert.Equal(DenyReason.MaxPositionQuantityExceeded, Assert.Single(h.EventsOf<OrderDenied>()).Reason);
    }
}
