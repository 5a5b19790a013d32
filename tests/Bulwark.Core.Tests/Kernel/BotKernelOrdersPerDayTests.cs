using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The runaway guard: once the orders sent in a trading day reach the limit, an alert, and no new exposure until the next
/// day; closing still goes out, and a restart keeps the day's count.
/// </summary>
public sealed class BotKernelOrdersPerDayTests
{
    /// <summary>Midnight in New York (EST) that begins 6 March 2024, the harness's first day being the 5th.</summary>
    private static readonly DateTimeOffset NextDay = new(2024, 3, 6, 5, 0, 0, TimeSpan.Zero);

    private static Task<KernelHarness> StartAsync(int limit) =>
        KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxOrdersPerDay = limit } });

    private static List<AlertRaised> Alerts(KernelHarness h) => [.. h.EventsOf<AlertRaised>().Where(a => a.Code == BotKernel.MaxOrdersPerDayCode)];

    [Fact]
    public async Task TheOrderThatReachesTheLimit_IsAlerted_ThenEntriesAreDenied_AndAnExitStillGoesOut()
    {
        await using var h = await StartAsync(limit: 2);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        Assert.Empty(Alerts(h));
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));

        var alert = Assert.Single(Alerts(h));
        Assert.Equal((AlertSeverity.Critical, h.OrderOf("m1")), (alert.Severity, alert.CorrelationId));
        Assert.Equal("2 orders sent on 2024-03-05, the most risk.maxOrdersPerDay allows: only orders that reduce a position go out before the next trading day", alert.Message);
        Assert.Equal(2, h.State.DailyOrdersSent);

        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("a2"));
        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(DenyReason.MaxOrdersPerDay, denied.Reason);
        Assert.Equal("2 orders sent on 2024-03-05, the most risk.maxOrdersPerDay allows: no new exposure before the next trading day", denied.Detail);

        await h.SignalAsync("a3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a3"));
        Assert.Equal(3, h.State.DailyOrdersSent);
        Assert.Single(Alerts(h)); // once, at the limit
    }

    [Fact]
    public async Task ARestartKeepsTheDaysCount_AndTheNextDayStartsAgain()
    {
        await using var h = await StartAsync(limit: 1);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.RestartAsync();
        Assert.Equal(1, h.State.DailyOrdersSent);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("m1"));
        Assert.Equal(DenyReason.MaxOrdersPerDay, Assert.Single(h.EventsOf<OrderDenied>()).Reason);

        h.Time.Set(NextDay);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m2", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m2"));
        Assert.Equal((new DateOnly(2024, 3, 6), 1L), (h.State.TradingDate, h.State.DailyOrdersSent));
    }

    [Fact]
    public async Task WithoutALimit_TheDaysOrdersAreCountedAndNoneIsDenied()
    {
        await using var h = await StartAsync(limit: 0);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));

        Assert.Equal(2, h.State.DailyOrdersSent);
        Assert.Empty(h.EventsOf<OrderDenied>());
        Assert.Empty(Alerts(h));
    }
}
