using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>A backtest that trades both ways says what its longs and its shorts each came to: the table, the JSON and the report.</summary>
public sealed class BacktestBySideTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EmaCloudLongAndShort_SplitsItsTradesBySide_AndEachSideAddsUpFromTheTradeList()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var report = Path.Combine(dir.Path, "report.html");
        string[] args = ["backtest", "--strategy", "ema-cloud", "--param", "allowShort=true", "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", report]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var metrics = root.GetProperty("metrics");
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        var sides = metrics.GetProperty("bySide").EnumerateArray().ToList();
        Assert.Equal(["long", "short"], sides.Select(s => s.GetProperty("side").GetString()));
        foreach (var side in sides)
        {
            var name = side.GetProperty("side").GetString();
            var closed = trades.Where(t => t.GetProperty("side").GetString() == name && !t.GetProperty("isOpen").GetBoolean()).ToList();
            var open = trades.Where(t => t.GetProperty("side").GetString() == name && t.GetProperty("isOpen").GetBoolean()).ToList();
            Assert.True(closed.Count > 0, name);
            Assert.Equal(closed.Count, side.GetProperty("trades").GetInt32());
            Assert.Equal(open.Count, side.GetProperty("openTrades").GetInt32());
            Assert.Equal(closed.Sum(t => t.GetProperty("pnl").GetDecimal()), side.GetProperty("pnl").GetDecimal());
            Assert.Equal((decimal)closed.Count(t => t.GetProperty("pnl").GetDecimal() > 0m) / closed.Count, side.GetProperty("winRate").GetDecimal());
            Assert.Equal(closed.Average(t => t.GetProperty("pnl").GetDecimal()), side.GetProperty("expectancy").GetDecimal(), 10);
        }
        Assert.Equal(metrics.GetProperty("trades").GetInt32(), sides.Sum(s => s.GetProperty("trades").GetInt32()));

        var lines = table.StdOut.Split('\n');
        var heading = Array.IndexOf(lines, "by side:");
        Assert.True(heading >= 0, table.StdOut);
        Assert.StartsWith($"  long   {sides[0].GetProperty("trades").GetInt32()} trades closed", lines[heading + 1], StringComparison.Ordinal);
        Assert.StartsWith($"  short  {sides[1].GetProperty("trades").GetInt32()} trades closed", lines[heading + 2], StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>Long and short</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>short</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongOnlyRun_HasOneSide_AndNoSideLinesOrTable()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var report = Path.Combine(dir.Path, "report.html");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", report]);

        Assert.True(json.ExitCode == 0, json.All);
        var metrics = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("metrics");
        var only = Assert.Single(metrics.GetProperty("bySide").EnumerateArray());
        Assert.Equal("long", only.GetProperty("side").GetString());
        Assert.Equal(11, only.GetProperty("trades").GetInt32());
        Assert.Equal(1, only.GetProperty("openTrades").GetInt32());
        Assert.True(table.ExitCode == 0, table.All);
        Assert.DoesNotContain("by side:", table.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Long and short", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }
}
