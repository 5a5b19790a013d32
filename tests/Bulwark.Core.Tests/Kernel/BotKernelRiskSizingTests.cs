using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>Sizing by risk: an entry sized by the distance to the stop its source would set, and denied without one.</summary>
public sealed class BotKernelRiskSizingTests
{
    private static Task<KernelHarness> StartAsync(ProtectiveStop? protection) => KernelHarness.StartAsync(
        o => o with { Sizing = new SizingOptions { Mode = SizingMode.RiskPercent, RiskPercent = 1m } },
        strategies: [new ScriptedStrategy("test", "AAPL") { Protection = protection }]);

    [Fact]
    public async Task AnEntry_LosesOnePercentOfTheAccountAtItsStop()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderInitialized>();

        var order = Assert.Single(h.EventsOf<OrderInitialized>());
        var equity = h.State.Cash; // flat: the account's value is its cash
        Assert.True(equity > 0m, $"cash {equity}");
        Assert.Equal(Math.Min(Math.Floor(equity * 0.01m / 5m), Math.Floor(equity / 100m)), order.Quantity); // the stop at 95
    }

    [Fact]
    public async Task ASourceWithoutAStop_HasItsEntriesDenied_AndAStopInRangesWaitsForTheRange()
    {
        await using var none = await StartAsync(null);
        await none.BarAsync("AAPL", 100m);
        await none.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await none.UntilEventAsync<SignalDenied>();

        await using var atr = await StartAsync(new ProtectiveStop(null, null) { StopLossAtr = 2m, AtrPeriod = 5 });
        await atr.BarAsync("AAPL", 100m);
        await atr.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await atr.UntilEventAsync<SignalDenied>();

        Assert.Equal(DenyReason.NoStopToSize, Assert.Single(none.EventsOf<SignalDenied>()).Reason);
        Assert.Contains("source 'test' keeps no stop", none.EventsOf<SignalDenied>()[0].Detail, StringComparison.Ordinal);
        Assert.Equal(DenyReason.StopNotReady, Assert.Single(atr.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(none.EventsOf<OrderInitialized>());
    }
}
