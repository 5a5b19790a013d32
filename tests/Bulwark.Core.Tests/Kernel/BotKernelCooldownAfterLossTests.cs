using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The cooldown after a loss: a symbol whose round trip closed at a loss takes no entry for that long after the closing fill.</summary>
public sealed class BotKernelCooldownAfterLossTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static Task<KernelHarness> StartAsync() => KernelHarness.StartAsync(o => o with
    {
        Risk = new RiskLimits { CooldownAfterLoss = Hour },
    });

    /// <summary>A round trip of 10 AAPL, bought at 100 and sold at <paramref name="exit"/>.</summary>
    private static async Task RoundTripAsync(KernelHarness h, decimal exit)
    {
        await h.OpenAsync("in", "AAPL", SignalDirection.Long, 100m, target: 10m);
        await h.OpenAsync("out", "AAPL", SignalDirection.Flat, exit);
    }

    private static async Task<OrderInitialized> EntryAsync(KernelHarness h, string id, string symbol)
    {
        await h.BarAsync(symbol, 100m);
        await h.SignalAsync(id, symbol, SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderInitialized>(o => o.SignalId == id);
        await h.SettleAsync();
        return h.EventsOf<OrderInitialized>().Single(o => o.SignalId == id);
    }

    private static OrderDenied? DenialOf(KernelHarness h, OrderInitialized order) =>
        h.EventsOf<OrderDenied>().SingleOrDefault(d => d.ClientOrderId == order.ClientOrderId);

    [Fact]
    public async Task AfterALosingRoundTrip_TheSymbolTakesNoEntryUntilTheCooldownEnds_AndOtherSymbolsTradeOn()
    {
        await using var h = await StartAsync();
        await RoundTripAsync(h, 95m);
        var closed = h.Time.GetUtcNow();
        Assert.Equal((closed, -50m), (h.State.Positions["AAPL"].LossClosedAt, h.State.Positions["AAPL"].LossClosedPnl));

        h.Time.Advance(Hour - TimeSpan.FromMinutes(1));
        var early = await EntryAsync(h, "early", "AAPL");
        var other = await EntryAsync(h, "other", "MSFT");
        await h.RestartAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var late = await EntryAsync(h, "late", "AAPL");

        var denied = DenialOf(h, early);
        Assert.NotNull(denied);
        Assert.Equal(DenyReason.CooldownAfterLoss, denied.Reason);
        Assert.Equal(FormattableString.Invariant($"AAPL's last round trip closed at a loss of 50.00 at {closed.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z; no entry there before {(closed + Hour).UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"),
            denied.Detail);
        Assert.Null(DenialOf(h, other));
        Assert.Null(DenialOf(h, late)); // an hour after the closing fill, and the restart kept when that was
    }

    [Fact]
    public async Task AWinningOrBreakEvenRoundTrip_LeavesNoCooldown()
    {
        await using var h = await StartAsync();
        await RoundTripAsync(h, 100m);
        Assert.Null(h.State.Positions["AAPL"].LossClosedAt);

        var entry = await EntryAsync(h, "again", "AAPL");

        Assert.Null(DenialOf(h, entry));
    }
}
