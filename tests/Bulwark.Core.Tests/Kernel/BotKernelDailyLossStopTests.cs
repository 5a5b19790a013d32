using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.HeldAccount;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The daily loss stop: a fall of the limit from the account's value when the trading day began (open losses included)
/// stops new exposure for the rest of that day, which a restart within the day keeps and the next day lifts.
/// </summary>
public sealed class BotKernelDailyLossStopTests
{
    /// <summary>Midnight in New York (EST) that begins 6 March 2024, the harness's first day being the 5th.</summary>
    private static readonly DateTimeOffset NextDay = new(2024, 3, 6, 5, 0, 0, TimeSpan.Zero);

    /// <summary>200 AAPL bought at 100 from 100,000 in cash on the day's first bar: each point AAPL falls is 0.2% of the day's opening value.</summary>
    private static Task<KernelHarness> HoldingAsync(decimal? limit) => HeldAccount.HoldingAsync(r => r with { MaxDailyLossPercent = limit });

    private static int Trips(KernelHarness h) => h.EventsOf<AlertRaised>().Count(a => a.Code == BotKernel.DailyLossStopCode);

    [Fact]
    public async Task AFallOfTheLimitFromTheDaysOpeningValue_StopsNewExposure_AndAPositionMayStillBeClosed()
    {
        await using var h = await HoldingAsync(limit: 2m);
        Assert.Equal(100_000m, h.State.DayOpeningValue);
        await BarAsync(h, 90.05m); // 98,010: 1.99% down on the day
        Assert.Equal(0, Trips(h));

        await BarAsync(h, 90m); // 98,000: 2% down, at the limit

        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == BotKernel.DailyLossStopCode);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("the account's value 98000.00 is 2.00% below its value 100000.00 when 2024-03-05 began, at or beyond the daily loss stop of 2%: only orders that reduce a position are sent for the rest of the day",
            alert.Message);
        var tripped = Assert.Single(h.EventsOf<DailyLossStopTripped>());
        Assert.Equal((new DateOnly(2024, 3, 5), 100_000m, 98_000m), (tripped.TradingDate, tripped.OpeningValue, tripped.Value));
        Assert.Equal(TradingState.Active, h.State.TradingState); // the operator's switch is the operator's

        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));

        var denied = Assert.Single(h.EventsOf<OrderDenied>(), d => d.ClientOrderId == h.OrderOf("m1"));
        Assert.Equal(DenyReason.DailyLossStop, denied.Reason);
        Assert.Equal("daily loss stop: the account lost 2.00% of its value 100000.00 on 2024-03-05, limit 2%; no new exposure before the next trading day", denied.Detail);
        Assert.Equal(200m, h.Venue.Order(h.OrderOf("a2"))!.Quantity);
        await BarAsync(h, 80m); // further down the same day: the stop trips once a day
        Assert.Equal(1, Trips(h));
    }

    [Fact]
    public async Task TheNextTradingDay_TradesAgain_AndMeasuresFromItsOwnOpeningValue()
    {
        await using var h = await HoldingAsync(limit: 2m);
        await BarAsync(h, 90m); // 98,000: tripped on the 5th

        h.Time.Set(NextDay);
        await BarAsync(h, 90m);
        Assert.Equal(new DateOnly(2024, 3, 6), h.State.TradingDate);
        Assert.Equal(98_000m, Assert.Single(h.EventsOf<TradingDayRolledOver>(), r => r.NewDate == h.State.TradingDate).OpeningValue);
        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));
        Assert.Empty(h.EventsOf<OrderDenied>());

        await BarAsync(h, 80.3m); // 96,060: 1.98% below the 6th's 98,000, though 3.9% below the 5th's
        Assert.Equal(1, Trips(h));
        await BarAsync(h, 80.2m); // 96,040: 2% below it
        Assert.Equal(2, Trips(h));
    }

    [Fact]
    public async Task ARestartWithinTheDay_KeepsItsOpeningValue_AndAStopTrippedBeforeIt()
    {
        await using var h = await HoldingAsync(limit: 2m);
        await BarAsync(h, 95m); // 99,000: 1% down on the day
        await h.RestartAsync();
        Assert.Equal(100_000m, h.State.DayOpeningValue); // not the value at the restart
        await BarAsync(h, 90m); // 98,000: 2% below the day's opening, 1% below the value at the restart
        Assert.Equal(1, Trips(h));

        await h.RestartAsync();
        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("m1"));
        Assert.Equal(DenyReason.DailyLossStop, Assert.Single(h.EventsOf<OrderDenied>()).Reason);
    }

    [Fact]
    public async Task TheStop_LeavesTheOperatorsReduceOnlyAsItWas_AndTheNextDayDoesNotLiftIt()
    {
        await using var h = await HoldingAsync(limit: 2m);
        await h.Kernel.SendAsync(new SetTradingState(TradingState.Reducing, "operator"));
        await BarAsync(h, 85m);
        Assert.Equal(1, Trips(h));

        h.Time.Set(NextDay);
        await BarAsync(h, 85m);
        Assert.Equal((TradingState.Reducing, "operator"), (h.State.TradingState, h.State.TradingStateReason));
    }

    [Fact]
    public async Task WithoutTheStop_AnyFallOfTheDayLeavesEntriesOpen()
    {
        await using var h = await HoldingAsync(limit: null);
        await BarAsync(h, 10m);
        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));

        Assert.Equal(0, Trips(h));
        Assert.Empty(h.EventsOf<DailyLossStopTripped>());
    }
}
