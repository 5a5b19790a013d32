using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>Bots in one `run` are isolated workflows: one that fails, or whose feed ends, does not stop the others.</summary>
public sealed class RunIsolationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string TwoBots = """
        bots:
          - id: crypto
            feed: { type: csv, barsPerSecond: 0, files: [ { path: btc.csv, symbol: BTC } ] }
            instruments: [ { symbol: BTC, assetClass: crypto } ]
            strategies: [ { name: sma-cross, symbols: [BTC], params: { period: 2 } } ]
          - id: equity
            feed: { type: synthetic, barsPerSecond: 20, symbols: [ { symbol: X, startPrice: 10 } ] }
            instruments: [ { symbol: X } ]
            strategies: [ { name: sma-cross, symbols: [X], params: { period: 3 } } ]
        """;

    private const string ThreeBars = """
        Date,Open,High,Low,Close,Volume
        2024-01-02,10,11,9,10,100
        2024-01-03,10,13,10,12,100
        2024-01-04,12,12,10.5,11,100
        """;

    [Fact]
    public async Task BotThatCannotStart_IsNamed_TheOthersRun_AndTheRunExitsOne()
    {
        using var dir = new TempDir();
        dir.File("btc.csv", ThreeBars);
        var config = dir.File("bulwark.yaml", TwoBots);
        Directory.CreateDirectory(Path.Combine(dir.Path, "d", "crypto"));
        dir.File(Path.Combine("d", "crypto", "journal.db"), "this is not a SQLite database, it is a damaged file\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "2s");

        Assert.True(run.ExitCode == 1, run.All);
        Assert.Contains("[crypto] failed to start", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("[equity] started", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("[equity] stopped", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotWhoseFeedEnds_DoesNotStopTheOthers()
    {
        using var dir = new TempDir();
        dir.File("btc.csv", ThreeBars);
        var config = dir.File("bulwark.yaml", TwoBots);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "3s");

        Assert.True(run.ExitCode == 0, run.All);
        var ended = run.StdOut.IndexOf("[crypto] feed ended", StringComparison.Ordinal);
        Assert.True(ended >= 0, run.All);
        // The equity bot kept trading after the crypto feed ran out, until the duration stopped it.
        Assert.Contains("[equity] running", run.StdOut[ended..], StringComparison.Ordinal);
        Assert.Contains("[equity] stopped", run.StdOut, StringComparison.Ordinal);
    }
}
