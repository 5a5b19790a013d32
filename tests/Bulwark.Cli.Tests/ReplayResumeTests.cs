using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// A paper bot on a CSV feed replays the file from its first bar at every start; after a restart it must not trade the
/// bars it already traded: the feed resumes after the last bar the venue saw.
/// </summary>
public sealed class ReplayResumeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ARestartedReplay_TradesNoBarTwice()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        File.Copy(data, Path.Combine(dir.Path, "SAMPLE.txt"));
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: replay
                venue: { type: paper, initialCash: 100000 }
                feed: { type: csv, barsPerSecond: 100, files: [ { path: SAMPLE.txt, symbol: SAMPLE } ] }
                instruments: [ { symbol: SAMPLE } ]
                strategies: [ { name: sma-cross, symbols: [SAMPLE], params: { period: 15 } } ]
                sizing: { mode: fixedQuantity, quantity: 1 }
                tradingHours: { enforce: false }
            """);

        // Paced (255 bars in about 2.5 s): an unpaced replay does not wait for the bot, so on a loaded machine it could
        // reach the file's end before the first order reached the venue, and nothing would fill (see the README).
        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "20s");
        var fillsAfterFirst = await VenueFillsAsync(dir.Path, config);
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "20s");
        var fillsAfterSecond = await VenueFillsAsync(dir.Path, config);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains("[replay] feed ended", first.StdOut, StringComparison.Ordinal);
        Assert.True(fillsAfterFirst > 0, "the first run traded nothing, so the test proves nothing");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("[replay] the feed resumed after the venue's last bar: 255 earlier bars it replayed warmed the strategies up, untraded", second.StdOut, StringComparison.Ordinal);
        Assert.Equal(fillsAfterFirst, fillsAfterSecond);
    }

    private static async Task<int> VenueFillsAsync(string cwd, string config)
    {
        var run = await BulwarkProcess.RunAsync(cwd, Timeout, "venue", "fills", "--json", "--config", config);
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.StdOut).RootElement.GetArrayLength();
    }

    [Fact]
    public async Task ARestartedSyntheticMarket_IsANewMarket_AndTradesAtOnce()
    {
        // The synthetic feed's times start again at the present after a restart, before the last run's fast-forwarded
        // ones: they are a new market, not history, and the bot trades them.
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", FastPaperConfig.Yaml);

        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "2s");
        var fillsAfterFirst = await VenueFillsAsync(dir.Path, config);
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "2s");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.All + second.All);
        Assert.True(await VenueFillsAsync(dir.Path, config) > fillsAfterFirst, second.All);
        Assert.DoesNotContain("the feed resumed", second.StdOut, StringComparison.Ordinal);
    }
}
