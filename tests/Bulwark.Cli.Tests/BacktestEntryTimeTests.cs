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
}
