using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>Each trade's excursions: in the JSON, trades.csv and the report, and bracketing what the trade returned.</summary>
public sealed class BacktestExcursionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("next-open")]
    [InlineData("close")]
    public async Task EveryTradesReturn_LiesBetweenItsAdverseAndFavourableExcursions(string fill)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "ema-cloud", "--param", "allowShort=true",
            "--param", "stopLossPercent=2", "--data", data, "--no-calendar", "--fill", fill, "--json", "--export", "out", "--report", "r.html");

        Assert.True(run.ExitCode == 0, run.All);
        var trades = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("trades").EnumerateArray().ToList();
        Assert.Contains(trades, t => t.GetProperty("side").GetString() == "short");
        foreach (var t in trades)
        {
            var (mae, mfe, ret) = (t.GetProperty("mae").GetDecimal(), t.GetProperty("mfe").GetDecimal(), t.GetProperty("return").GetDecimal());
            Assert.True(mae <= 0m && mfe >= 0m, $"mae {mae}, mfe {mfe}");
            // No commission: the return is the exit's (or the last close's) move from the entry, inside the range held.
            Assert.InRange(ret, mae - 0.00000001m, mfe + 0.00000001m);
        }
        Assert.Contains(trades, t => t.GetProperty("mae").GetDecimal() < t.GetProperty("return").GetDecimal());
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "trades.csv"));
        Assert.Contains(",mae,mfe,", csv[0], StringComparison.Ordinal);
        var mfeColumn = Array.IndexOf(csv[0].Split(','), "mfe");
        Assert.Equal(trades.Select(t => t.GetProperty("mfe").GetDecimal()),
            csv.Skip(1).Select(l => decimal.Parse(l.Split(',')[mfeColumn], CultureInfo.InvariantCulture)));
        Assert.Contains("<th title=\"the most it went against it while open\">MAE</th>", File.ReadAllText(Path.Combine(dir.Path, "r.html")), StringComparison.Ordinal);
        // The stop table's rows, from the same excursions: each level's trades are those that went that far against them.
        var stops = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("metrics").GetProperty("stopAnalysis").EnumerateArray().ToList();
        Assert.NotEmpty(stops);
        var closed = trades.Where(t => t.GetProperty("exitTime").ValueKind != JsonValueKind.Null).ToList();
        foreach (var level in stops)
        {
            var l = level.GetProperty("level").GetDecimal();
            Assert.Equal(closed.Count(t => -t.GetProperty("mae").GetDecimal() >= l), level.GetProperty("reached").GetInt32());
            Assert.Equal(-l * level.GetProperty("reached").GetInt32(), level.GetProperty("stoppedReturnSum").GetDecimal());
        }
    }
}
