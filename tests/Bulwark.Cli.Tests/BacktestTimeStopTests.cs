using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// maxHoldDays: a position is closed once it has been held that long, at the next open after the bar whose close ends
/// the time, and the trades and the summary say which trades the time stop closed.
/// </summary>
public sealed class BacktestTimeStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NoTradeOutlivesItsTime_AndTheTimedOutOnesSaySo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var timed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "maxHoldDays=5", "--json", "--export", "out"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "maxHoldDays=5"]);

        foreach (var run in new[] { plain, timed, table }) Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(timed.StdOut).RootElement;
        var trades = root.GetProperty("trades").EnumerateArray().Where(t => !t.GetProperty("isOpen").GetBoolean()).ToList();
        static TimeSpan Held(JsonElement t) => t.GetProperty("exitTime").GetDateTimeOffset() - t.GetProperty("entryTime").GetDateTimeOffset();
        var timedOut = trades.Where(t => t.GetProperty("timedOut").GetBoolean()).ToList();
        // The exit signal comes at the close of the bar that ends five days, the fill at the next open: at least five
        // days, and at most five plus the longest gap between bars (a holiday weekend).
        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, t => Assert.InRange(Held(t), TimeSpan.FromDays(5), TimeSpan.FromDays(9)));
        Assert.All(trades, t => Assert.True(Held(t) <= TimeSpan.FromDays(9), $"held {Held(t)}"));
        Assert.Equal(timedOut.Count, root.GetProperty("metrics").GetProperty("timedOut").GetInt32());
        var plainTrades = JsonDocument.Parse(plain.StdOut).RootElement.GetProperty("trades").EnumerateArray().ToList();
        Assert.Contains(plainTrades, t => !t.GetProperty("isOpen").GetBoolean() && Held(t) > TimeSpan.FromDays(9)); // without it, some are held longer
        Assert.All(plainTrades, t => Assert.False(t.GetProperty("timedOut").GetBoolean()));
        // Each timed-out exit is an order tagged as the time stop's; trades.csv and the summary count them too.
        Assert.Equal(timedOut.Count, root.GetProperty("orders").EnumerateArray().Count(o => o.GetProperty("tag").GetString() == "time-stop"));
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "trades.csv"));
        var column = Array.IndexOf(csv[0].Split(','), "timed_out");
        Assert.True(column >= 0, csv[0]);
        Assert.Equal(timedOut.Count, csv.Skip(1).Count(l => l.Split(',')[column] == "true"));
        Assert.Contains($"{timedOut.Count} by a time stop", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("sma-cross period=15 trendPeriod=none maxHoldDays=5", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InSessions_EachTimedOutTradeIsHeldThatManySessionsOfTheExchange_AndTheRunSaysSo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "maxHoldSessions=5", "--data", data, "--no-calendar", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "maxHoldSessions=5", "--data", data, "--no-calendar"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(table.ExitCode == 0, table.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var closed = root.GetProperty("trades").EnumerateArray().Where(t => !t.GetProperty("isOpen").GetBoolean()).ToList();
        // Sessions of XNYS (the default exchange) dated from the entry's day to the day before the exit's: the entry fills at
        // a day's open, the exit signal comes at the fifth session's close and fills at the next bar's open.
        var nyse = Core.Calendar.ExchangeCalendars.Get(Core.Calendar.ExchangeCalendars.Nyse);
        int Sessions(JsonElement t) => nyse.Sessions(DateOnly.FromDateTime(t.GetProperty("entryTime").GetDateTimeOffset().UtcDateTime),
            DateOnly.FromDateTime(t.GetProperty("exitTime").GetDateTimeOffset().UtcDateTime).AddDays(-1)).Count;
        var timedOut = closed.Where(t => t.GetProperty("timedOut").GetBoolean()).ToList();
        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, t => Assert.Equal(5, Sessions(t)));
        Assert.All(closed, t => Assert.True(Sessions(t) <= 5, $"held {Sessions(t)} sessions"));
        Assert.Equal(timedOut.Count, root.GetProperty("metrics").GetProperty("timedOut").GetInt32());
        Assert.Contains("sma-cross period=15 trendPeriod=none maxHoldSessions=5", table.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{timedOut.Count} by a time stop", table.StdOut, StringComparison.Ordinal);
    }
}
