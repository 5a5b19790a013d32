using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>backtest --drawdown-stop P: the first bar whose account value is P% below its peak switches the run to reduce-only.</summary>
public sealed class BacktestDrawdownStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task TheFirstBarThreePercentBelowThePeak_StopsTheEntries_AndTheExitOfThePositionHeldStillGoesOut()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar",
            "--percent-of-equity", "100", "--cash", "10000", "--drawdown-stop", "3"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--export", "out"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(run.ExitCode == 0, run.All);
        // Independently, from the equity curve: the first bar at least 3% below the highest value before or at it.
        var peak = 0m;
        DateTimeOffset? tripped = null;
        foreach (var row in File.ReadLines(Path.Combine(dir.Path, "out", "equity.csv")).Skip(1).Select(l => l.Split(',')))
        {
            var equity = decimal.Parse(row[1], Inv);
            peak = Math.Max(peak, equity);
            if ((peak - equity) * 100m / peak < 3m) continue;
            tripped = DateTimeOffset.Parse(row[0], Inv);
            break;
        }
        Assert.NotNull(tripped);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(3m, root.GetProperty("risk").GetProperty("maxDrawdownPercent").GetDecimal());
        var notice = root.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "DrawdownStop");
        Assert.Equal(tripped, notice.GetProperty("time").GetDateTimeOffset());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        var before = orders.Count(o => o.GetProperty("createdAt").GetDateTimeOffset() < tripped);
        var after = orders.Where(o => o.GetProperty("createdAt").GetDateTimeOffset() >= tripped).ToList();
        Assert.True(before > 0 && after.Count > 0, $"{before} orders before the stop, {after.Count} after: the test proved less than it says");
        // After it, only what reduces the position: sells of the shares held, not more than were held.
        Assert.All(after, o => Assert.Equal("sell", o.GetProperty("side").GetString()));
        var denied = root.GetProperty("sources")[0].GetProperty("deniedByReason");
        Assert.True(denied.GetProperty("ReducingOnly").GetInt64() >= 1, denied.GetRawText());
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(string.Create(Inv, $"{tripped.Value:yyyy-MM-dd} critical DrawdownStop: the account's value "), table.StdOut, StringComparison.Ordinal);
    }
}
