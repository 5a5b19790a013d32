using System.Diagnostics;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

public sealed class OperatorCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_WhileRunning_IsAppliedWithinOneSecondAndSurvivesRestart()
    {
        using var dir = new TempDir();
        using var bot = BulwarkProcess.Start(dir.Path, null, "run", "--data-dir", "d");
        await bot.WaitForOutputAsync("started", Timeout);

        var kill = await BulwarkProcess.RunAsync(dir.Path, Timeout, "kill", "--reason", "test halt", "--data-dir", "d");
        Assert.True(kill.ExitCode == 0, kill.All);
        var sw = Stopwatch.StartNew();
        string state;
        do
        {
            state = await TradingStateAsync(dir.Path);
            if (state == "Halted") break;
        } while (sw.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Equal("Halted", state);

        bot.Terminate();
        var stopped = await bot.WaitAsync(Timeout);
        Assert.True(stopped.ExitCode == 0, $"SIGTERM should stop gracefully\n{stopped.All}");

        var again = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--data-dir", "d", "--duration", "1s");
        Assert.Contains("Halted", again.StdOut);
        Assert.Equal("Halted", await TradingStateAsync(dir.Path));

        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, "resume", "--data-dir", "d");
        Assert.True(resume.ExitCode == 0, resume.All);
        Assert.Equal("Active", await TradingStateAsync(dir.Path));
    }

    [Fact]
    public async Task Status_SaysWhichCurrencyTheAccountIsIn()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: yen-1
                venue: { type: paper, currency: JPY, initialCash: 15000000 }
                feed: { type: synthetic, symbols: [ { symbol: X, startPrice: 150 } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X] } ]
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "1s");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"\| cash \d+\.\d\d JPY \| day PnL", run.StdOut);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Matches(@"^  cash \d+\.\d\d JPY, day PnL", status.StdOut.Split('\n')[1]);
        Assert.Equal("JPY", JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0].GetProperty("currency").GetString());
    }

    private static async Task<string> TradingStateAsync(string cwd)
    {
        var run = await BulwarkProcess.RunAsync(cwd, Timeout, "status", "--json", "--data-dir", "d");
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.StdOut).RootElement.GetProperty("bots")[0].GetProperty("tradingState").GetString()!;
    }
}
