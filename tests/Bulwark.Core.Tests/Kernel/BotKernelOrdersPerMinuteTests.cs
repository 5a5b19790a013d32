using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The throttle: once the orders sent in the last minute reach the limit, a warning, and no new exposure until the oldest
/// of them is a minute old; closing still goes out, and a restart keeps the window.
/// </summary>
public sealed class BotKernelOrdersPerMinuteTests
{
    private static Task<KernelHarness> StartAsync(int limit) =>
        KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxOrdersPerMinute = limit } });

    private static List<AlertRaised> Alerts(KernelHarness h) => [.. h.EventsOf<AlertRaised>().Where(a => a.Code == BotKernel.MaxOrdersPerMinuteCode)];

    [Fact]
    public async Task TheOrderThatReachesTheLimit_IsWarned_EntriesAreDeniedForTheRestOfTheMinute_AndAnExitStillGoesOut()
    {
        await using var h = await StartAsync(limit: 2);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));

        var alert = Assert.Single(Alerts(h));
        Assert.Equal((AlertSeverity.Warning, h.OrderOf("m1")), (alert.Severity, alert.CorrelationId));
        Assert.Equal("2 orders sent in the minute to 2024-03-05 15:00:10 UTC, the most risk.maxOrdersPerMinute allows: only orders that reduce a position go out before 15:01:00 UTC", alert.Message);

        h.Time.Advance(TimeSpan.FromSeconds(49)); // 15:00:59: the first order is still in the window
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("a2"));
        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal((DenyReason.MaxOrdersPerMinute, "2 orders sent in the minute to 2024-03-05 15:00:59 UTC, the most risk.maxOrdersPerMinute allows: no new exposure before 15:01:00 UTC"),
            (denied.Reason, denied.Detail));
        await h.SignalAsync("a3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a3"));

        var m1 = h.OrderOf("m1");
        h.Venue.PushFill(m1, h.State.Orders[m1].Quantity, 50m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == m1);

        h.Time.Advance(TimeSpan.FromSeconds(1)); // 15:01:00: a1 has left the window; m1 and the exit fill it
        await h.SignalAsync("m2", "MSFT", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("m2"));
        Assert.Equal("2 orders sent in the minute to 2024-03-05 15:01:00 UTC, the most risk.maxOrdersPerMinute allows: no new exposure before 15:01:10 UTC",
            h.EventsOf<OrderDenied>()[^1].Detail);
        h.Time.Advance(TimeSpan.FromSeconds(10)); // 15:01:10: m1 has left too
        await h.SignalAsync("m3", "MSFT", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m3"));
        Assert.Equal(2, Alerts(h).Count); // the exit and m3 fill the window again
    }

    [Fact]
    public async Task ARestartKeepsTheWindow_AndAMinuteLaterEntriesGoOutAgain()
    {
        await using var h = await StartAsync(limit: 1);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.RestartAsync();
        Assert.Equal([h.Time.GetUtcNow()], h.State.RecentOrderTimes);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("m1"));
        Assert.Equal(DenyReason.MaxOrdersPerMinute, Assert.Single(h.EventsOf<OrderDenied>()).Reason);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m2", "MSFT", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m2"));
        Assert.Equal([h.Time.GetUtcNow()], h.State.RecentOrderTimes); // the order a minute old is forgotten
    }

    [Fact]
    public async Task WithoutALimit_NoneIsDenied_AndTheWindowKeepsOnlyTheLastMinute()
    {
        await using var h = await StartAsync(limit: 0);
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));
        Assert.Equal(2, h.State.OrdersSentInMinuteTo(h.Time.GetUtcNow()));
        h.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(0, h.State.OrdersSentInMinuteTo(h.Time.GetUtcNow()));

        Assert.Empty(h.EventsOf<OrderDenied>());
        Assert.Empty(Alerts(h));
    }
}
