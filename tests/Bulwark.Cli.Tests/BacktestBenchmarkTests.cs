using Bulwark.Cli.Bench;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

public sealed class BacktestBenchmarkTests
{
    [Fact]
    public async Task BacktestComponent_OnASmallBarCount_ProcessesEveryBarAndTrades()
    {
        var result = await BacktestBenchmarks.RunOnceAsync(5_000, CancellationToken.None);

        Assert.Equal(5_000, result.BarsProcessed);
        Assert.NotEmpty(result.Orders);
        Assert.All(result.Orders.SkipLast(1), o => Assert.NotNull(o.FilledAt)); // the last may await the next open
        Assert.Empty(result.EquityCurve); // the bench keeps no curve
    }

    [Fact]
    public async Task BacktestComponent_WithALongPeriod_TradesFarLessOnTheSameBars()
    {
        var usual = await BacktestBenchmarks.RunOnceAsync(20_000, CancellationToken.None);
        var slow = await BacktestBenchmarks.RunOnceAsync(20_000, CancellationToken.None, period: 2_000);

        Assert.Equal(usual.BarsProcessed, slow.BarsProcessed);
        Assert.NotEmpty(slow.Orders);
        Assert.True(slow.Orders.Count * 5 < usual.Orders.Count, $"{slow.Orders.Count} orders at period 2000 against {usual.Orders.Count} at 10");
    }

    [Fact]
    public async Task Bench_WithAPeriodBelowOne_ExitsTwoNamingTheOption()
    {
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, TimeSpan.FromSeconds(60), "bench", "--only", "backtest", "--period", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--period must be at least 1", run.StdErr);
    }
}
