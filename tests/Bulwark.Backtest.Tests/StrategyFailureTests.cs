using Bulwark.Backtest.Workflows;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// A strategy that throws is switched off by the kernel, which carries on; a backtest must not pass the rest of the run
/// off as the strategy's result.
/// </summary>
public sealed class StrategyFailureTests
{
    private static readonly Instrument Spy = new("SPY", AssetClass.Equity);
    private static readonly Instrument Btc = new("BTC", AssetClass.Crypto);

    [Fact]
    public async Task Backtest_WhoseStrategyThrows_ReportsTheFailureWithWhereAndWhen()
    {
        var bars = Bars("SPY", 10);

        var result = await BacktestEngine.RunAsync(bars, [new ThrowsOnBar("boom", failAt: 4)], Options(Spy), CancellationToken.None);

        var failure = Assert.Single(result.StrategyFailures);
        Assert.StartsWith($"boom on SPY at {bars[3].Time:O}: InvalidOperationException: bar 4 broke it", failure, StringComparison.Ordinal);
        Assert.Equal(10, result.BarsProcessed); // the run itself went on to the end
    }

    [Fact]
    public async Task Workflows_OneStrategyThrowingFailsOnlyItsWorkflow()
    {
        var bars = Bars("SPY", 10).Concat(Bars("BTC", 10)).OrderBy(b => b.Time).ThenBy(b => b.Symbol, StringComparer.Ordinal).ToList();
        var options = Options(Spy) with { Instruments = new Dictionary<string, Instrument> { ["SPY"] = Spy, ["BTC"] = Btc } };

        var outcomes = await WorkflowRunner.RunAsync(WorkflowRunner.ByAssetClass(bars, options, symbols => symbols.Contains("BTC")
            ? [new ThrowsOnBar("crypto-model", failAt: 2)]
            : [new SmaCrossStrategy("equity-model", symbols, 3)]), 2, CancellationToken.None);

        Assert.True(outcomes.Single(o => o.Name == "equity").Succeeded);
        var crypto = outcomes.Single(o => o.Name == "crypto");
        Assert.False(crypto.Succeeded);
        Assert.Contains("strategy failed: crypto-model on BTC", crypto.Failure, StringComparison.Ordinal);
    }

    private static BacktestOptions Options(Instrument instrument) => new()
    {
        Instruments = new Dictionary<string, Instrument> { [instrument.Symbol] = instrument },
        EnforceTradingHours = false,
    };

    private static List<Bar> Bars(string symbol, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Bar(symbol, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i),
            10m + i, 11m + i, 9m + i, 10.5m + i, 100m, TimeSpan.FromDays(1)))];

    private sealed class ThrowsOnBar(string source, int failAt) : IStrategy
    {
        private int _bars;
        public string Source => source;
        public bool Handles(string symbol) => true;

        public void OnBar(in Bar bar, IStrategyContext context)
        {
            if (++_bars == failAt) throw new InvalidOperationException($"bar {failAt} broke it");
        }
    }
}
