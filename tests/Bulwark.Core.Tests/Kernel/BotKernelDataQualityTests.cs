using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.MarketData;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The data quality stops: a jump not yet confirmed, a bad bar the feed refused and a feed gone quiet while the market is
/// open each stop new exposure in their symbol until good data comes back; closing passes, and a restart keeps the stop.
/// </summary>
public sealed class BotKernelDataQualityTests
{
    private static Task<KernelHarness> StartAsync(DataQualityOptions quality, bool enforceHours = false) =>
        KernelHarness.StartAsync(o => o with { DataQuality = quality, TradingHours = new TradingHoursOptions { Enforce = enforceHours } });

    private static List<AlertRaised> Alerts(KernelHarness h) => [.. h.EventsOf<AlertRaised>().Where(a => a.Code == BotKernel.DataQualityStopCode)];

    private static async Task BarsAsync(KernelHarness h, string symbol, params decimal[] closes)
    {
        foreach (var close in closes)
        {
            h.Time.Advance(TimeSpan.FromMinutes(1));
            await h.BarAsync(symbol, close);
        }
        await h.SettleAsync();
    }

    private static async Task<SignalDenied?> EntryAsync(KernelHarness h, string id, string symbol, decimal target)
    {
        await h.SignalAsync(id, symbol, SignalDirection.Long, target: target);
        await h.SettleAsync();
        return h.EventsOf<SignalDenied>().SingleOrDefault(d => d.SignalId == id);
    }

