using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli.Bench;

/// <summary>
/// What `bulwark backtest --data FILE` does with a file, timed without the process start: read and check the CSV, run
/// sma-cross (the catalog's default period) through the full pipeline with the equity curve kept for every bar, and
/// compute the metrics. The file is the synthetic minute walk of <see cref="BacktestBenchmarks"/>, written once to a
/// temporary directory with ISO date-times, as a data vendor would export it.
/// </summary>
internal static class CsvBacktestBenchmarks
{
    public const int DefaultBars = 2_000_000;

    public static async Task<BenchResult[]> RunAsync(int bars, string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, SyntheticMinuteBars.Symbol + ".csv");
        await WriteAsync(path, bars, cancellationToken).ConfigureAwait(false);
        await RunOnceAsync(path, cancellationToken).ConfigureAwait(false); // warm-up: JIT, tiering, the file in the page cache
        var started = Stopwatch.GetTimestamp();
        var (result, readSeconds) = await RunOnceAsync(path, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return
        [
            new("csv.readBarsPerSec", result.BarsProcessed / readSeconds, "bars/s read, checked and merged from a CSV file"),
            new("csv.backtestBarsPerSec", result.BarsProcessed / seconds,
                string.Create(CultureInfo.InvariantCulture,
                    $"bars/s of `backtest --data` on {result.BarsProcessed:N0} minute bars (read, sma-cross period {BacktestBenchmarks.DefaultPeriod}, metrics)")),
        ];
    }

    /// <summary>The command's work on the file; the result, with the seconds its first step (reading the file) took.</summary>
    private static async Task<(BacktestResult Result, double ReadSeconds)> RunOnceAsync(string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var inputs = BacktestInputs.Load([path]);
        var readSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var options = inputs.Options("CRYPTO", new AccountSettings(10_000m, 1m, 0m, BacktestFill.NextOpen, 1m, 0m), noCalendar: true);
        var result = await BacktestEngine.RunAsync(inputs.Bars,
            [new SmaCrossStrategy("sma-cross", inputs.Symbols, BacktestBenchmarks.DefaultPeriod)], options, cancellationToken).ConfigureAwait(false);
        _ = MetricsCalculator.Compute(result, inputs.Bars); // timed, not shown: the command computes them for every run
        return (result, readSeconds);
    }

    private static async Task WriteAsync(string path, int bars, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("Date,Open,High,Low,Close,Volume".AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var b in SyntheticMinuteBars.Generate(bars, seed: 2006))
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Time:yyyy-MM-dd'T'HH:mm:ss'Z'},{b.Open},{b.High},{b.Low},{b.Close},{b.Volume}").AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
