using System.Diagnostics;
using System.Globalization;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Storage;

namespace Bulwark.Cli.Bench;

/// <summary>
/// Signal-to-fill through the real kernel: kill-switch gate, audit event, risk, sizing, intent, router, venue,
/// fill processing, portfolio. Signals rotate over many symbols so no order is refused as still pending.
/// </summary>
internal static class KernelBenchmarks
{
    private const int Symbols = 1_000;

    public static async Task<BenchResult[]> DurableAsync(int signals, string directory, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var path = Path.Combine(directory, "bench-journal.db");
        await using var journal = await SqliteJournal.OpenAsync(path, time, ct).ConfigureAwait(false);
        var (kernel, _) = await StartAsync(journal, journal, time, ct).ConfigureAwait(false);
        await using (kernel.ConfigureAwait(false))
        {
            var before = kernel.State.LastSequence;
            var batch = Signals(signals);
            var sw = Stopwatch.StartNew();
            await SendSignalsAsync(kernel, batch, ct).ConfigureAwait(false);
            await kernel.FlushAsync(ct).ConfigureAwait(false);
            await kernel.FlushAsync(ct).ConfigureAwait(false); // fills posted by the last dispatches
            sw.Stop();
            var events = kernel.State.LastSequence - before;
            var fsyncs = FsyncProbe.MeasureFsyncsPerSecond(directory, TimeSpan.FromSeconds(2));
            await kernel.StopAsync(ct).ConfigureAwait(false);
            return
            [
                new("kernel.durableEventsPerSec", events / sw.Elapsed.TotalSeconds, "events/s"),
                new("kernel.durableSignalsPerSec", signals / sw.Elapsed.TotalSeconds, "signals/s"),
                new("disk.fsyncPerSec", fsyncs, "fsync/s"),
            ];
        }
    }

    public static async Task<BenchResult[]> InMemoryAsync(int signals, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var journal = new InMemoryEventJournal(retainEvents: false);
        var (kernel, _) = await StartAsync(journal, journal, time, ct).ConfigureAwait(false);
        await using (kernel.ConfigureAwait(false))
        {
            var batch = Signals(signals);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var sw = Stopwatch.StartNew();
            await SendSignalsAsync(kernel, batch, ct).ConfigureAwait(false);
            await kernel.FlushAsync(ct).ConfigureAwait(false);
            sw.Stop();
            return
            [
                new("kernel.inMemorySignalsPerSec", signals / sw.Elapsed.TotalSeconds, "signals/s"),
                new("kernel.inMemoryBytesPerSignal", (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)signals, "bytes"),
                new("kernel.inMemoryGen0PerMillionSignals", (GC.CollectionCount(0) - collections) * 1_000_000.0 / signals, "collections"),
            ];
        }
    }

    /// <summary>One signal at a time on an idle kernel: enqueue to the venue call, in microseconds.</summary>
    public static async Task<BenchResult[]> LatencyAsync(int samples, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var journal = new InMemoryEventJournal(retainEvents: false);
        var (kernel, _) = await StartAsync(journal, journal, time, ct).ConfigureAwait(false);
        await using (kernel.ConfigureAwait(false))
        {
            var warmup = Math.Min(samples, 20_000);
            kernel.Latency = new LatencyRecorder(warmup + samples);
            for (var i = 0; i < warmup + samples; i++)
            {
                if (i == warmup) kernel.Latency = new LatencyRecorder(samples);
                await kernel.SendSignalAsync(SignalFor(i), ct).ConfigureAwait(false);
                await kernel.FlushAsync(ct).ConfigureAwait(false);
            }
            return
            [
                new("kernel.signalToOrderP50", kernel.Latency.PercentileMicroseconds(50), "us"),
                new("kernel.signalToOrderP99", kernel.Latency.PercentileMicroseconds(99), "us"),
            ];
        }
    }

    private static async Task<(BotKernel Kernel, Dictionary<string, Instrument> Instruments)> StartAsync(
        IEventJournal journal, ISnapshotStore snapshots, TimeProvider time, CancellationToken ct)
    {
        var instruments = Enumerable.Range(0, Symbols).Select(i => new Instrument(Symbol(i), AssetClass.Crypto))
            .ToDictionary(i => i.Symbol, StringComparer.Ordinal);
        var options = new BotKernelOptions
        {
            BotId = "bench",
            Instruments = instruments,
            StartingCash = 1_000_000_000m,
            Sizing = new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 1m },
            SnapshotEveryEvents = int.MaxValue,
        };
        var kernel = new BotKernel(options, journal, snapshots, new InstantFillVenue(time), time);
        await kernel.StartAsync(ct).ConfigureAwait(false);
        for (var i = 0; i < Symbols; i++)
            await kernel.SendAsync(new MarketBar(new Bar(Symbol(i), time.GetUtcNow(), 100m, 100m, 100m, 100m, 1m, TimeSpan.FromMinutes(1))), ct).ConfigureAwait(false);
        await kernel.FlushAsync(ct).ConfigureAwait(false);
        return (kernel, instruments);
    }

    /// <summary>The signals are made before the clock starts: the figure is the kernel's, not the producer's.</summary>
    private static Signal[] Signals(int count)
    {
        var signals = new Signal[count];
        for (var i = 0; i < count; i++) signals[i] = SignalFor(i);
        return signals;
    }

    private static async Task SendSignalsAsync(BotKernel kernel, Signal[] signals, CancellationToken ct)
    {
        foreach (var signal in signals) await kernel.SendSignalAsync(signal, ct).ConfigureAwait(false);
    }

    /// <summary>Symbol i % N; each visit to a symbol flips between long and flat, so every signal makes an order.</summary>
    private static Signal SignalFor(int i)
    {
        var direction = (i / Symbols) % 2 == 0 ? SignalDirection.Long : SignalDirection.Flat;
        return new Signal(i.ToString(CultureInfo.InvariantCulture), "bench", Symbol(i % Symbols), direction, 1m, default);
    }

    private static string Symbol(int i) => "S" + i.ToString("D4", CultureInfo.InvariantCulture);
}
