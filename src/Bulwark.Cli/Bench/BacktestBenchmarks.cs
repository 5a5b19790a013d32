using System.Diagnostics;
using Bulwark.Backtest;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli.Bench;

/// <summary>
/// Backtest throughput: sma-cross (period 10, the catalog's default) over seeded synthetic one-minute bars, single-threaded,
/// through the full pipeline (in-memory paper venue matching, driven kernel, strategy, risk, journal, router). The
/// time includes generating the bars, which are streamed, never materialized; the equity curve is not kept.
/// </summary>
internal static class BacktestBenchmarks
{
    public const int DefaultBars = 10_000_000;

    public static async Task<BenchResult[]> RunAsync(int bars, CancellationToken cancellationToken)
    {
        await RunOnceAsync(Math.Min(bars, 200_000), cancellationToken).ConfigureAwait(false); // warm-up: JIT, tiering
        var started = Stopwatch.GetTimestamp();
        var result = await RunOnceAsync(bars, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return
        [
            new("backtest.barsPerSec", result.BarsProcessed / seconds, "bars/s (sma-cross, 1 thread, bar generation included)"),
            new("backtest.bars", result.BarsProcessed, "bars"),
            new("backtest.seconds", seconds, "s"),
            new("backtest.orders", result.Orders.Count, "orders"),
        ];
    }

    internal static Task<BacktestResult> RunOnceAsync(int bars, CancellationToken cancellationToken) =>
        BacktestEngine.RunAsync(SyntheticMinuteBars.Generate(bars, seed: 2006),
            [new SmaCrossStrategy("sma-cross", [SyntheticMinuteBars.Symbol], 10)],
            new BacktestOptions
            {
                Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
                {
                    [SyntheticMinuteBars.Symbol] = new Instrument(SyntheticMinuteBars.Symbol, AssetClass.Crypto),
                },
                EnforceTradingHours = false,
                EquityCurve = EquityCurveSampling.None,
            }, cancellationToken);
}
