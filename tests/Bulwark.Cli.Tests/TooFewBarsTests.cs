using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>A strategy given fewer bars than it needs before it can act is said to be unable to trade, not shown as flat.</summary>
public sealed class TooFewBarsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Backtest_APeriodLongerThanTheData_IsSaid_AndAWarmUpBeforeFromCounts()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var tooLong = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=300",
            "--data", sample, "--no-calendar");
        var window = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=30",
            "--data", sample, "--no-calendar", "--from", "2006-12-01");
        var warmed = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=30",
            "--data", sample, "--no-calendar", "--from", "2006-12-01", "--warm-up");

        Assert.True(tooLong.ExitCode == 0, tooLong.All);
        Assert.Contains("bulwark: sma-cross needs 301 bars of 2006-day-001 before it can trade and the run has 255: it cannot trade 2006-day-001",
            tooLong.StdErr, StringComparison.Ordinal);
        Assert.Contains("needs 31 bars of 2006-day-001 before it can trade and the run has 19", window.StdErr, StringComparison.Ordinal);
        Assert.True(warmed.ExitCode == 0, warmed.All);
        Assert.DoesNotContain("before it can trade", warmed.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_CountsTheCombinationsThatNeedMoreBarsThanTheData()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=5|100|254|255|300",
            "--data", sample, "--no-calendar");

        Assert.True(run.ExitCode == 0, run.All);
        // 254 needs 255 bars: it could still cross on the last one, so only 255 and 300 cannot trade.
        Assert.Contains("bulwark: 2 of 5 combinations cannot trade: they need more bars than the data has (first: period=255 needs 256 bars of 2006-day-001, the data has 255)",
            run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASymbolWithNoBarInTheWindow_IsSaid_ByBacktestAndOptimize()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var lines = File.ReadAllLines(sample);
        dir.File("AAA.txt", string.Join("\n", lines) + "\n");
        dir.File("LATE.txt", string.Join("\n", lines.Take(1).Concat(lines.TakeLast(100))) + "\n"); // listed in August

        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "AAA.txt,LATE.txt",
            "--no-calendar", "--to", "2006-06-30");
        var optimize = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=5|10",
            "--data", "AAA.txt,LATE.txt", "--no-calendar", "--to", "2006-06-30");
        var whole = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "AAA.txt,LATE.txt", "--no-calendar");

        const string Said = "bulwark: the run has no bar of LATE: its data lies outside --from/--to, so nothing trades it";
        Assert.True(backtest.ExitCode == 0, backtest.All);
        Assert.Contains(Said, backtest.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("bars of LATE before it can trade", backtest.StdErr, StringComparison.Ordinal);
        Assert.True(optimize.ExitCode == 0, optimize.All);
        Assert.Contains(Said, optimize.StdErr, StringComparison.Ordinal);
        Assert.True(whole.ExitCode == 0, whole.All);
        Assert.DoesNotContain("no bar of", whole.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASymbolWhoseBarsAllEndBeforeFrom_IsSaid_ThoughItWarmsUpOnThem()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var lines = File.ReadAllLines(sample);
        dir.File("AAA.txt", string.Join("\n", lines) + "\n");
        dir.File("GONE.txt", string.Join("\n", lines.Take(120)) + "\n"); // delisted in June

        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "AAA.txt,GONE.txt",
            "--no-calendar", "--from", "2006-07-01", "--warm-up");
        var optimize = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=5|10",
            "--data", "AAA.txt,GONE.txt", "--no-calendar", "--from", "2006-07-01", "--warm-up");

        const string Said = "bulwark: the run has no bar of GONE: its data lies outside --from/--to, so nothing trades it";
        Assert.True(backtest.ExitCode == 0, backtest.All);
        Assert.Contains(Said, backtest.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("no bar of AAA", backtest.StdErr, StringComparison.Ordinal);
        Assert.True(optimize.ExitCode == 0, optimize.All);
        Assert.Contains(Said, optimize.StdErr, StringComparison.Ordinal);
    }
}
