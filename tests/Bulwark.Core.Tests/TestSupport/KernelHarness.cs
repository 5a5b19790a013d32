using Bulwark.Core.Calendar;
using Bulwark.Core.Execution;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.TestSupport;

/// <summary>A kernel wired to an in-memory journal, a fake venue and a manual clock, with helpers to drive it.</summary>
internal sealed class KernelHarness : IAsyncDisposable
{
    /// <summary>Tuesday 5 March 2024, 10:00 in New York (EST, UTC-5).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private KernelHarness(BotKernelOptions options, DateTimeOffset start, IReadOnlyList<IStrategy>? strategies = null)
    {
        Options = options;
        Strategies = strategies ?? [];
        Time = new ManualTimeProvider(start);
        Venue = new FakeVenue(Time);
        Journal = new InMemoryEventJournal();
        Kernel = NewKernel();
    }

    public BotKernelOptions Options { get; }
    public IReadOnlyList<IStrategy> Strategies { get; private set; }
    public ManualTimeProvider Time { get; }
    public FakeVenue Venue { get; }
    public InMemoryEventJournal Journal { get; }
    public BotKernel Kernel { get; private set; }

    public static BotKernelOptions DefaultOptions() => new()
    {
        BotId = "bot",
        Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
        {
            ["AAPL"] = new("AAPL", AssetClass.Equity),
            ["MSFT"] = new("MSFT", AssetClass.Equity),
        },
        Sizing = new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 10m },
        Router = new RouterOptions { Backoff = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 },
        // These tests are about the pipeline, not the clock on the wall; trading-hours tests turn this on.
        TradingHours = new TradingHoursOptions { Enforce = false },
    };

    public static async Task<KernelHarness> StartAsync(Func<BotKernelOptions, BotKernelOptions>? configure = null,
        DateTimeOffset? start = null, IReadOnlyList<IStrategy>? strategies = null)
    {
        var options = DefaultOptions();
        if (configure is not null) options = configure(options);
        var h = new KernelHarness(options, start ?? DefaultStart, strategies);
        await h.Kernel.StartAsync(CancellationToken.None);
        return h;
    }

    /// <summary>
    /// Stops the kernel (as a crash would leave things: what the venue does next goes unseen) and starts a new one on the
    /// same journal; with <paramref name="strategies"/>, new strategy instances as a new process would have.
    /// </summary>
    public async Task RestartAsync(Action? whileDown = null, IReadOnlyList<IStrategy>? strategies = null)
    {
        await Kernel.StopAsync();
        await Kernel.DisposeAsync();
        whileDown?.Invoke();
        if (strategies is not null) Strategies = strategies;
        Kernel = NewKernel();
        await Kernel.StartAsync(CancellationToken.None);
    }

    public IReadOnlyList<BotEvent> Events => [.. Journal.Events.Select(e => e.Event)];

    public IReadOnlyList<T> EventsOf<T>() where T : BotEvent => [.. Journal.Events.Select(e => e.Event).OfType<T>()];

    public KernelState State => Kernel.State;

    public async Task BarAsync(string symbol, decimal close)
    {
        var now = Time.GetUtcNow();
        await Kernel.SendAsync(new MarketBar(new Bar(symbol, now, close, close, close, close, 1_000m, TimeSpan.FromMinutes(1))));
    }

    /// <summary>Sends a bar with its own range (e.g. for the ATR).</summary>
    public Task BarAsync(string symbol, decimal high, decimal low, decimal close) =>
        Kernel.SendAsync(new MarketBar(new Bar(symbol, Time.GetUtcNow(), close, high, low, close, 1_000m, TimeSpan.FromMinutes(1)))).AsTask();

    public Task SignalAsync(string id, string symbol, SignalDirection direction, decimal strength = 1m,
        decimal? target = null, string source = "test") =>
        Kernel.SendSignalAsync(new Signal(id, source, symbol, direction, strength, Time.GetUtcNow(), target)).AsTask();

    public Task SendAsync(KernelMessage message) => Kernel.SendAsync(message).AsTask();

    /// <summary>Flushes until the journal stops growing: venue answers and router results queued meanwhile are handled too.</summary>
    public async Task SettleAsync()
    {
        var until = DateTime.UtcNow + Deadline;
        var last = -1L;
        var quietRounds = 0;
        while (quietRounds < 3)
        {
            await FlushAsync();
            var now = Journal.LastSequence;
            quietRounds = now == last ? quietRounds + 1 : 0;
            last = now;
            if (DateTime.UtcNow > until) throw new TimeoutException("The kernel did not settle.");
        }
    }

    /// <summary>Flushes until <paramref name="condition"/> holds, or fails after a deadline.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            await FlushAsync();
            if (condition()) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Yield();
        }
    }

    /// <summary>Flushes, failing at once (with the kernel's own exception) if the loop has died.</summary>
    public async Task FlushAsync()
    {
        var flush = Kernel.FlushAsync();
        var first = await Task.WhenAny(flush, Kernel.Completion).WaitAsync(Deadline);
        if (first != flush && Kernel.Completion.IsFaulted)
            throw new InvalidOperationException("The kernel loop failed.", Kernel.Completion.Exception!.InnerException);
        await flush.WaitAsync(Deadline);
    }

    public Task UntilEventAsync<T>(Func<T, bool>? match = null) where T : BotEvent =>
        UntilAsync(() => EventsOf<T>().Any(e => match is null || match(e)), typeof(T).Name);

    /// <summary>Opens a position by sending a signal and letting the venue fill it completely at <paramref name="price"/>.</summary>
    public async Task<string> OpenAsync(string signalId, string symbol, SignalDirection direction, decimal price, decimal? target = null)
    {
        await BarAsync(symbol, price);
        await SignalAsync(signalId, symbol, direction, target: target);
        await UntilEventAsync<OrderAccepted>(e => OrderOf(signalId) == e.ClientOrderId);
        var id = OrderOf(signalId);
        var order = Venue.Order(id)!;
        Venue.PushFill(id, order.Quantity, price);
        await UntilEventAsync<OrderFilled>(e => e.ClientOrderId == id);
        return id;
    }

    /// <summary>The ClientOrderId issued for a signal.</summary>
    public string OrderOf(string signalId) =>
        EventsOf<OrderInitialized>().SingleOrDefault(e => e.SignalId == signalId)?.ClientOrderId ?? "";

    public async ValueTask DisposeAsync()
    {
        await Kernel.StopAsync();
        await Kernel.DisposeAsync();
    }

    private BotKernel NewKernel() => new(Options, Journal, Journal, Venue, Time, Strategies);
}
