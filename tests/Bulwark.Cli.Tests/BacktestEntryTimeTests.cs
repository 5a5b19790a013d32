using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>A backtest's closed trades by the weekday they were entered on: the JSON, checked against the trade list, and the report.</summary>
public sealed class BacktestEntryTimeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheSampleTrades_ByWeekday_AddUpFromTheTradeList_AndDailyBarsHaveNoHours()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var report = Path.Combine(dir.Path, "report.html");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--json", "--report", report);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var metrics = root.GetProperty("metrics");
        var closed = root.GetProperty("trades").EnumerateArray().Where(t => !t.GetProperty("isOpen").GetBoolean()).ToList();
        var byDay = metrics.GetProperty("byEntryWeekday").EnumerateArray().ToList();
        var expected = closed.GroupBy(t => t.GetProperty("entryTime").GetDateTimeOffset().UtcDateTime.DayOfWeek)
            .OrderBy(g => ((int)g.Key + 6) % 7).ToList();
        Assert.True(expected.Count >= 2);
        Assert.Equal(expected.Select(g => g.Key.ToString().ToLowerInvariant()), byDay.Select(d => d.GetProperty("weekday").GetString()));
        for (var i = 0; i < byDay.Count; i++)
        {
            Assert.Equal(expected[i].Count(), byDay[i].GetProperty("trades").GetInt32());
            Assert.Equal(expected[i].Sum(t => t.GetProperty("pnl").GetDecimal()), byDay[i].GetProperty("pnl").GetDecimal());
        }
        Assert.Equal(11, byDay.Sum(d => d.GetProperty("trades").GetInt32()));
        Assert.Empty(metrics.GetProperty("byEntryHour").EnumerateArray());
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>By weekday entered</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("By hour entered", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntradayEntries_ReadInTheExchangesTime_SoTheSessionsHoursStayPutAcrossTheClockChange()
    {
        using var dir = new TempDir();
        // Half-hourly bars of New York's session on the Friday before the clock change (14:30 to 20:30 UTC) and the Monday
        // after it (13:30 to 19:30 UTC), in UTC, on a wave sma-cross 2 trades all day.
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var rows = new List<string> { "Date,Time,Open,High,Low,Close,Volume" };
        var i = 0;
        foreach (var (day, firstHour) in new[] { ("2024-03-08", 14), ("2024-03-11", 13) })
            for (var slot = 1; slot <= 13; slot++, i++)
            {
                var time = TimeSpan.FromHours(firstHour) + TimeSpan.FromMinutes(30 * slot);
                var close = 100m + Math.Round(3m * (decimal)Math.Sin(i * Math.PI / 3), 2);
                rows.Add(string.Create(inv, $"{day},{time:hh\\:mm}:00,{close},{close + 0.1m},{close - 0.1m},{close},1000"));
            }
        File.WriteAllLines(Path.Combine(dir.Path, "X.csv"), rows);
        var report = Path.Combine(dir.Path, "report.html");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "X.csv", "--json", "--report", report);
        var crypto = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "X.csv", "--asset", "X=crypto", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var metrics = root.GetProperty("metrics");
        Assert.Equal("America/New_York", metrics.GetProperty("entryTimeZone").GetString());
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var closed = root.GetProperty("trades").EnumerateArray().Where(t => !t.GetProperty("isOpen").GetBoolean()).ToList();
        var expected = closed.GroupBy(t => TimeZoneInfo.ConvertTime(t.GetProperty("entryTime").GetDateTimeOffset(), newYork).Hour).OrderBy(g => g.Key).ToList();
        var byHour = metrics.GetProperty("byEntryHour").EnumerateArray().ToList();
        Assert.Equal(expected.Select(g => g.Key), byHour.Select(h => h.GetProperty("hour").GetInt32()));
        Assert.Equal(expected.Select(g => g.Count()), byHour.Select(h => h.GetProperty("trades").GetInt32()));
        // Both days' entries fall in the session's own hours, 09:30 to 16:00 in New York, though the UTC clock moved by one,
        // and not in UTC's.
        Assert.All(byHour, h => Assert.InRange(h.GetProperty("hour").GetInt32(), 9, 15));
        Assert.NotEqual(closed.Select(t => t.GetProperty("entryTime").GetDateTimeOffset().UtcDateTime.Hour).Distinct().Order(),
            byHour.Select(h => h.GetProperty("hour").GetInt32()));
        Assert.Contains(closed, t => t.GetProperty("entryTime").GetDateTimeOffset().Day == 8);
        Assert.Contains(closed, t => t.GetProperty("entryTime").GetDateTimeOffset().Day == 11);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>By hour entered (America/New_York)</h2>", html, StringComparison.Ordinal);
        // A coin trades on the crypto calendar, in UTC.
        Assert.True(crypto.ExitCode == 0, crypto.All);
        Assert.Equal("UTC", JsonDocument.Parse(crypto.StdOut).RootElement.GetProperty("metrics").GetProperty("entryTimeZone").GetString());
    }
}
