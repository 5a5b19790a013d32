using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>
/// A bot's dataQuality: a bar that jumps further than maxJumpPercent stops entries in its symbol, in `run` (journaled,
/// shown by status) and in `backtest --bot` alike.
/// </summary>
public sealed class DataQualityStopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AJumpingBar_StopsEntriesInItsSymbol_InARunAndInItsBacktest_AndStatusSaysWhy()
    {
        using var dir = new TempDir();
        // Falling to 100, then a bar at 130: sma-cross period 2 signals an entry on it, which the jump's stop denies.
        decimal[] closes = [104m, 103m, 102m, 101m, 100m, 130m];
        File.WriteAllLines(Path.Combine(dir.Path, "X.csv"), ["Date,Time,Open,High,Low,Close,Volume",
            .. closes.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"2024-03-04,10:{i:00}:00,{c},{c},{c},{c},1000"))]);
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: careful
                venue: { type: paper, slippageBps: 0 }
                feed: { type: csv, interval: 1m, barsPerSecond: 20, files: [ { path: X.csv, symbol: X } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X], params: { period: 2 }, swing: true } ]
                sizing: { mode: fixedQuantity, quantity: 10 }
                tradingHours: { enforce: false }
                dataQuality: { maxJumpPercent: 20 }
            """);
        string[] at = ["--config", config, "--data-dir", "d"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "DataQualityStopped", "--type", "SignalDenied", "--json", .. at]);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--bot", "careful", "--config", config, "--json"]);

        Assert.True(run.ExitCode == 0 && status.ExitCode == 0 && events.ExitCode == 0, run.All + status.All + events.All);
        var records = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["DataQualityStopped", "SignalDenied"], records.Select(r => r.GetProperty("type").GetString()));
        var reason = records[0].GetProperty("event").GetProperty("reason").GetString()!;
        Assert.Contains("closed at 130, +30.00% from 100, more than dataQuality.maxJumpPercent 20%", reason, StringComparison.Ordinal);
        Assert.Equal("DataQualityStop", records[1].GetProperty("event").GetProperty("reason").GetString());
        Assert.Contains($"\n  DATA STOP X: {reason}; no position opened or added to there until its data is good again\n", status.StdOut, StringComparison.Ordinal);

        Assert.True(backtest.ExitCode == 0, backtest.All);
        var root = JsonDocument.Parse(backtest.StdOut).RootElement;
        Assert.Equal(0, root.GetProperty("orders").GetArrayLength());
        var source = root.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal(1, source.GetProperty("deniedByReason").GetProperty("DataQualityStop").GetInt32());
    }
}
