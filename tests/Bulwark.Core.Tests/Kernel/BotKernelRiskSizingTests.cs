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

    private static Task<KernelHarness> StartByVolatilityAsync(ProtectiveStop? protection = null) => KernelHarness.StartAsync(
        o => o with { Sizing = new SizingOptions { Mode = SizingMode.Volatility, VolatilityPercent = 1m, VolatilityPeriod = 3 } },
        strategies: [new ScriptedStrategy("test", "AAPL") { Protection = protection }]);

    [Fact]
    public async Task ByVolatility_AnEntryWaitsForTheRange_ThenOneRangeMovesItByOnePercentOfTheAccount()
    {
        await using var h = await StartByVolatilityAsync();
        await h.BarAsync("AAPL", 102m, 98m, 100m);
        await h.BarAsync("AAPL", 102m, 98m, 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<SignalDenied>();
        await h.BarAsync("AAPL", 102m, 98m, 100m); // the third bar: ATR(3) is 4
        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderInitialized>();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.RangeNotReady, denied.Reason);
        Assert.Equal("entries are sized by the ATR(3) of AAPL, which needs 3 bars of it seen", denied.Detail);
        var equity = h.State.Cash;
        Assert.Equal(Math.Min(Math.Floor(equity * 0.01m / 4m), Math.Floor(equity / 100m)), Assert.Single(h.EventsOf<OrderInitialized>()).Quantity);
    }

    [Fact]
    public async Task ByVolatility_BarsThatNeverMoved_GiveNoRangeToSizeBy_AndAStopInRangesOfAnotherPeriodStillWaitsForItsOwn()
    {
        await using var flat = await StartByVolatilityAsync();
        for (var i = 0; i < 3; i++) await flat.BarAsync("AAPL", 100m);
        await flat.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await flat.UntilEventAsync<SignalDenied>();

        await using var stop = await StartByVolatilityAsync(new ProtectiveStop(null, null) { StopLossAtr = 2m, AtrPeriod = 5 });
        for (var i = 0; i < 3; i++) await stop.BarAsync("AAPL", 102m, 98m, 100m);
        await stop.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await stop.UntilEventAsync<SignalDenied>();

        var zero = Assert.Single(flat.EventsOf<SignalDenied>());
        Assert.Equal((DenyReason.RangeNotReady, "entries are sized by the ATR(3) of AAPL, and it is 0: its last 3 bars did not move"), (zero.Reason, zero.Detail));
        Assert.Equal(DenyReason.StopNotReady, Assert.Single(stop.EventsOf<SignalDenied>()).Reason);
    }
}
