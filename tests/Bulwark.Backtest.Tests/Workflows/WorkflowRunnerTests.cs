using Bulwark.Backtest.Workflows;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests.Workflows;

public sealed class WorkflowRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FailingWorkflow_IsNamed_WhileTheOthersReturnTheirResults()
    {
        var equity = SampleBars.Read(output, "SAMPLE");
        if (equity is null) return;
        var crypto = SampleBars.Read(output, "BTC")!;
        var bonds = SampleBars.Read(output, "TLT")!;
        var options = new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["SAMPLE"] = new("SAMPLE", AssetClass.Equity),
                ["BTC"] = new("BTC", AssetClass.Crypto),
                ["TLT"] = new("TLT", AssetClass.Bond),
            },
            Cash = 10_000m,
            EnforceTradingHours = false,
        };
        var bars = equity.Concat(crypto).Concat(bonds).OrderBy(b => b.Time).ThenBy(b => b.Symbol, StringComparer.Ordinal).ToList();

        var workflows = WorkflowRunner.ByAssetClass(bars, options, symbols => symbols.Contains("BTC")
            ? throw new InvalidOperationException("the crypto model file is missing")
            : [new SmaCrossStrategy("sma-cross", symbols, 15)]);
        var outcomes = await WorkflowRunner.RunAsync(workflows, maxParallelism: 2, CancellationToken.None);

        Assert.Equal(["equity", "crypto", "bond"], outcomes.Select(o => o.Name));
        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("crypto", failed.Name);
        Assert.Equal(["BTC"], failed.Symbols);
        Assert.Contains("the crypto model file is missing", failed.Failure, StringComparison.Ordinal);
        // Each surviving workflow has its own account and only its own bars: the conformance result, twice.
        foreach (var ok in outcomes.Where(o => o.Succeeded))
        {
            Assert.Null(ok.Failure);
            Assert.Equal(10284.10m, Math.Round(ok.Result!.FinalValue, 2));
            Assert.Equal(6164.16m, Math.Round(ok.Result.Cash, 2));
            Assert.Equal(equity.Count, ok.Result.BarsProcessed);
            Assert.All(ok.Result.Orders, o => Assert.Equal(ok.Symbols[0], o.Symbol));
        }
    }

    [Fact]
    public async Task WorkflowWithoutBars_FailsAlone()
    {
        var bar = new Bar("SPY", new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), 10m, 11m, 9m, 10m, 100m, TimeSpan.FromDays(1));
        var options = new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["SPY"] = new("SPY", AssetClass.Equity),
                ["ETH"] = new("ETH", AssetClass.Crypto),
            },
            EnforceTradingHours = false,
        };

        var outcomes = await WorkflowRunner.RunAsync(
            WorkflowRunner.ByAssetClass([bar], options, symbols => [new SmaCrossStrategy("s", symbols, 2)]), 1, CancellationToken.None);

        Assert.True(outcomes.Single(o => o.Name == "equity").Succeeded);
        Assert.Equal("no bars for its symbols", outcomes.Single(o => o.Name == "crypto").Failure);
    }
}
