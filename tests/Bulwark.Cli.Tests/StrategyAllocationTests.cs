using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>strategies[].allocationPercent: a bot's backtest trades the strategy at that share of its size, the others whole.</summary>
public sealed class StrategyAllocationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AStrategyAtATenth_TradesATenthOfTheSize_BesideAWholeOne()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        // One file for each strategy: the two share one position in a symbol they both trade.
        File.Copy(sample, Path.Combine(dir.Path, "X.txt"));
        File.Copy(sample, Path.Combine(dir.Path, "Y.txt"));
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: two
                venue: { type: paper, initialCash: 1000000 }
                feed: { type: csv, interval: 1d, barsPerSecond: 2000, files: [ { path: X.txt, symbol: X }, { path: Y.txt, symbol: Y } ] }
                instruments: [ { symbol: X }, { symbol: Y } ]
                strategies:
                  - { name: sma-cross, source: proven, symbols: [X], params: { period: 15 }, swing: true }
                  - { name: sma-cross, source: canary, symbols: [Y], params: { period: 15 }, swing: true, allocationPercent: 10 }
                sizing: { mode: fixedQuantity, quantity: 20 }
                risk: { maxOrderNotional: 1000000, maxPositionNotional: 1000000 }
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "two", "--config", config, "--json");
        var live = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");

        Assert.True(run.ExitCode == 0, run.All);
        var orders = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.Null).ToList();
        var entries = orders.Where(o => o.GetProperty("side").GetString() == "buy").GroupBy(o => o.GetProperty("source").GetString())
            .ToDictionary(g => g.Key!, g => g.Select(o => o.GetProperty("quantity").GetDecimal()).Distinct().ToList());
        Assert.Equal([20m], entries["proven"]);
        Assert.Equal([2m], entries["canary"]); // a tenth of 20, at each of the same entries
        Assert.Equal(orders.Count(o => o.GetProperty("source").GetString() == "proven"), orders.Count(o => o.GetProperty("source").GetString() == "canary"));

        // The same bot run on its feed: status says which source trades a share.
        Assert.True(live.ExitCode == 0 && status.ExitCode == 0, live.All + status.All);
        var lines = status.StdOut.Split('\n');
        Assert.EndsWith(", trades 10% of its size", Assert.Single(lines, l => l.StartsWith("  canary: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("% of its size", Assert.Single(lines, l => l.StartsWith("  proven: ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
