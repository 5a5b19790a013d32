using System.Diagnostics;
using Bulwark.Backtest;
using Bulwark.Backtest.Optimization;
using Bulwark.Core.Kernel;
using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Cli.Bench;

/// <summary>
/// Optimizer throughput: sma-cross with period 5..44 (40 backtests, in parallel on every core) on the 2006 sample
/// (shared/data/2006-day-001.txt, looked for from the current directory upwards), or, when it is not found, on 255
/// synthetic daily bars, which the result's name says. One warm-up grid run first (JIT, SQLite).
/// </summary>
internal static class OptimizeBenchmarks
{
    private const string SampleName = "2006-day-001.txt";

    public static async Task<BenchResult[]> RunAsync(CancellationToken cancellationToken)
    {
        var (bars, source) = Bars();
        var options = new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal) { [bars[0].Symbol] = new Instrument(bars[0].Symbol, AssetClass.Equity) },
            EnforceTradingHours = false,
        };
        await Optimizer.RunAsync(bars, "sma-cross", ParameterGrid.Parse(["period=5..8"]), options, null, cancellationToken).ConfigureAwait(false);

        var grid = ParameterGrid.Parse(["period=5..44"]);
        var started = Stopwatch.GetTimestamp();
        var rows = await Optimizer.RunAsync(bars, "sma-cross", grid, options, null, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (rows.Any(r => !r.Ok)) throw new InvalidOperationException($"optimize benchmark: a run failed: {rows.First(r => !r.Ok).Error}");
        return [new(source is null ? "optimize.runsPerSec" : "optimize.runsPerSec.synthetic", grid.Count / elapsed.TotalSeconds,
            source is null ? $"runs/s ({bars.Count} bars of {SampleName})" : $"runs/s ({source})")];
    }

    /// <summary>The sample's bars and null, or synthetic bars and why they were used.</summary>
    private static (IReadOnlyList<Bar> Bars, string? Synthetic) Bars()
    {
        var relative = Path.Combine("shared", "data", SampleName);
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, relative);
            if (!File.Exists(path)) continue;
            using var reader = File.OpenText(path);
            return (CsvBarReader.ReadAll(reader, path, "SAMPLE"), null);
        }
        var start = new DateTimeOffset(2006, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var feed = new SyntheticBarFeed(new SyntheticFeedOptions
        {
            Symbols = [new SyntheticSymbol("SYN", 100m)],
            Seed = 2006,
            Interval = TimeSpan.FromDays(1),
            Start = start,
            MaxBars = 255,
        }, new SimulatedTimeProvider(start));
        return ([.. feed.Generate()], $"255 synthetic daily bars; {relative} not found");
    }
}
