using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Reconciliation;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The venue's cash against the engine's at start-up: a difference is journaled and alerted, never adopted, and does
/// not halt (a deposit or a fee moves the venue's cash without an order); positions and orders still halt.
/// </summary>
public sealed class BotKernelCashReconciliationTests
{
    [Fact]
    public async Task ACashDifference_IsAWarningWithAnAlert_TradingGoesOn_AndTheEnginesCashIsKept()
    {
        await using var h = await KernelHarness.StartAsync();
        var engineCash = h.State.Cash;

        await h.RestartAsync(whileDown: () => h.Venue.Cash = engineCash + 250m);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();

        var report = h.Journal.Events.Last(e => e.Event is ReconciliationCompleted);
        var completed = (ReconciliationCompleted)report.Event;
        Assert.True(completed.InSync);
        var warning = Assert.Single(completed.Warnings);
        Assert.Contains($"cash: engine {engineCash}, venue {engineCash + 250m} (+250 at the venue)", warning, StringComparison.Ordinal);
        var alert = Assert.Single(h.EventsOf<AlertRaised>());
        Assert.Equal((AlertSeverity.Warning, "ReconciliationWarning", report.Sequence), (alert.Severity, alert.Code, alert.CausedBy));
        Assert.Equal(TradingState.Active, h.State.TradingState);
        Assert.Equal(engineCash, h.State.Cash); // reported, not adopted
        Assert.Empty(h.EventsOf<SignalDenied>());
    }

    [Fact]
    public async Task EqualCash_AndAVenueThatCannotTell_WarnOfNothing()
    {
        await using var h = await KernelHarness.StartAsync(); // the fake venue reports no cash
        await h.RestartAsync(whileDown: () => h.Venue.Cash = h.State.Cash);

        Assert.All(h.EventsOf<ReconciliationCompleted>(), r => Assert.Empty(r.Warnings));
        Assert.Empty(h.EventsOf<AlertRaised>());
    }

    [Fact]
    public void TheReport_CarriesBothSidesCash_AndASignedDifference()
    {
        var state = new KernelState { Cash = 1000m };
        var now = KernelHarness.DefaultStart;

        var less = Reconciler.Compare(state, "bot-", [], [], now, venueCash: 990.5m);
        var unknown = Reconciler.Compare(state, "bot-", [], [], now);

        Assert.Equal((1000m, (decimal?)990.5m, true), (less.EngineCash, less.VenueCash, less.InSync));
        Assert.Contains("(-9.5 at the venue)", Assert.Single(less.Warnings), StringComparison.Ordinal);
        Assert.Equal((1000m, (decimal?)null), (unknown.EngineCash, unknown.VenueCash));
        Assert.Empty(unknown.Warnings);
    }
}
