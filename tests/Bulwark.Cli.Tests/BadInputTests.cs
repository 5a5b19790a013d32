using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

public sealed class BadInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_WithInvalidConfig_ExitsTwoListingEveryProblemWithItsKeyAndLine()
    {
        using var dir = new TempDir();
        var config = dir.File("bad.yaml", """
            bots:
              - id: Bad_Id
                sizing: { quantity: -5 }
                risk: { maxOrderNotionl: 10 }
            """);
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "1s");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bots[0].id", run.StdErr);
        Assert.Contains("bots[0].sizing.quantity", run.StdErr);
        Assert.Contains("maxOrderNotionl", run.StdErr);
        Assert.Contains("bad.yaml:4", run.StdErr);
    }

    [Fact]
    public async Task Run_WithUnknownStrategy_ExitsTwoNamingTheKey()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: s1
                feed: { type: synthetic, symbols: [ { symbol: X, startPrice: 10 } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: no-such-strategy, symbols: [X] } ]
            """);
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "1s");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bots[0].strategies[0].name", run.StdErr);
    }

    [Fact]
    public async Task Run_WithMalformedCsvRow_ExitsTwoNamingFileAndLine()
    {
        using var dir = new TempDir();
        dir.File("bars.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02,10,11,9,10.5,100
            2024-01-03,10,9,11,10.5,100
            """);
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: csv-1
                feed: { type: csv, barsPerSecond: 0, files: [ { path: bars.csv, symbol: X } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X] } ]
            """);
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "2s");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bars.csv:3", run.StdErr);
    }

    [Fact]
    public async Task RunOnACsvFeedOffItsInstrumentsTick_SaysTheFirstPriceOffIt()
    {
        using var dir = new TempDir();
        dir.File("EURUSD.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02T00:00:00Z,1.10000,1.10020,1.09990,1.10010,0
            2024-01-02T00:01:00Z,1.10010,1.10427,1.10000,1.10400,0
            """);
        // A tick of 0.0001 (a pip) for a pair the file quotes to five places.
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: fx-1
                feed: { type: csv, barsPerSecond: 0, files: [ { path: EURUSD.csv, symbol: EURUSD } ] }
                instruments: [ { symbol: EURUSD, assetClass: fx, tickSize: 0.0001 } ]
                strategies: [ { name: sma-cross, symbols: [EURUSD] } ]
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "1s");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("bulwark: EURUSD: its price 1.10427 at 2024-01-02 00:01 is not on its tick 0.0001 (bots[0].instruments[].tickSize)",
            run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandOrOption_ExitsTwo()
    {
        using var dir = new TempDir();
        Assert.Equal(2, (await BulwarkProcess.RunAsync(dir.Path, Timeout, "frobnicate")).ExitCode);
        Assert.Equal(2, (await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--duration", "soon")).ExitCode);
        Assert.Equal(2, (await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--bot", "nobody")).ExitCode);
    }

    [Fact]
    public async Task JournalVerify_WithCorruptRecord_NamesTheRecordAndFails()
    {
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--data-dir", "d", "--duration", "2s");
        Assert.True(run.ExitCode == 0, run.All);
        var journal = Path.Combine(dir.Path, "d", "paper-1", "journal.db");
        JournalTamper.FlipPayloadByte(journal, sequence: 3);

        var verify = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--data-dir", "d");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("sequence 3", verify.StdOut);

        // Recovery that has to replay the damaged record refuses to start rather than build state on it.
        JournalTamper.DeleteSnapshots(journal);
        var restart = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--data-dir", "d", "--duration", "1s");
        Assert.Equal(1, restart.ExitCode);
        Assert.Contains("3", restart.StdErr);
    }
}
