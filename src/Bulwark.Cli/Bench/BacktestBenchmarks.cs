using System.Diagnostics;
using System.Globalization;
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

    /// <summary>The catalog's default sma-cross period: the figure the target is read against.</summary>
    public const int DefaultPeriod = 10;

    /// <summary>
    /// Runs the figures. A <paramref name="period"/> other than <see cref="DefaultPeriod"/> changes how often the strategy
    /// trades (a long one hardly does), which separates what every bar costs from what each order costs.
    /// </summary>
    public static async Task<BenchResult[]> RunAsync(int bars, CancellationToken cancellationToken, int period = DefaultPeriod)
    {
        await RunOnceAsync(Math.Min(bars, 200_000), cancellationToken, period: period).ConfigureAwait(false); // warm-up: JIT, tiering
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var result = await RunOnceAsync(bars, cancellationToken, period: period).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        // The same bars through the venue and the kernel with no strategy: the data path alone, the figure other engines
        // quote as "data points per second" (no orders, so no order path).
        var dataStarted = Stopwatch.GetTimestamp();
        var data = await RunOnceAsync(bars, cancellationToken, withStrategy: false).ConfigureAwait(false);
        var dataSeconds = Stopwatch.GetElapsedTime(dataStarted).TotalSeconds;
        return
        [
            new("backtest.barsPerSec", result.BarsProcessed / seconds,
                string.Create(CultureInfo.InvariantCulture, $"bars/s (sma-cross period {period}, 1 thread, bar generation included)")),
            new("backtest.bars", result.BarsProcessed, "bars"),
            new("backtest.seconds", seconds, "s"),
            new("backtest.orders", result.Orders.Count, "orders"),
            new("backtest.gcPauseSeconds", (GC.GetTotalPauseDuration() - paused).TotalSeconds, "s the run was paused for garbage collection"),
            new("backtest.bytesPerBar", allocated / (double)result.BarsProcessed, "bytes allocated per bar"),
            new("backtest.gcPerMillionBars", (GC.CollectionCount(0) - gen0) * 1e6 / result.BarsProcessed,
                $"gen0 collections per million bars (gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2} in all)"),
            new("backtest.dataBarsPerSec", data.BarsProcessed / dataSeconds, "bars/s through venue and kernel with no strategy (data path only)"),
        ];
    }

    internal static Task<BacktestResult> RunOnceAsync(int bars, CancellationToken cancellationToken, bool withStrategy = true,
        int period = DefaultPeriod) =>
        BacktestEngine.RunAsync(SyntheticMinuteBars.Generate(bars, seed: 2006),
            withStrategy ? [new SmaCrossStrategy("sma-cross", [SyntheticMinuteBars.Symbol], period)] : [],
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
