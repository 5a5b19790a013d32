using Bulwark.Cli.Bench;

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
}
