using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>The value at risk, expected shortfall and Ulcer index of a run, checked against its exported equity curve.</summary>
public sealed class BacktestReturnRiskTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheTailAndTheUlcerIndex_AreReadFromTheEquityCurve_InTheJsonTableAndReport()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var export = Path.Combine(dir.Path, "out");
        var report = Path.Combine(dir.Path, "report.html");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--size", "2"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--export", export]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", report]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var metrics = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("metrics");
        // One point a daily bar here; the returns from each to the next, and the drawdown the export gives at each.
        var rows = File.ReadAllLines(Path.Combine(export, "equity.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var equity = rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
        var inOrder = equity.Zip(equity.Skip(1), (a, b) => (b / a) - 1d).ToList();
        var returns = inOrder.Order().ToList();
        var k = returns.Count / 20;
        Assert.Equal(k, metrics.GetProperty("tailBars").GetInt32());
        Assert.True(returns[k - 1] < 0d);
        Assert.Equal(-returns[k - 1], metrics.GetProperty("valueAtRisk").GetDouble(), 9);
        Assert.Equal(-returns.Take(k).Average(), metrics.GetProperty("expectedShortfall").GetDouble(), 9);
        var ulcer = Math.Sqrt(rows.Average(r => Math.Pow(double.Parse(r[3], CultureInfo.InvariantCulture), 2)));
        Assert.Equal(ulcer, metrics.GetProperty("ulcerIndex").GetDouble(), 6);
        Assert.Equal(metrics.GetProperty("cagr").GetDouble() / metrics.GetProperty("ulcerIndex").GetDouble(),
            metrics.GetProperty("ulcerPerformance").GetDouble(), 9);

        // The rolling Sharpe ratio over a quarter's 63 daily bars; its last window is the last 63 returns'.
        var rolling = metrics.GetProperty("rollingSharpe");
        Assert.Equal(63, rolling.GetProperty("window").GetInt32());
        var last = inOrder.TakeLast(63).ToList();
        var lastMean = last.Average();
        var lastSharpe = lastMean / Math.Sqrt(last.Sum(r => (r - lastMean) * (r - lastMean)) / 62d) * Math.Sqrt(252d);
        Assert.Equal(lastSharpe, rolling.GetProperty("last").GetDouble(), 6);
        Assert.True(rolling.GetProperty("lowest").GetDouble() <= lastSharpe && lastSharpe <= rolling.GetProperty("highest").GetDouble());
        Assert.False(rolling.TryGetProperty("series", out _));

        var inv = CultureInfo.InvariantCulture;
        Assert.Contains(string.Create(inv, $"value at risk {metrics.GetProperty("valueAtRisk").GetDouble():P2} a bar (95%, historical), expected shortfall {metrics.GetProperty("expectedShortfall").GetDouble():P2} (the worst {k}),"),
            table.StdOut, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<th>Value at risk a bar (95%, historical) / expected shortfall</th>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Rolling Sharpe ratio (63 bars)</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRollingWindow_CanBeGiven_AndOneTooShortOrTooLongIsSaid()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var export = Path.Combine(dir.Path, "out");
        var report = Path.Combine(dir.Path, "report.html");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--size", "2"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--rolling-window", "21", "--json", "--export", export]);
        var html = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--rolling-window", "21", "--report", report]);
        var tooLong = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--rolling-window", "128", "--json"]);
        var tooShort = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--rolling-window", "1"]);

        Assert.True(json.ExitCode == 0, json.All);
        var rolling = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("metrics").GetProperty("rollingSharpe");
        Assert.Equal(21, rolling.GetProperty("window").GetInt32());
        // Its last window is the last 21 returns' Sharpe ratio, from the exported curve.
        var equity = File.ReadAllLines(Path.Combine(export, "equity.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        var last = equity.Zip(equity.Skip(1), (a, b) => (b / a) - 1d).TakeLast(21).ToList();
        var mean = last.Average();
        Assert.Equal(mean / Math.Sqrt(last.Sum(r => (r - mean) * (r - mean)) / 20d) * Math.Sqrt(252d), rolling.GetProperty("last").GetDouble(), 6);
        Assert.True(html.ExitCode == 0, html.All);
        var page = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>Rolling Sharpe ratio (21 bars)</h2>", page, StringComparison.Ordinal);
        Assert.Contains("the window given:", page, StringComparison.Ordinal);

        // 255 bars are 254 returns: under two windows of 128, so none, and stderr says why; the run still succeeds.
        Assert.True(tooLong.ExitCode == 0, tooLong.All);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(tooLong.StdOut).RootElement.GetProperty("metrics").GetProperty("rollingSharpe").ValueKind);
        Assert.Contains("--rolling-window 128 is more than half the run's returns", tooLong.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, tooShort.ExitCode);
        Assert.Contains("--rolling-window must be 2 bars or more", tooShort.StdErr, StringComparison.Ordinal);
    }
}
