using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Time stops: a position a source opened is closed once the source's time is up, counted from the opening fill (kept
/// across a restart), by a flat signal of that source whose order carries the time stop's tag.
/// </summary>
public sealed class BotKernelTimeStopTests
{
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    private static ScriptedStrategy Holder(TimeSpan? maxHold = null, ProtectiveStop? protection = null) =>
        new("test", "AAPL") { MaxHold = maxHold ?? TwoHours, Protection = protection };

    private static OrderInitialized? TimeStopOrder(KernelHarness h) =>
        h.EventsOf<OrderInitialized>().SingleOrDefault(o => o.Tag == BotKernel.TimeStopTag);

    [Fact]
    public async Task APosition_IsClosedAtTheFirstBarThatClosesItsSourcesTimeAfterTheOpeningFill()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [Holder()]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        var opened = h.State.Positions["AAPL"].OpenedAt;
        Assert.Equal(h.Time.GetUtcNow(), opened);

        h.Time.Advance(TwoHours - TimeSpan.FromMinutes(2)); // this bar closes a minute short of two hours
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Null(TimeStopOrder(h));

        h.Time.Advance(TimeSpan.FromMinutes(1)); // this one closes at two hours
        await h.BarAsync("AAPL", 102m);
        await h.SettleAsync();

        var exit = TimeStopOrder(h);
        Assert.NotNull(exit);
        Assert.Equal(("test", OrderSide.Sell, 10m), (exit.Source, exit.Side, exit.Quantity));
        Assert.StartsWith("time-stop:AAPL:", exit.SignalId, StringComparison.Ordinal);
        Assert.Contains(h.EventsOf<SignalReceived>(), s => s.Signal.SignalId == exit.SignalId && s.Signal.Direction == SignalDirection.Flat);
        h.Venue.PushFill(exit.ClientOrderId, 10m, 102m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == exit.ClientOrderId);
        Assert.True(h.State.Positions["AAPL"].IsFlat);
        Assert.Null(h.State.Positions["AAPL"].OpenedAt);

