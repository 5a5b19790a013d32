using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.MarketData;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;
using Bulwark.Host.Configuration;
using Bulwark.Storage;

namespace Bulwark.Host.Running;

/// <summary>
/// One running bot: its lock, journal, venue, kernel, market-data pump, timer and operator-command poller.
/// Start = recover and reconcile; stop = stop intake, drain, snapshot, release everything.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly BotLock _lock;
    private readonly SqliteJournal _journal;
    private readonly IVenue _venue;
    private readonly IBarFeed _feed;
    private readonly TimeProvider _time;
    private readonly SummaryObserver _summary = new();
    private readonly CancellationTokenSource _cts = new();
    private Task _pump = Task.CompletedTask;
    private Task _ticker = Task.CompletedTask;

    private BotHost(BotPaths paths, BotLock botLock, SqliteJournal journal, IVenue venue, IBarFeed feed, BotKernel kernel, TimeProvider time)
    {
        Paths = paths;
        _lock = botLock;
        _journal = journal;
        _venue = venue;
        _feed = feed;
        Kernel = kernel;
        _time = time;
        kernel.AddObserver(_summary);
    }

    public BotPaths Paths { get; }
    public BotKernel Kernel { get; }
    public BotSummary? Summary => _summary.Latest;

    /// <summary>Completes when the pump or the kernel stops by itself (feed ended or failure).</summary>
    public Task Completion => Task.WhenAny(_pump, Kernel.Completion).Unwrap();

    public static async Task<BotHost> StartAsync(BotConfig bot, IReadOnlyList<IStrategy> strategies, string dataDir,
        int snapshotEveryEvents, IReadOnlyDictionary<string, IExchangeCalendar> calendars, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var paths = new BotPaths(dataDir, bot.Id);
        var botLock = BotLock.TryAcquire(paths.Lock) ?? throw new BotAlreadyRunningException(bot.Id, paths.Lock);
        SqliteJournal? journal = null;
        IVenue? venue = null;
        try
        {
            journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
            var instruments = bot.InstrumentMap();
            venue = await VenueFactory.OpenAsync(bot.Venue, paths, instruments, time, cancellationToken).ConfigureAwait(false);
            var options = new BotKernelOptions
            {
                BotId = bot.Id,
                Instruments = instruments,
                StartingCash = bot.Venue.InitialCash,
                Currency = bot.Venue.Currency,
                Sizing = bot.Sizing,
                AllocationPercents = bot.AllocationPercents(),
                Risk = bot.Risk,
                FillValidation = bot.FillValidation,
                DataQuality = bot.DataQuality,
                Blackouts = bot.Blackouts?.Blackouts ?? Core.Risk.Blackouts.None,
                Router = new Core.Execution.RouterOptions
                {
                    SubmitTimeout = bot.Router.SubmitTimeout,
                    MaxAttempts = bot.Router.MaxAttempts,
                    Backoff = bot.Router.Backoff,
                },
                SnapshotEveryEvents = snapshotEveryEvents,
                TradingHours = bot.TradingHours.ToOptions(bot.Strategies),
                Calendars = calendars,
            };
            var kernel = new BotKernel(options, journal, journal, venue, time, strategies);
            var host = new BotHost(paths, botLock, journal, venue, FeedFactory.Create(bot.Feed, time, FeedTick(bot)), kernel, time);
            await kernel.StartAsync(cancellationToken).ConfigureAwait(false);
            await host.SaveReconciliationAsync(cancellationToken).ConfigureAwait(false);
            await host.ApplyPendingCommandsAsync(cancellationToken).ConfigureAwait(false);
            host._ticker = host.TickAsync(host._cts.Token);
            host._pump = host.PumpAsync(host._cts.Token);
            return host;
        }
        catch
        {
            if (venue is IAsyncDisposable v) await v.DisposeAsync().ConfigureAwait(false);
            if (journal is not null) await journal.DisposeAsync().ConfigureAwait(false);
            botLock.Dispose();
            throw;
        }
    }

    private async Task SaveReconciliationAsync(CancellationToken cancellationToken)
    {
        if (Kernel.LastReconciliation is not { } report) return;
        await _journal.SaveReconciliationReportAsync(report.Time, report.InSync, report.Discrepancies.Count,
            ReconciliationJson.Serialize(report), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Bars of the feed the simulated venue had already seen (their time): a replayed feed (a CSV file) starts from its
    /// first bar again after a restart. They warm the strategies up instead of being traded a second time.
    /// </summary>
    public long ReplayedBarsSkipped => Interlocked.Read(ref _replayedBarsSkipped);

    private long _replayedBarsSkipped;

    /// <summary>
    /// Market data: the venue matches resting orders on the bar first, then the kernel sees it. With a simulated venue and
    /// a feed that replays history (<see cref="IBarFeed.ReplaysHistory"/>), a bar that closes no later than the last bar
    /// the venue matched for its symbol (kept across restarts) is history:
    /// the market does not go back in time, so it goes to the strategies as a <see cref="WarmUpBar"/> only, and the
    /// replay resumes trading where the bot left it.
    /// </summary>
    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            var simulated = _venue as IMarketDrivenVenue;
            var seen = simulated is null || !_feed.ReplaysHistory ? new Dictionary<string, DateTimeOffset>()
                : await simulated.GetLastBarTimesAsync(cancellationToken).ConfigureAwait(false);
            bool IsHistory(Core.Model.Bar bar) => seen.TryGetValue(bar.Symbol, out var last) && bar.CloseTime <= last;
            var bars = seen.Count > 0 ? _feed.ReadAsync(IsHistory, cancellationToken) : _feed.ReadAsync(cancellationToken);
            var gate = new BarGate();
            await foreach (var bar in bars.ConfigureAwait(false))
            {
                if (seen.Count > 0 && IsHistory(bar))
                {
                    Interlocked.Increment(ref _replayedBarsSkipped);
                    await Kernel.SendAsync(new WarmUpBar(bar), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // Bad data reaches neither the venue nor the strategies: the kernel journals it and stops the symbol.
                if (gate.Check(bar) is { } problem)
                {
                    await Kernel.SendAsync(new RejectedBar(bar, problem), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (simulated is not null) await simulated.OnBarAsync(bar, cancellationToken).ConfigureAwait(false);
                await Kernel.SendAsync(new MarketBar(bar), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Timer ticks, and operator commands queued by another process (kill/resume within a second).</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await Kernel.SendAsync(new TimerTick(), cancellationToken).ConfigureAwait(false);
                await ApplyPendingCommandsAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies queued operator commands; each is marked done only after the kernel journaled it.</summary>
    private async Task ApplyPendingCommandsAsync(CancellationToken cancellationToken)
    {
        var commands = await _journal.ReadPendingControlCommandsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var c in commands)
        {
            var (kind, symbol, cancelEntries) = OperatorCommand.Split(c.Kind);
            if (kind == OperatorCommand.Flatten)
                await Kernel.SendAsync(symbol is null ? new FlattenAll(c.Reason) : new FlattenSymbol(symbol, c.Reason), cancellationToken).ConfigureAwait(false);
            else if (OperatorCommand.TryParseKind(kind, out var state))
            {
                // A symbol is made reduce-only or resumed; it is never halted alone (kill is the whole bot's).
                KernelMessage? message = symbol is null ? new SetTradingState(state, c.Reason) { CancelEntries = cancelEntries }
                    : state == TradingState.Halted ? null
                    : new SetSymbolReduceOnly(symbol, state == TradingState.Reducing, c.Reason);
                if (message is not null) await Kernel.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            await Kernel.FlushAsync(cancellationToken).ConfigureAwait(false);
            await _journal.MarkControlCommandProcessedAsync(c.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Graceful stop: no more data or ticks, drain the kernel, snapshot, close.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pump, _ticker).ConfigureAwait(false);
        await Kernel.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_cts.IsCancellationRequested) await _cts.CancelAsync().ConfigureAwait(false);
        try { await Task.WhenAll(_pump, _ticker).ConfigureAwait(false); }
        catch (Exception) { /* already reported through Completion */ }
        await Kernel.DisposeAsync().ConfigureAwait(false);
        if (_venue is IAsyncDisposable v) await v.DisposeAsync().ConfigureAwait(false);
        await _journal.DisposeAsync().ConfigureAwait(false);
        _lock.Dispose();
        _cts.Dispose();
    }

    /// <summary>The finest tick of the instruments a synthetic feed quotes (a cent when none is configured for them).</summary>
    private static decimal FeedTick(BotConfig bot)
    {
        var quoted = bot.Feed.Symbols.Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        var ticks = bot.Instruments.Where(i => quoted.Contains(i.Symbol)).Select(i => i.TickSize).ToList();
        return ticks.Count > 0 ? ticks.Min() : Core.Model.Instrument.DefaultTickSize;
    }
}
