using System.CommandLine;
using System.Globalization;
using Bulwark.Cli.Bench;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark bench [--json]`: the engine's throughput and latency figures on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var signals = new Option<int>("--signals") { Description = "Signals per throughput run", DefaultValueFactory = _ => 200_000 };
        var only = new Option<string?>("--only") { Description = "Run one group: durable, memory, latency, calendar, optimize, backtest or csv" };
        only.AcceptOnlyFromAmong("durable", "memory", "latency", "calendar", "optimize", "backtest", "csv");
        var bars = new Option<int?>("--bars") { Description = $"Synthetic bars of the backtest run (default {BacktestBenchmarks.DefaultBars:N0}; the csv run: {CsvBacktestBenchmarks.DefaultBars:N0})" };
        var period = new Option<int>("--period")
        {
            Description = "sma-cross period of the backtest run (a long one hardly trades: the cost of a bar without orders)",
            DefaultValueFactory = _ => BacktestBenchmarks.DefaultPeriod,
        };
        var command = new Command("bench", "Measure durable and in-memory throughput, fsync rate, signal-to-order latency, calendar queries, optimizer runs and backtest bars") { json, signals, only, bars, period };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(signals);
            if (n < 1_000) throw new UsageException("--signals must be at least 1000");
            var barCount = parse.GetValue(bars);
            if (barCount < 10_000) throw new UsageException("--bars must be at least 10000");
            if (parse.GetValue(period) < 1) throw new UsageException("--period must be at least 1");
            var dir = Directory.CreateTempSubdirectory("bulwark-bench-").FullName;
            try
            {
                var results = new List<BenchResult>();
                var group = parse.GetValue(only);
                if (group is null or "durable") results.AddRange(await KernelBenchmarks.DurableAsync(n, dir, ct).ConfigureAwait(false));
                if (group is null or "memory") results.AddRange(await KernelBenchmarks.InMemoryAsync(n * 5, ct).ConfigureAwait(false));
                if (group is null or "latency") results.AddRange(await KernelBenchmarks.LatencyAsync(50_000, ct).ConfigureAwait(false));
                if (group is null or "calendar") results.AddRange(CalendarBenchmarks.Run());
                if (group is null or "optimize") results.AddRange(await OptimizeBenchmarks.RunAsync(ct).ConfigureAwait(false));
                // ~35 s on the reference machine, so only on request (--only backtest); the default run stays short.
                if (group is "backtest") results.AddRange(await BacktestBenchmarks.RunAsync(barCount ?? BacktestBenchmarks.DefaultBars, ct, parse.GetValue(period)).ConfigureAwait(false));
                // The file a trader hands `backtest --data`: ~110 MB written to the temporary directory, so also on request.
                if (group is "csv") results.AddRange(await CsvBacktestBenchmarks.RunAsync(barCount ?? CsvBacktestBenchmarks.DefaultBars, dir, ct).ConfigureAwait(false));
                if (parse.GetValue(json)) JsonOutput.Write(new { results });
                else foreach (var r in results) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-32} {r.Value,14:N1} {r.Unit}"));
                return ExitCodes.Ok;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        });
        return command;
    }
}
