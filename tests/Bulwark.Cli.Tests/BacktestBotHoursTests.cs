using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest --bot` with the bot's trading hours: the end-of-day flatten on intraday bars, swing sources, daily bars.</summary>
public sealed class BacktestBotHoursTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>A bot with the default trading hours (enforced, flatten 5 minutes before the close) on MIN.</summary>
    private static string Config(bool swing, string hours = "") => $$"""
        bots:
          - id: day
            venue: { initialCash: 10000, slippageBps: 0 }
            feed: { type: synthetic, symbols: [ { symbol: MIN, startPrice: 100 } ] }
            instruments: [ { symbol: MIN } ]
            strategies:
              - { name: sma-cross, source: fast, symbols: [MIN], params: { period: 5 }, swing: {{(swing ? "true" : "false")}} }
            sizing: { mode: fixedQuantity, quantity: 1 }
            {{hours}}
        """;

    /// <summary>
    /// One-minute bars of MIN from 08:00 to 16:30 New York (13:00-21:30 UTC in January) on three sessions, the price a
    /// slow wave so the strategy crosses several times a day: 90 pre-market and 30 after-hours bars a day to skip.
    /// </summary>
    private static string MinuteBars(params int[] days)
    {
        var csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        var (i, open) = (0, 100m);
        foreach (var day in days.Length > 0 ? days : [2, 3, 4])
        {
            for (var t = new DateTime(2024, 1, day, 13, 0, 0, DateTimeKind.Utc); t.Hour < 21 || t.Minute < 30; t = t.AddMinutes(1), i++)
            {
                var close = Math.Round(100m + (3m * (decimal)Math.Sin(i / 35.0)), 2);
                csv.Append(CultureInfo.InvariantCulture, $"{t:yyyy-MM-ddTHH:mm:ssZ},{open},{Math.Max(open, close) + 0.05m},{Math.Min(open, close) - 0.05m},{close},1000\n");
                open = close;
            }
        }
        return csv.ToString();
    }

    [Fact]
    public async Task IntradayBars_AreFlattenedBeforeEachClose_AndNoCalendarTurnsTheHoursOff()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", Config(swing: false));
        dir.File("MIN.csv", MinuteBars());

        var hours = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", config, "--data", "MIN.csv", "--json");
        var noCalendar = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", config, "--data", "MIN.csv",
            "--no-calendar", "--json");

        Assert.True(hours.ExitCode == 0, hours.All);
        var root = JsonDocument.Parse(hours.StdOut).RootElement;
        var th = root.GetProperty("tradingHours");
        Assert.Equal((true, true, true), (th.GetProperty("skipBarsOutsideSessions").GetBoolean(), th.GetProperty("enforce").GetBoolean(),
            th.GetProperty("flattenAtClose").GetBoolean()));
        Assert.Equal((1170, 360), (root.GetProperty("metrics").GetProperty("barsProcessed").GetInt32(),
            root.GetProperty("metrics").GetProperty("barsSkipped").GetInt32()));
        // The flatten sells at 15:55 New York and fills on the next minute's open; nothing is held over a night.
        var flattens = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("source").GetString() == "eod-flatten").ToList();
        Assert.NotEmpty(flattens);
        Assert.All(flattens, o =>
        {
            Assert.Equal("sell", o.GetProperty("side").GetString());
            Assert.EndsWith("T20:55:00+00:00", o.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("T20:56:00+00:00", o.GetProperty("filledAt").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, root.GetProperty("metrics").GetProperty("openTrades").GetInt32());
        Assert.All(root.GetProperty("trades").EnumerateArray(), t =>
            Assert.Equal(t.GetProperty("entryTime").GetString()![..10], t.GetProperty("exitTime").GetString()![..10]));

        Assert.True(noCalendar.ExitCode == 0, noCalendar.All);
        var off = JsonDocument.Parse(noCalendar.StdOut).RootElement;
        Assert.False(off.GetProperty("tradingHours").GetProperty("enforce").GetBoolean());
        Assert.Equal(0, off.GetProperty("metrics").GetProperty("barsSkipped").GetInt32());
        Assert.DoesNotContain(off.GetProperty("orders").EnumerateArray(), o => o.GetProperty("source").GetString() == "eod-flatten");
    }

    [Fact]
    public async Task NoEntryWindows_KeepEntriesOutOfTheFirstHalfHourAndTheLastHour_WhileExitsGoOn()
    {
        using var dir = new TempDir();
        var windows = dir.File("windows.yaml", Config(swing: false, "tradingHours: { noEntriesAfterOpen: 30m, noEntriesBeforeClose: 1h }"));
        var plain = dir.File("plain.yaml", Config(swing: false));
        dir.File("MIN.csv", MinuteBars());

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", windows, "--data", "MIN.csv", "--json");
        var without = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", plain, "--data", "MIN.csv", "--json");
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", windows, "--data", "MIN.csv");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(without.ExitCode == 0, without.All);
        var (root, off) = (JsonDocument.Parse(run.StdOut).RootElement, JsonDocument.Parse(without.StdOut).RootElement);
        var th = root.GetProperty("tradingHours");
        Assert.Equal((30.0, 60.0), (th.GetProperty("noEntriesAfterOpenMinutes").GetDouble(), th.GetProperty("noEntriesBeforeCloseMinutes").GetDouble()));
        // New York wall time of each of the strategy's orders (January: UTC-5), as minutes after midnight.
        static List<(string Side, int Minute)> Orders(JsonElement r) => [.. r.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("source").GetString() == "fast")
            .Select(o => (o.GetProperty("side").GetString()!, (int)DateTimeOffset.Parse(o.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture)
                .ToOffset(TimeSpan.FromHours(-5)).TimeOfDay.TotalMinutes))];
        static bool InAWindow(int minute) => minute is >= 570 and < 600 or >= 900 and < 960;

        // Without the windows the strategy buys in them; with them it never does, and it is told why.
        Assert.Contains(Orders(off), o => o.Side == "buy" && InAWindow(o.Minute));
        var orders = Orders(root);
        Assert.Contains(orders, o => o.Side == "buy");
        Assert.DoesNotContain(orders, o => o.Side == "buy" && InAWindow(o.Minute));
        Assert.True(root.GetProperty("sources").EnumerateArray().Single(x => x.GetProperty("source").GetString() == "fast").GetProperty("deniedByReason").GetProperty("NoEntryWindow").GetInt32() > 0);
        // Exits are not held back: the strategy's sells still go out in the last hour.
        Assert.Contains(orders, o => o.Side == "sell" && o.Minute is >= 900 and < 955);
        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains("no entries for 30m after the open, no intraday entries for 1h 0m before the close", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWindowsOnAResearchRun_KeepItsEntriesOutOfThem_WithoutAFlatten_AndBadUseIsRefused()
    {
        using var dir = new TempDir();
        dir.File("MIN.csv", MinuteBars());
        string[] run = ["backtest", "--strategy", "sma-cross", "--param", "period=5", "--data", "MIN.csv", "--size", "1", "--json"];

        var windows = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--no-entries-after-open", "30m", "--no-entries-before-close", "1h"]);
        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, run);
        var noCalendar = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--no-entries-after-open", "30m", "--no-calendar"]);
        var unitless = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--no-entries-before-close", "15"]);

        Assert.True(windows.ExitCode == 0 && plain.ExitCode == 0, windows.All + plain.All);
        static List<(string Side, int Minute)> Buys(string json) => [.. JsonDocument.Parse(json).RootElement.GetProperty("orders").EnumerateArray()
            .Select(o => (o.GetProperty("side").GetString()!, (int)DateTimeOffset.Parse(o.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture)
                .ToOffset(TimeSpan.FromHours(-5)).TimeOfDay.TotalMinutes)).Where(o => o.Item1 == "buy")];
        static bool InAWindow(int minute) => minute is >= 570 and < 600 or >= 900 and < 960;
        Assert.Contains(Buys(plain.StdOut), b => InAWindow(b.Minute));
        Assert.Contains(Buys(windows.StdOut), b => !InAWindow(b.Minute));
        Assert.DoesNotContain(Buys(windows.StdOut), b => InAWindow(b.Minute));
        var root = JsonDocument.Parse(windows.StdOut).RootElement;
        var th = root.GetProperty("tradingHours");
        Assert.Equal((true, false, 30.0, 60.0), (th.GetProperty("enforce").GetBoolean(), th.GetProperty("flattenAtClose").GetBoolean(),
            th.GetProperty("noEntriesAfterOpenMinutes").GetDouble(), th.GetProperty("noEntriesBeforeCloseMinutes").GetDouble()));
        // A research run's hours were not enforced before: no flatten is added, so positions may be held over a night.
        Assert.DoesNotContain(root.GetProperty("orders").EnumerateArray(), o => o.GetProperty("source").GetString() == "eod-flatten");

        Assert.Equal((2, "bulwark: --no-entries-after-open needs the exchange's sessions: leave out --no-calendar\n"), (noCalendar.ExitCode, noCalendar.StdErr));
        Assert.Equal((2, "bulwark: --no-entries-before-close: '15' is not a duration from 0 to under 12h (e.g. 15m, 1h)\n"), (unitless.ExitCode, unitless.StdErr));
    }

    [Fact]
    public async Task TheWindowsOnDailyBars_AreRefused()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", data, "--no-entries-after-open", "15m");

        Assert.Equal((2, "bulwark: --no-entries-after-open needs intraday bars: a daily bar has no time of day to keep entries out of\n"), (run.ExitCode, run.StdErr));
    }

    [Fact]
    public async Task FlattenBeforeWeekend_ClosesTheSwingSourcesPositionOnFridayOnly()
    {
        using var dir = new TempDir();
        var weekend = dir.File("weekend.yaml", Config(swing: true, "tradingHours: { flattenBeforeWeekend: true }"));
        var swing = dir.File("swing.yaml", Config(swing: true));
        // Wednesday 3 to Friday 5 and Monday 8 January 2024.
        dir.File("MIN.csv", MinuteBars(3, 4, 5, 8));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", weekend, "--data", "MIN.csv", "--json");
        var over = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", swing, "--data", "MIN.csv", "--json");

        Assert.True(run.ExitCode == 0 && over.ExitCode == 0, run.All + over.All);
        static List<(string Entry, string Exit)> Trades(JsonElement root) => [.. root.GetProperty("trades").EnumerateArray()
            .Where(t => !t.GetProperty("isOpen").GetBoolean()).Select(t => (t.GetProperty("entryTime").GetString()![..10], t.GetProperty("exitTime").GetString()![..10]))];
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var flatten = Assert.Single(root.GetProperty("orders").EnumerateArray(), o => o.GetProperty("source").GetString() == "eod-flatten");
        Assert.Equal("2024-01-05T20:55:00+00:00", flatten.GetProperty("createdAt").GetString());
        // Held over Wednesday night (a swing source), not over the weekend; without the option, over the weekend too.
        Assert.Contains(("2024-01-03", "2024-01-04"), Trades(root));
        Assert.DoesNotContain(Trades(root), t => t.Entry == "2024-01-05" && t.Exit == "2024-01-08");
        Assert.Contains(("2024-01-05", "2024-01-08"), Trades(JsonDocument.Parse(over.StdOut).RootElement));
    }

    [Fact]
    public async Task ASwingSource_IsNotFlattened_AndHoldsOvernight()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", Config(swing: true));
        dir.File("MIN.csv", MinuteBars());

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "day", "--config", config, "--data", "MIN.csv", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(["fast"], root.GetProperty("tradingHours").GetProperty("swingSources").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain(root.GetProperty("orders").EnumerateArray(), o => o.GetProperty("source").GetString() == "eod-flatten");
        Assert.Contains(root.GetProperty("trades").EnumerateArray(), t =>
            t.GetProperty("isOpen").GetBoolean() || t.GetProperty("entryTime").GetString()![..10] != t.GetProperty("exitTime").GetString()![..10]);
    }

    [Fact]
    public async Task DailyBars_SkipDaysWithoutASession_ButAreNotCheckedAgainstTheHoursOfTheDay()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: daily
                venue: { initialCash: 10000, slippageBps: 0 }
                feed: { type: synthetic, symbols: [ { symbol: "2006-day-001", startPrice: 100 } ] }
                instruments: [ { symbol: "2006-day-001" } ]
                strategies: [ { name: sma-cross, symbols: ["2006-day-001"], params: { period: 15 } } ]
                sizing: { mode: fixedQuantity, quantity: 1 }
            """);

        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "daily", "--config", config, "--data", data, "--json");
        var strategy = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--cash", "10000", "--json");

        Assert.True(bot.ExitCode == 0, bot.All);
        Assert.True(strategy.ExitCode == 0, strategy.All);
        var (b, s) = (JsonDocument.Parse(bot.StdOut).RootElement, JsonDocument.Parse(strategy.StdOut).RootElement);
        // A daily bar is stamped midnight UTC, when New York is closed: enforced in the kernel, every signal would be
        // denied. The bot's hours keep session days only, exactly like a --strategy run with its calendar.
        var th = b.GetProperty("tradingHours");
        Assert.Equal((true, false), (th.GetProperty("skipBarsOutsideSessions").GetBoolean(), th.GetProperty("enforce").GetBoolean()));
        Assert.Equal(7, b.GetProperty("metrics").GetProperty("barsSkipped").GetInt32());
        Assert.Equal(10341.95m, Math.Round(b.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(s.GetProperty("finalValue").GetDecimal(), b.GetProperty("finalValue").GetDecimal());
        Assert.Equal(s.GetProperty("orders").GetArrayLength(), b.GetProperty("orders").GetArrayLength());
    }
}
