using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>`run` says when a bot's losing-streak breaker cannot outlast one of its feed's bars, and then runs as configured.</summary>
public sealed class RunBreakerCooldownTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string Bot(string id, string interval, string risk) => $$"""
          - id: {{id}}
            feed: { type: synthetic, interval: {{interval}}, barsPerSecond: 50, symbols: [ { symbol: X, startPrice: 10 } ] }
            instruments: [ { symbol: X } ]
            strategies: [ { name: sma-cross, symbols: [X], params: { period: 3 } } ]
            tradingHours: { enforce: false }
            risk: {{risk}}

        """;

    [Fact]
    public async Task ADailyBotWithTheDefaultCooldown_IsWarnedAbout_AMinuteBotAndALongCooldownAreNot()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("daily", "1d", "{ maxConsecutiveLosses: 3 }")
            + Bot("minute", "1m", "{ maxConsecutiveLosses: 3 }") + Bot("patient", "1d", "{ maxConsecutiveLosses: 3, breakerCooldown: 3d }"));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "1s");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("bulwark: [daily] risk.breakerCooldown 30m is no longer than the time between bars (1d 0h)", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("[minute] risk.breakerCooldown", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("[patient] risk.breakerCooldown", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("[daily] started", run.StdOut, StringComparison.Ordinal);
    }
}
