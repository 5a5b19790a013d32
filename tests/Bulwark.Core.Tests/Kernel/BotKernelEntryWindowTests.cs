using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The no-entry windows after a session's open and before its close: entries and adds wait, exits pass.</summary>
public sealed class BotKernelEntryWindowTests
{
    /// <summary>New York wall time in 2024 (EST, UTC-5, unless given).</summary>
    private static DateTimeOffset NewYork(int month, int day, int hour, int minute, int offsetHours = -5) =>
        new DateTimeOffset(2024, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours)).ToUniversalTime();

    private static Task<KernelHarness> StartAsync(DateTimeOffset at, int afterOpen, int beforeClose, params string[] swing) =>
        KernelHarness.StartAsync(o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity),
                ["BTC"] = new("BTC", AssetClass.Crypto, lotSize: 0.001m),
            },
            TradingHours = new TradingHoursOptions
            {
                Enforce = true,
                NoEntriesAfterOpen = TimeSpan.FromMinutes(afterOpen),
                NoEntriesBeforeClose = TimeSpan.FromMinutes(beforeClose),
                SwingSources = new HashSet<string>(swing, StringComparer.Ordinal),
            },
        }, at);

    [Fact]
    public async Task AnEntryJustAfterTheOpen_IsDenied_AndOneAtTheWindowsEnd_GoesOut()
    {
        await using var h = await StartAsync(NewYork(3, 5, 9, 44), afterOpen: 15, beforeClose: 0);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("early", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.NoEntryWindow, denied.Reason);
        Assert.Equal("no new entries before 09:45 America/New_York (14:45 UTC), 15 minutes after XNYS's open (tradingHours.noEntriesAfterOpen)",
            denied.Detail);
        Assert.Empty(h.Venue.Submits);

        h.Time.Set(NewYork(3, 5, 9, 45));
        await h.SignalAsync("on-time", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the entry at 09:45");
    }

    [Fact]
    public async Task TheOpeningWindow_HoldsForSwingSourcesToo_ButNotForExits()
    {
        await using var h = await StartAsync(NewYork(3, 4, 15, 0), afterOpen: 30, beforeClose: 0, swing: "swing");
        await h.OpenAsync("held", "AAPL", SignalDirection.Long, 100m);

        h.Time.Set(NewYork(3, 5, 9, 40));
        await h.BarAsync("AAPL", 98m);
        await h.BarAsync("BTC", 60_000m);
        await h.SignalAsync("swing-entry", "BTC", SignalDirection.Long, target: 0.01m, source: "swing");
        await h.SignalAsync("swing-add", "AAPL", SignalDirection.Long, target: 20m, source: "swing");
        await h.SignalAsync("exit", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Any(o => o.SignalId == "exit"), "the exit");
        await h.SettleAsync();

        // The add waits; crypto trades through the night, so its market has no open to wait after; the exit goes out.
        Assert.Contains(h.EventsOf<SignalDenied>(), d => d.SignalId == "swing-add" && d.Reason == DenyReason.NoEntryWindow);
        Assert.Contains(h.EventsOf<OrderInitialized>(), o => o.SignalId == "swing-entry");
        var exit = h.EventsOf<OrderInitialized>().Single(o => o.SignalId == "exit");
        Assert.Equal((OrderSide.Sell, 10m), (exit.Side, exit.Quantity));
    }

    [Fact]
    public async Task TheClosingWindow_DeniesIntradayEntries_NotSwingOnes_AndFollowsAnEarlyClose()
    {
        // Friday 29 November 2024, the day after Thanksgiving: the NYSE closes at 13:00, so 30 minutes before is 12:30.
        await using var h = await StartAsync(NewYork(11, 29, 12, 29), afterOpen: 0, beforeClose: 30, swing: "swing");
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("before", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the entry at 12:29");
        h.Venue.PushFill(h.OrderOf("before"), 10m, 100m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 10m, "its fill");

        h.Time.Set(NewYork(11, 29, 12, 30));
        await h.BarAsync("AAPL", 101m);
        await h.SignalAsync("intraday-add", "AAPL", SignalDirection.Long, target: 20m);
        await h.SignalAsync("swing-add", "AAPL", SignalDirection.Long, target: 20m, source: "swing");
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the swing add");
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(("intraday-add", DenyReason.NoEntryWindow), (denied.SignalId, denied.Reason));
        Assert.Equal("no new intraday entries from 12:30 America/New_York (17:30 UTC), 30 minutes before XNYS's close at 13:00 America/New_York (18:00 UTC) (tradingHours.noEntriesBeforeClose)",
            denied.Detail);
        Assert.Contains(h.EventsOf<OrderInitialized>(), o => o.SignalId == "swing-add");
    }

    [Fact]
    public async Task WithoutWindows_TheSameInstantsTrade()
    {
        await using var h = await StartAsync(NewYork(3, 5, 9, 30), afterOpen: 0, beforeClose: 0);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("open", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the entry at the open");
    }
}