    [Fact]
    public async Task AJump_StopsEntriesInItsSymbol_ButNotExits_UntilAFollowingBarConfirmsTheLevel()
    {
        await using var h = await StartAsync(new DataQualityOptions { MaxJumpPercent = 10m });
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await BarsAsync(h, "AAPL", 100m, 112m);

        var stop = Assert.Single(h.EventsOf<DataQualityStopped>());
        Assert.Equal(("AAPL", 112m), (stop.Symbol, stop.LastClose));
        Assert.Equal("the bar at 2024-03-05 15:02:00 UTC closed at 112, +12.00% from 100, more than dataQuality.maxJumpPercent 10%; a following bar within 10% of it confirms the level", stop.Reason);
        Assert.Equal(AlertSeverity.Warning, Assert.Single(Alerts(h)).Severity);
        var denied = await EntryAsync(h, "a2", "AAPL", 20m);
        Assert.Equal((DenyReason.DataQualityStop, $"AAPL data stop: {stop.Reason}"), (denied?.Reason, denied?.Detail));
        await h.BarAsync("MSFT", 50m);
        Assert.Null(await EntryAsync(h, "m1", "MSFT", 10m)); // the other symbol trades on

        await BarsAsync(h, "AAPL", 113m);
        Assert.Equal("a good bar at 2024-03-05 15:03:00 UTC", Assert.Single(h.EventsOf<DataQualityResumed>()).Reason);
        Assert.Empty(h.State.DataStops);
        await h.SignalAsync("a3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderInitialized>(i => i.SignalId == "a3");
    }

    [Fact]
    public async Task ASpikeAndItsReturn_AreTwoJumps_OneWarning_AndACalmBarLiftsTheStop()
    {
        await using var h = await StartAsync(new DataQualityOptions { MaxJumpPercent = 10m });
        await BarsAsync(h, "AAPL", 100m, 150m, 100m);
        Assert.Equal([150m, 100m], h.EventsOf<DataQualityStopped>().Select(s => s.LastClose));
        Assert.Single(Alerts(h));
        Assert.Equal(100m, h.State.DataStops["AAPL"].LastClose);

        await BarsAsync(h, "AAPL", 101m);
        Assert.Empty(h.State.DataStops);
    }

    [Fact]
    public async Task ABadBarAfterAJump_KeepsTheLevelToConfirm()
    {
        await using var h = await StartAsync(new DataQualityOptions { MaxJumpPercent = 10m });
        await BarsAsync(h, "AAPL", 100m, 120m);
        await h.SendAsync(new RejectedBar(new Bar("AAPL", h.Time.GetUtcNow(), 1m, 1m, 2m, 1m, 1m, TimeSpan.FromMinutes(1)), "high 1 is below low 2"));
        await h.SettleAsync();
        Assert.Equal(120m, h.State.DataStops["AAPL"].LastClose);

        await BarsAsync(h, "AAPL", 100m); // still a jump from 120
        Assert.True(h.State.DataStops.ContainsKey("AAPL"));
        Assert.Single(Alerts(h));
    }

    [Fact]
    public async Task TheOperatorsResumeOfTheSymbol_LiftsItsDataStop()
    {
        await using var h = await StartAsync(new DataQualityOptions { MaxJumpPercent = 10m });
        await BarsAsync(h, "AAPL", 100m, 125m); // earnings: a real gap
        await h.SendAsync(new SetSymbolReduceOnly("AAPL", false, "earnings gap, the data is right"));
        await h.SettleAsync();

        Assert.Empty(h.State.DataStops);
        Assert.Equal("the operator resumed it: earnings gap, the data is right", Assert.Single(h.EventsOf<DataQualityResumed>()).Reason);
        Assert.Empty(h.EventsOf<SymbolReduceOnlyChanged>()); // it was not reduce-only
        Assert.Null(await EntryAsync(h, "a1", "AAPL", 10m));
    }

    [Fact]
    public async Task ARestart_KeepsTheStop_AndMeasuresTheNextBarFromTheJump()
    {
        await using var h = await StartAsync(new DataQualityOptions { MaxJumpPercent = 10m });
        await BarsAsync(h, "AAPL", 100m, 120m);
        await h.RestartAsync();
        Assert.Equal(120m, h.State.DataStops["AAPL"].LastClose);

        await BarsAsync(h, "AAPL", 100m); // a jump back from 120: not the level the stop waits for
        Assert.True(h.State.DataStops.ContainsKey("AAPL"));
        await BarsAsync(h, "AAPL", 101m);
        Assert.Empty(h.State.DataStops);
    }

    [Fact]
    public async Task ABarTheFeedRefused_IsJournaled_AndStopsItsSymbolUntilItsNextBar_EvenWithNoCheckConfigured()
    {
        await using var h = await StartAsync(new DataQualityOptions());
        var bad = new Bar("AAPL", h.Time.GetUtcNow(), 100m, 99m, 101m, 100m, 10m, TimeSpan.FromMinutes(1));
        await h.SendAsync(new RejectedBar(bad, "high 99 is below low 101"));
        await h.SettleAsync();

        var rejected = Assert.Single(h.EventsOf<BarRejected>());
        Assert.Equal(("AAPL", bad.Time, "high 99 is below low 101"), (rejected.Symbol, rejected.BarTime, rejected.Problem));
        Assert.Equal("a bad bar at 2024-03-05 15:00:00 UTC was refused: high 99 is below low 101", h.State.DataStops["AAPL"].Reason);
        Assert.Equal(DenyReason.DataQualityStop, (await EntryAsync(h, "a1", "AAPL", 10m))?.Reason);

        await BarsAsync(h, "AAPL", 100m);
        Assert.Empty(h.State.DataStops);
        Assert.Null(await EntryAsync(h, "a2", "AAPL", 10m));
    }

    [Fact]
    public async Task AFeedGoneQuietWhileTheMarketIsOpen_StopsItsSymbol_AndItsNextBarLiftsIt()
    {
        await using var h = await StartAsync(new DataQualityOptions { StaleAfter = TimeSpan.FromSeconds(30) }, enforceHours: true);
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        h.Time.Advance(TimeSpan.FromSeconds(20));
        await h.BarAsync("AAPL", 100m);
        await h.SettleAsync();
        h.Time.Advance(TimeSpan.FromSeconds(11)); // 31 seconds since the first look; AAPL's bar was 11 ago
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();

        var stop = Assert.Single(h.EventsOf<DataQualityStopped>());
        Assert.Equal(("MSFT", "no bar since 2024-03-05 15:00:00 UTC while its market is open, longer than dataQuality.staleAfter 00:00:30"), (stop.Symbol, stop.Reason));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Single(h.EventsOf<DataQualityStopped>()); // once, not at every tick

        await h.BarAsync("MSFT", 50m);
        await h.SettleAsync();
        Assert.Empty(h.State.DataStops);
    }

    [Fact]
    public async Task NoBarsWhileTheMarketIsClosed_IsNotStale()
    {
        // Saturday 9 March 2024, noon in New York.
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            DataQuality = new DataQualityOptions { StaleAfter = TimeSpan.FromSeconds(30) },
            TradingHours = new TradingHoursOptions { Enforce = true },
        }, start: new DateTimeOffset(2024, 3, 9, 17, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 5; i++)
        {
            await h.SendAsync(new TimerTick());
            await h.SettleAsync();
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await h.SettleAsync();

        Assert.Empty(h.EventsOf<DataQualityStopped>());
    }
}
