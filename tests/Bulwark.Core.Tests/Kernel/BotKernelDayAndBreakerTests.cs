using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelDayAndBreakerTests
{
    /// <summary>Opens 10 AAPL at <paramref name="entry"/> and closes them at <paramref name="exit"/>.</summary>
    private static async Task RoundTripAsync(KernelHarness h, string tag, decimal entry, decimal exit)
    {
        await h.OpenAsync(tag + "-open", "AAPL", SignalDirection.Long, entry);
        await h.BarAsync("AAPL", exit);
        await h.SignalAsync(tag + "-close", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.Order(h.OrderOf(tag + "-close")) is not null, "the closing order");
        var id = h.OrderOf(tag + "-close");
        h.Venue.PushFill(id, 10m, exit);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == id);
    }

    [Fact]
    public async Task DailyPnl_ResetsAtNewYorkMidnight_NotAtUtcMidnight()
    {
        // 5 March 2024 10:00 New York (15:00 UTC).
        await using var h = await KernelHarness.StartAsync();
        await RoundTripAsync(h, "a", 100m, 98m);
        Assert.Equal(-20m, h.State.DailyRealizedPnl);

        // 00:30 UTC on 6 March is 19:30 on 5 March in New York: the same trading day.
        h.Time.Set(new DateTimeOffset(2024, 3, 6, 0, 30, 0, TimeSpan.Zero));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Equal(-20m, h.State.DailyRealizedPnl);
        Assert.Equal(new DateOnly(2024, 3, 5), h.State.TradingDate);

        // 05:00 UTC on 6 March is midnight in New York (EST, UTC-5).
        h.Time.Set(new DateTimeOffset(2024, 3, 6, 5, 0, 0, TimeSpan.Zero));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Equal(0m, h.State.DailyRealizedPnl);
        Assert.Equal(new DateOnly(2024, 3, 6), h.State.TradingDate);
        var roll = h.EventsOf<TradingDayRolledOver>()[^1];
        Assert.Equal(new DateOnly(2024, 3, 5), roll.PreviousDate);
        Assert.Equal(new DateOnly(2024, 3, 6), roll.NewDate);
        Assert.Equal(-20m, h.State.Positions["AAPL"].RealizedPnl); // lifetime PnL is not a daily counter
    }

    [Fact]
    public async Task DayRollover_FollowsNewYorkSummerTime()
    {
        // 1 July 2024: New York is on EDT (UTC-4), so its midnight is 04:00 UTC.
        await using var h = await KernelHarness.StartAsync(start: new DateTimeOffset(2024, 7, 1, 14, 0, 0, TimeSpan.Zero));
        await RoundTripAsync(h, "a", 100m, 99m);

        h.Time.Set(new DateTimeOffset(2024, 7, 2, 3, 59, 0, TimeSpan.Zero));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Equal(-10m, h.State.DailyRealizedPnl);

        h.Time.Set(new DateTimeOffset(2024, 7, 2, 4, 0, 0, TimeSpan.Zero));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Equal(0m, h.State.DailyRealizedPnl);
    }

    [Fact]
    public async Task DayRollover_WhileDown_HappensAtRestart()
    {
        await using var h = await KernelHarness.StartAsync();
        await RoundTripAsync(h, "a", 100m, 95m);

        h.Time.Set(new DateTimeOffset(2024, 3, 6, 14, 0, 0, TimeSpan.Zero));
        await h.RestartAsync();

        Assert.Equal(0m, h.State.DailyRealizedPnl);
        Assert.Equal(new DateOnly(2024, 3, 6), h.State.TradingDate);
    }

    [Fact]
    public async Task Breaker_TripsOnConsecutiveLosses_BlocksNewExposure_AndResetsAfterCooldown()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Risk = new RiskLimits { MaxConsecutiveLosses = 2, BreakerCooldown = TimeSpan.FromMinutes(30) },
        });

        await RoundTripAsync(h, "a", 100m, 99m);
        Assert.Equal(1, h.State.ConsecutiveLosses);
        Assert.Empty(h.EventsOf<CircuitBreakerTripped>());

        await RoundTripAsync(h, "b", 100m, 99m);
        var tripped = Assert.Single(h.EventsOf<CircuitBreakerTripped>());
        var trippedAt = h.Time.GetUtcNow();
        Assert.Equal(trippedAt + TimeSpan.FromMinutes(30), tripped.Until);
        Assert.Equal(2, h.State.ConsecutiveLosses);

        // While open: a new position is refused at the order check.
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("c-open", "AAPL", SignalDirection.Long);
        await h.SettleAsync();
        Assert.Equal(DenyReason.CircuitBreakerOpen, Assert.Single(h.EventsOf<OrderDenied>()).Reason);
        var sentBefore = h.Venue.Submits.Count;

        // A tick before the cooldown ends changes nothing.
        h.Time.Advance(TimeSpan.FromMinutes(29));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<CircuitBreakerReset>());

        // A tick after it closes the breaker and clears the losing streak.
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Single(h.EventsOf<CircuitBreakerReset>());
        Assert.Null(h.State.BreakerOpenUntil);
        Assert.Equal(0, h.State.ConsecutiveLosses);

        await h.SignalAsync("d-open", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == sentBefore + 1, "an order after the reset");
    }

    [Fact]
    public async Task Breaker_AWinBreaksTheLosingStreak()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxConsecutiveLosses = 2 } });

        await RoundTripAsync(h, "a", 100m, 99m);
        await RoundTripAsync(h, "b", 100m, 101m);
        await RoundTripAsync(h, "c", 100m, 99m);

        Assert.Equal(1, h.State.ConsecutiveLosses);
        Assert.Empty(h.EventsOf<CircuitBreakerTripped>());
    }

    [Fact]
    public async Task Breaker_OpenState_SurvivesARestart()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxConsecutiveLosses = 1 } });
        await RoundTripAsync(h, "a", 100m, 99m);
        var until = Assert.Single(h.EventsOf<CircuitBreakerTripped>()).Until;

        await h.RestartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("b", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Equal(until, h.State.BreakerOpenUntil);
        Assert.Equal(DenyReason.CircuitBreakerOpen, Assert.Single(h.EventsOf<OrderDenied>()).Reason);
    }

    [Fact]
    public async Task DailyLossLimit_TripsTheBreaker_AndDeniesNewExposure()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxDailyLoss = 50m } });

        await RoundTripAsync(h, "a", 100m, 94m); // -60

        Assert.Single(h.EventsOf<CircuitBreakerTripped>());
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("b", "AAPL", SignalDirection.Long);
        await h.SettleAsync();
        Assert.Contains(Assert.Single(h.EventsOf<OrderDenied>()).Reason, new[] { DenyReason.CircuitBreakerOpen, DenyReason.DailyLossLimit });
    }
}
