using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>Exchange hours in the pipeline: closed markets, extended hours, the end-of-day flatten and its exemptions.</summary>
public sealed class BotKernelTradingHoursTests
{
    /// <summary>Tuesday 5 March 2024 (EST, UTC-5).</summary>
    private static DateTimeOffset NewYork(int month, int day, int hour, int minute, int offsetHours = -5) =>
        new DateTimeOffset(2024, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours)).ToUniversalTime();

    private static Task<KernelHarness> StartAsync(DateTimeOffset at, bool extended = false, params string[] swing) =>
        StartAsync(at, extended, weekend: false, swing);

    private static Task<KernelHarness> StartAsync(DateTimeOffset at, bool extended, bool weekend, params string[] swing) =>
        KernelHarness.StartAsync(o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity),
                ["MSFT"] = new("MSFT", AssetClass.Equity),
                ["BTC"] = new("BTC", AssetClass.Crypto, lotSize: 0.001m),
            },
            TradingHours = new TradingHoursOptions
            {
                Enforce = true,
                Extended = extended,
                FlattenBeforeWeekend = weekend,
                SwingSources = new HashSet<string>(swing, StringComparer.Ordinal),
            },
        }, at);

    [Theory]
    [InlineData(3, 5, 21, 0, "AfterClose")]     // Tuesday evening
    [InlineData(3, 5, 9, 29, "BeforeOpen")]     // one minute before the open
    [InlineData(3, 9, 12, 0, "Weekend")]        // Saturday
    public async Task Signal_WhenMarketClosed_IsDeniedMarketClosed_WithTheReason(int month, int day, int hour, int minute, string reason)
    {
        await using var h = await StartAsync(NewYork(month, day, hour, minute));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.MarketClosed, denied.Reason);
        Assert.Contains(reason, denied.Detail);
        Assert.Empty(h.EventsOf<SignalReceived>());
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_AfterA1300EarlyClose_IsDeniedAsEarlyClose()
    {
        // Christmas Eve 2024: the NYSE closes at 13:00; 13:30 is closed, 12:30 was open.
        await using var h = await StartAsync(NewYork(12, 24, 12, 30));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("open", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the submit before the early close");

        h.Time.Set(NewYork(12, 24, 13, 30));
        await h.SignalAsync("late", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>(), d => d.SignalId == "late");
        Assert.Equal(DenyReason.MarketClosed, denied.Reason);
        Assert.Contains("EarlyClose", denied.Detail);
    }

    [Fact]
    public async Task Signal_OnAHoliday_NamesTheHoliday()
    {
        await using var h = await StartAsync(NewYork(7, 4, 11, 0, offsetHours: -4));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.MarketClosed, denied.Reason);
        Assert.Contains("Independence", denied.Detail);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Signal_InThePostMarket_TradesOnlyWithExtendedHours(bool extended, bool sent)
    {
        await using var h = await StartAsync(NewYork(3, 5, 17, 0), extended);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SettleAsync();
        Assert.Equal(sent ? 1 : 0, h.Venue.Submits.Count);
    }

    [Fact]
    public async Task CryptoSignal_OnASundayNight_IsNotGated()
    {
        await using var h = await StartAsync(NewYork(3, 10, 23, 0, offsetHours: -4));
        await h.BarAsync("BTC", 60_000m);
        await h.SignalAsync("s1", "BTC", SignalDirection.Long, target: 0.01m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the crypto submit");
    }

    [Fact]
    public async Task FiveMinutesBeforeTheClose_FlattensIntradayPositions_AndRefusesNewEntries()
    {
        await using var h = await StartAsync(NewYork(3, 5, 15, 0));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));

        h.Time.Set(NewYork(3, 5, 15, 54));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<EndOfDayFlattenStarted>());

        h.Time.Set(NewYork(3, 5, 15, 55));
        await h.SendAsync(new TimerTick());
        await h.UntilEventAsync<EndOfDayFlattenStarted>();
        var flatten = await FlattenOrderAsync(h);
        Assert.Equal(OrderSide.Sell, flatten.Side);
        Assert.Equal(10m, flatten.Quantity);

        h.Venue.PushFill(flatten.ClientOrderId, 10m, 100.5m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 0m, "the flatten fill");

        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.SettleAsync();
        Assert.Contains(h.EventsOf<SignalDenied>(), d => d.SignalId == "s2" && d.Reason == DenyReason.EndOfDayWindow);
    }

    [Fact]
    public async Task OnAThirteenHundredClose_TheFlattenStartsAt1255()
    {
        // Friday 29 November 2024, the day after Thanksgiving: the NYSE closes at 13:00.
        await using var h = await StartAsync(NewYork(11, 29, 11, 0));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        h.Time.Set(NewYork(11, 29, 12, 54));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<EndOfDayFlattenStarted>());

        h.Time.Set(NewYork(11, 29, 12, 55));
        await h.SendAsync(new TimerTick());
        var started = await FlattenStartedAsync(h);
        Assert.Equal(new DateOnly(2024, 11, 29), started.Session);
        Assert.Equal(NewYork(11, 29, 13, 0), started.Close);
    }

    [Fact]
    public async Task SwingSource_IsExemptFromTheFlattenAndItsWindow()
    {
        await using var h = await StartAsync(NewYork(3, 5, 15, 0), swing: "swing");
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, source: "swing");
        await h.UntilEventAsync<OrderAccepted>();
        h.Venue.PushFill(h.OrderOf("s1"), 10m, 100m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 10m, "the swing fill");

        h.Time.Set(NewYork(3, 5, 15, 56));
        await h.SendAsync(new TimerTick());
        await h.UntilEventAsync<EndOfDayFlattenStarted>();
        await h.SettleAsync();

        Assert.DoesNotContain(h.EventsOf<OrderInitialized>(), o => o.Source == BotKernel.FlattenSource);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
    }

    [Theory]
    [InlineData(3, 8, 15, 56, -5, true)]    // Friday 8 March 2024: the weekend follows
    [InlineData(7, 3, 12, 56, -4, true)]    // Wednesday 3 July 2024, a 13:00 close before Independence Day
    [InlineData(3, 7, 15, 56, -5, false)]   // Thursday 7 March: Friday's session follows the night
    public async Task BeforeAWeekendOrAHoliday_FlattenBeforeWeekend_ClosesSwingPositionsToo_AndRefusesTheirEntries(
        int month, int day, int hour, int minute, int offset, bool flattened)
    {
        await using var h = await StartAsync(NewYork(month, day, 11, 0, offset), extended: false, weekend: true, "swing");
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, source: "swing");
        await h.UntilEventAsync<OrderAccepted>();
        h.Venue.PushFill(h.OrderOf("s1"), 10m, 100m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 10m, "the swing fill");

        h.Time.Set(NewYork(month, day, hour, minute, offset));
        await h.SendAsync(new TimerTick());
        await h.UntilEventAsync<EndOfDayFlattenStarted>();
        await h.BarAsync("MSFT", 300m);
        await h.SignalAsync("s2", "MSFT", SignalDirection.Long, target: 5m, source: "swing");
        await h.SettleAsync();

        Assert.Equal(flattened, h.EventsOf<OrderInitialized>().Any(o => o.Source == BotKernel.FlattenSource && o.Symbol == "AAPL"));
        Assert.Equal(flattened, h.EventsOf<SignalDenied>().Any(d => d.SignalId == "s2" && d.Reason == DenyReason.EndOfDayWindow));
    }

    [Fact]
    public async Task Flatten_RunsOncePerSession_EvenAcrossARestart()
    {
        await using var h = await StartAsync(NewYork(3, 5, 15, 0));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        h.Time.Set(NewYork(3, 5, 15, 56));
        await h.SendAsync(new TimerTick());
        await h.UntilEventAsync<EndOfDayFlattenStarted>();

        await h.RestartAsync();
        h.Time.Set(NewYork(3, 5, 15, 57));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();

        Assert.Single(h.EventsOf<EndOfDayFlattenStarted>());
    }

    [Fact]
    public async Task TwentyFourSevenMarket_IsNeverFlattened()
    {
        await using var h = await StartAsync(NewYork(3, 5, 18, 0));
        await h.BarAsync("BTC", 60_000m);
        await h.SignalAsync("s1", "BTC", SignalDirection.Long, target: 0.01m);
        await h.UntilEventAsync<OrderAccepted>();
        h.Venue.PushFill(h.OrderOf("s1"), 0.01m, 60_000m);
        await h.UntilAsync(() => h.State.PositionQuantity("BTC") == 0.01m, "the BTC fill");

        h.Time.Set(new DateTimeOffset(2024, 3, 5, 23, 57, 0, TimeSpan.Zero));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();

        Assert.Empty(h.EventsOf<EndOfDayFlattenStarted>());
    }

    private static async Task<EndOfDayFlattenStarted> FlattenStartedAsync(KernelHarness h)
    {
        await h.UntilEventAsync<EndOfDayFlattenStarted>();
        return h.EventsOf<EndOfDayFlattenStarted>().Single();
    }

    private static async Task<OrderInitialized> FlattenOrderAsync(KernelHarness h)
    {
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Any(o => o.Source == BotKernel.FlattenSource), "the flatten order");
        var order = h.EventsOf<OrderInitialized>().Single(o => o.Source == BotKernel.FlattenSource);
        await h.UntilAsync(() => h.Venue.Order(order.ClientOrderId) is not null, "the flatten order at the venue");
        return order;
    }
}
