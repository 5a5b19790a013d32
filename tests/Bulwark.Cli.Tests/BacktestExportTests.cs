using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--export DIR: the equity curve, trades and orders of the run as CSV files, matching the JSON.</summary>
public sealed class BacktestExportTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Export_WritesARowPerBarTradeAndOrder_AndTheMonthlyReturns()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var exportDir = Path.Combine(dir.Path, "out", "sma15");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--json", "--export", exportDir);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        string[] Lines(string file) => File.ReadAllLines(Path.Combine(exportDir, file));
        var equity = Lines("equity.csv");
        Assert.Equal(1 + root.GetProperty("metrics").GetProperty("barsProcessed").GetInt32(), equity.Length);
        Assert.Equal(root.GetProperty("finalValue").GetDecimal(), decimal.Parse(equity[^1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1 + root.GetProperty("trades").GetArrayLength(), Lines("trades.csv").Length);
        Assert.Equal(1 + root.GetProperty("orders").GetArrayLength(), Lines("orders.csv").Length);
        // One year of months: the year's total is the run's total return, as the JSON's yearly row says.
        var monthly = Lines("monthly.csv");
        Assert.Equal(["year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,total"], monthly.Take(1));
        var year = monthly[1].Split(',');
        Assert.Equal(("2006", 14), (year[0], year.Length));
        var yearly = Assert.Single(root.GetProperty("yearlyReturns").EnumerateArray());
        Assert.Equal(yearly.GetProperty("return").GetDecimal(), decimal.Parse(year[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(root.GetProperty("metrics").GetProperty("totalReturn").GetDecimal(), 8), yearly.GetProperty("return").GetDecimal());
        Assert.Equal(12, root.GetProperty("monthlyReturns").GetArrayLength());
        Assert.Equal(["time,severity,code,message"], Lines("notices.csv")); // sma-cross with no limits: nothing to report
        Assert.Empty(Directory.GetFiles(exportDir, "*.tmp"));
    }
}