        h.Time.Advance(TwoHours);
        await h.BarAsync("AAPL", 103m);
        await h.SettleAsync();
        Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.TimeStopTag); // flat: nothing more
    }

    [Fact]
    public async Task AnExitStillWorking_IsNotSentTwice_AndASignalMeanwhileWaitsForIt()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [Holder()]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        h.Time.Advance(TwoHours);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.NotNull(TimeStopOrder(h));

        // A broker slower than the bars: the exit has not filled by the next two.
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.BarAsync("AAPL", 100m);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.BarAsync("AAPL", 99m);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Short);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "s2");

        Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.TimeStopTag);
        Assert.Equal(DenyReason.OrderPending, Assert.Single(h.EventsOf<SignalDenied>(), d => d.SignalId == "s2").Reason);
    }

    [Fact]
    public async Task TheClock_SurvivesARestart_AndASourceWithoutATimeStopHoldsOn()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [Holder()]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        var opened = h.State.Positions["AAPL"].OpenedAt;
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, source: "other");
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));
        h.Venue.PushFill(h.OrderOf("m1"), 10m, 50m);
        await h.UntilEventAsync<OrderFilled>(e => e.ClientOrderId == h.OrderOf("m1"));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.RestartAsync(strategies: [Holder()]);
        Assert.Equal(opened, h.State.Positions["AAPL"].OpenedAt);
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.BarAsync("AAPL", 101m);
        await h.BarAsync("MSFT", 51m);
        await h.SettleAsync();

        Assert.Equal("AAPL", TimeStopOrder(h)?.Symbol);
        Assert.Equal(10m, h.State.Positions["MSFT"].Quantity);
        Assert.DoesNotContain(h.EventsOf<OrderInitialized>(), o => o.Symbol == "MSFT" && o.Side == OrderSide.Sell);
    }

    [Fact]
    public async Task ADeniedExit_IsAskedAgainAtTheNextBar()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [Holder()]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SendAsync(new SetTradingState(TradingState.Halted, "desk review"));
        await h.UntilAsync(() => h.State.TradingState == TradingState.Halted, "the halt");

        h.Time.Advance(TwoHours);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        var denied = Assert.Single(h.EventsOf<SignalDenied>(), d => d.SignalId.StartsWith("time-stop:", StringComparison.Ordinal));
        Assert.Equal(DenyReason.TradingHalted, denied.Reason);
        Assert.Null(TimeStopOrder(h));

        await h.SendAsync(new SetTradingState(TradingState.Active, "resume"));
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.NotNull(TimeStopOrder(h));
    }

    [Fact]
    public async Task WithAProtectiveStopResting_TheStopIsCanceledBeforeTheTimeStopsExitGoesOut()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [Holder(protection: new ProtectiveStop(5m, null))]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stop = Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen());

        h.Time.Advance(TwoHours);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();

        var exit = TimeStopOrder(h);
        Assert.NotNull(exit);
        Assert.Equal(1, h.Venue.CancelsOf(stop.ClientOrderId));
        Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Market && o.Side == OrderSide.Sell);
        Assert.DoesNotContain(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen());
    }

    [Fact]
    public async Task InSessions_APositionIsClosedAtTheLastSessionsClose_CountingTheOpeningSessionAsTheFirst()
    {
        // Opened Tuesday 2024-03-05 at 10:00 New York; two sessions end at Wednesday's close, 16:00 EST (21:00 UTC).
        await using var h = await KernelHarness.StartAsync(strategies: [new ScriptedStrategy("test", "AAPL") { MaxHoldSessions = 2 }]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        var wednesdayClose = new DateTimeOffset(2024, 3, 6, 21, 0, 0, TimeSpan.Zero);

        h.Time.Advance(wednesdayClose - TimeSpan.FromMinutes(2) - h.Time.GetUtcNow()); // closes at 20:59
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Null(TimeStopOrder(h));

        h.Time.Advance(TimeSpan.FromMinutes(1)); // closes at 21:00
        await h.BarAsync("AAPL", 102m);
        await h.SettleAsync();
        Assert.Equal(("test", OrderSide.Sell, 10m), (TimeStopOrder(h)?.Source, TimeStopOrder(h)?.Side, TimeStopOrder(h)?.Quantity));
    }

    [Fact]
    public async Task InSessions_AWeekendCountsNothing_AndTheCloseMovesWithDaylightSaving()
    {
        // Opened Friday 2024-03-08 at 10:00 EST; two sessions end at Monday's close, 16:00 EDT after the switch: 20:00 UTC.
        var friday = new DateTimeOffset(2024, 3, 8, 15, 0, 0, TimeSpan.Zero);
        await using var h = await KernelHarness.StartAsync(start: friday, strategies: [new ScriptedStrategy("test", "AAPL") { MaxHoldSessions = 2 }]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        h.Time.Advance(TimeSpan.FromDays(2)); // a bar over the weekend: time passes, sessions do not
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Null(TimeStopOrder(h));

        var mondayClose = new DateTimeOffset(2024, 3, 11, 20, 0, 0, TimeSpan.Zero);
        h.Time.Advance(mondayClose - TimeSpan.FromMinutes(2) - h.Time.GetUtcNow()); // closes at 19:59 UTC
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Null(TimeStopOrder(h));

        h.Time.Advance(TimeSpan.FromMinutes(1)); // closes at 20:00 UTC, Monday's close
        await h.BarAsync("AAPL", 102m);
        await h.SettleAsync();
        Assert.NotNull(TimeStopOrder(h));
    }

    [Fact]
    public async Task InSessions_TheCountSurvivesARestart()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [new ScriptedStrategy("test", "AAPL") { MaxHoldSessions = 1 }]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.RestartAsync(strategies: [new ScriptedStrategy("test", "AAPL") { MaxHoldSessions = 1 }]);

        var tuesdayClose = new DateTimeOffset(2024, 3, 5, 21, 0, 0, TimeSpan.Zero);
        h.Time.Advance(tuesdayClose - TimeSpan.FromMinutes(1) - h.Time.GetUtcNow()); // this bar closes at Tuesday's close
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.NotNull(TimeStopOrder(h));
    }

    [Theory]
    [InlineData("2024-03-05T14:00:00Z", 1, "2024-03-05T21:00:00Z")] // before the open: that day's session is the first
    [InlineData("2024-03-05T21:00:00Z", 1, "2024-03-06T21:00:00Z")] // at the close: the next session's
    [InlineData("2024-03-05T23:00:00Z", 3, "2024-03-08T21:00:00Z")] // after the close: Wednesday, Thursday, Friday
    [InlineData("2024-03-28T15:00:00Z", 2, "2024-04-01T20:00:00Z")] // Good Friday is no session
    [InlineData("2024-07-02T15:00:00Z", 2, "2024-07-03T17:00:00Z")] // an early close is the session's close
    public void SessionsClose_CountsTheExchangesSessions(string opened, int sessions, string expected)
    {
        var calendar = Core.Calendar.ExchangeCalendars.Get(Core.Calendar.ExchangeCalendars.Nyse);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BotKernel.SessionsClose(calendar, DateTimeOffset.Parse(opened, System.Globalization.CultureInfo.InvariantCulture), sessions));
    }

    [Fact]
    public async Task ATimeStopInDaysAndOneInSessions_AreRefusedTogether()
    {
        var both = new ScriptedStrategy("test", "AAPL") { MaxHold = TwoHours, MaxHoldSessions = 1 };
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await KernelHarness.StartAsync(strategies: [both]));
        Assert.Contains("a time stop in days and one in sessions", error.Message, StringComparison.Ordinal);
    }
}
