using System.Collections.Concurrent;
using System.Diagnostics;
using Bulwark.Core.Execution;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>
/// One bot's single writer. Every message is handled on one logical thread; every decision becomes an event
/// that is applied to the in-memory projection at once (so later messages of the batch see it) and appended to
/// the journal in one group commit per batch. Nothing leaves the process (orders, cancels, queries, observers)
/// until the batch that caused it is durable: a crash before the commit loses only decisions nobody saw.
/// </summary>
public sealed partial class BotKernel : IVenueEventSink, IAsyncDisposable
{
    private readonly BotKernelOptions _options;
    private readonly IEventJournal _journal;
    private readonly ISnapshotStore _snapshots;
    private readonly IVenue _venue;
    private readonly TimeProvider _time;
    private readonly IStrategy[] _strategies;
    private readonly List<IKernelObserver> _observers = [];
    private readonly IntakeQueue _intake;
    private readonly ConcurrentQueue<KernelMessage> _venueQueue = new();
    private readonly List<JournaledEvent> _pending = [];
    private readonly List<OutboxItem> _outbox = [];
    private readonly List<TaskCompletionSource> _flushes = [];
    /// <summary>The last close seen per symbol (a box per symbol, so a bar writes it without hashing).</summary>
    private readonly SymbolMap<Mark> _marks = new();

    /// <summary>Per symbol, the strategies that handle it, in their order (asked once per symbol).</summary>
    private readonly SymbolMap<IStrategy[]> _strategiesBySymbol = new();
    private readonly OrderRouter _router;
    private readonly RiskEngine _risk;
    private readonly PositionSizer _sizer;
    private readonly FillValidator _validator;
    private readonly StrategyContext _strategyContext;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeZoneInfo _tradingZone;
    private readonly bool _hasMarginedInstruments;
    private KernelState _state = new();
    private DateTimeOffset _nextRollover = DateTimeOffset.MinValue;
    private long _eventsSinceSnapshot;
    private DateTimeOffset _lastSnapshotAt;
    private Task? _loop;
    private int _wakePending;

    /// <summary>Started with <see cref="StartDrivenAsync"/>: no loop; the driver calls <see cref="Step(in Model.Bar)"/>.</summary>
    private bool _driven;

    /// <summary>The engine clock as read at the start of the current slice of a batch.</summary>
    private DateTimeOffset _now;
    private string? _orderIdPrefix;
    private DateOnly _orderIdPrefixDate;

    public BotKernel(BotKernelOptions options, IEventJournal journal, ISnapshotStore snapshots, IVenue venue,
        TimeProvider time, IReadOnlyList<IStrategy>? strategies = null)
    {
        _options = options;
        _journal = journal;
        _snapshots = snapshots;
        _venue = venue;
        _time = time;
        _strategies = [.. strategies ?? []];
        _orderUpdateSources = OrderUpdateSources(_strategies);
        _strategySources = new HashSet<string>(_strategies.Select(s => s.Source), StringComparer.Ordinal);
        _protection = ProtectionBySource(_strategies);
        _atrPeriods = AtrPeriodsOf(_protection, options.Sizing);
        _trailsFromExtremes = TrailsFromExtremes(_protection);
        _checksBars = options.DataQuality.MaxJumpPercent is not null || options.DataQuality.StaleAfter is not null;
        _maxHold = MaxHoldBySource(_strategies);
        _sessionCalendars = SessionCalendars(options, _maxHold);
        _intake = new IntakeQueue(options.IntakeCapacity);
        _router = new OrderRouter(venue, options.Router, time, PostInternal);
        _risk = new RiskEngine(options.Risk);
        _sizer = new PositionSizer(options.Sizing);
        _covariance = options.Sizing.MaxPortfolioVolatilityPercent is null ? null : new ReturnCovariance();
        if (options.Sizing.PortfolioVolatilityTrimPercent is not null && _covariance is null)
            throw new ArgumentException("portfolioVolatilityTrimPercent " + SizingOptions.TrimNeedsACap, nameof(options));
        _tradingYear = Calendar.TradingYear.Widest(options.Instruments.Values.Select(i => i.Exchange));
        _validator = new FillValidator(options.FillValidation);
        _strategyContext = new StrategyContext(this);
        _tradingZone = TimeZoneInfo.FindSystemTimeZoneById(options.TradingTimeZone);
        _hasMarginedInstruments = options.Instruments.Values.Any(i => i.InitialMargin > 0m);
        _calendarBySymbol = ResolveCalendars(options);
        _calendars = [.. _calendarBySymbol.Values.Distinct()];
        _entryWindows = _calendars.Length > 0
                        && (options.TradingHours.NoEntriesAfterOpen > TimeSpan.Zero || options.TradingHours.NoEntriesBeforeClose > TimeSpan.Zero);
    }

    public string BotId => _options.BotId;

    /// <summary>True once recovery and reconciliation have finished and the loop accepts signals.</summary>
    public bool IsReady { get; private set; }

    /// <summary>The loop's task: completes when the kernel stops, faults when it fails fast.</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>The state, for tests and read-only views. Only safe to read on the kernel thread or after it stopped.</summary>
    public KernelState State => _state;

    /// <summary>The last reconciliation report (at start-up, or on request).</summary>
    public Reconciliation.ReconciliationReport? LastReconciliation { get; private set; }

    public LatencyRecorder? Latency { get; set; }

    public void AddObserver(IKernelObserver observer) => _observers.Add(observer);

    /// <summary>Queues a message, waiting while the intake is full. Safe from any thread.</summary>
    public ValueTask SendAsync(KernelMessage message, CancellationToken cancellationToken = default) =>
        _intake.WriteAsync(message, cancellationToken);

    /// <summary>Queues a signal, stamping it for latency measurement. Safe from any thread.</summary>
    public ValueTask SendSignalAsync(Model.Signal signal, CancellationToken cancellationToken = default) =>
        _intake.WriteAsync(new SubmitSignal(signal) { EnqueuedAt = Stopwatch.GetTimestamp() }, cancellationToken);

    /// <summary>Completes when everything queued so far is processed and durable.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(new Flush(done), cancellationToken).ConfigureAwait(false);
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    void IVenueEventSink.OnOrderUpdate(VenueOrderUpdate update) => PostInternal(new VenueUpdateReceived(update));

    void IVenueEventSink.OnFill(VenueFill fill) => PostInternal(new VenueFillReceived(fill));

    void IVenueEventSink.OnCashActivity(VenueCashActivity activity) => PostInternal(new VenueCashActivityReceived(activity));

    /// <summary>Venue events and router results: never blocked, never dropped; they wake the loop.</summary>
    private void PostInternal(KernelMessage message)
    {
        _venueQueue.Enqueue(message);
        if (_driven) return; // no loop to wake: the driver drains the queue within its step
        // One wake-up in flight is enough: the loop drains the whole queue when it handles it. Enqueue first,
        // then flag, so a drain that starts after the flag was cleared always sees this message.
        // Once the intake is completed the loop drains the queue on its way out.
        if (Interlocked.Exchange(ref _wakePending, 1) == 0 && !_intake.TryWriteUnbounded(WakeUp.Instance))
            Volatile.Write(ref _wakePending, 0);
    }

    /// <summary>Stops intake, drains what is queued, commits, snapshots.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _intake.Complete();
        if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (IsReady) await SnapshotAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _intake.Complete();
        if (!_stopping.IsCancellationRequested) await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try { await _loop.ConfigureAwait(false); }
            catch (Exception) { /* the failure was already observed through Completion */ }
        }
        _stopping.Dispose();
    }

    private async Task RunLoopAsync()
    {
        var reader = _intake.Reader;
        while (SpinForWork(reader) || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _now = _time.GetUtcNow();
            DrainVenueQueue();
            var handled = 0;
            var bounded = 0;
            while (handled < _options.MaxBatch && reader.TryRead(out var message))
            {
                if (message is not WakeUp) bounded++;
                Handle(message);
                handled++;
                if ((handled & 63) == 0)
                {
                    _now = _time.GetUtcNow(); // one clock read per few dozen messages: a batch takes microseconds
                    DrainVenueQueue();
                }
            }
            _intake.Consumed(bounded);
            DrainVenueQueue();
            await CommitAsync(_stopping.Token).ConfigureAwait(false);
        }
        _now = _time.GetUtcNow();
        DrainVenueQueue();
        await CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Under load the next message is usually a microsecond away: a short spin avoids parking the loop and
    /// paying a thread-pool wake-up per message. Gives up (and awaits) before it would yield the core.
    /// </summary>
    private static bool SpinForWork(System.Threading.Channels.ChannelReader<KernelMessage> reader)
    {
        var spinner = new SpinWait();
        while (!spinner.NextSpinWillYield)
        {
            if (reader.TryPeek(out _)) return true;
            spinner.SpinOnce();
        }
        return false;
    }

    private void DrainVenueQueue()
    {
        while (_venueQueue.TryDequeue(out var message)) Handle(message);
    }

    private void Handle(KernelMessage message)
    {
        var now = _now;
        RollDayIfDue(now);
        switch (message)
        {
            case SubmitSignal s: HandleSignal(s.Signal, s.EnqueuedAt, now); break;
            case MarketBar b: OnMarketBar(b.Bar, now); break;
            case RejectedBar r: HandleRejectedBar(r, now); break;
            case WarmUpBar w: WarmUp(w.Bar, now); break;
            case VenueFillReceived f: HandleFill(f.Fill, f.Recovered, now); break;
            case VenueUpdateReceived u: HandleUpdate(u.Update, now); break;
            case VenueCashActivityReceived a: HandleCashActivity(a.Activity, now); break;
            case SubmitCompleted c: HandleSubmitCompleted(c, now); break;
            case OrderQueryCompleted q: HandleQueryCompleted(q, now); break;
            case CancelCompleted c: HandleCancelCompleted(c, now); break;
            case SetTradingState t: HandleSetTradingState(t, now); break;
            case ClosePosition c: HandleSignal(new Model.Signal(c.RequestId, c.Source, c.Symbol, Model.SignalDirection.Flat, 1m, now), 0, now); break;
            case CancelOrder c: RequestCancel(c.ClientOrderId, c.Reason, now); break;
            case TimerTick:
                HandleTick(now);
                if (_options.DataQuality.StaleAfter is { } staleAfter) CheckStaleData(staleAfter, now);
                if (AnyFlatten) ContinueFlatten(now);
                if (!Flattening) CheckEndOfDay(now);
                break;
            case FlattenAll f: HandleFlattenAll(f, now); break;
            case FlattenSymbol f: HandleFlattenSymbol(f, now); break;
            case SetSymbolReduceOnly c: HandleSetSymbolReduceOnly(c, now); break;
            case Flush f: _flushes.Add(f.Done); break;
            case WakeUp:
                Volatile.Write(ref _wakePending, 0);
                DrainVenueQueue();
                break;
            default: throw new InvalidOperationException($"The kernel has no handler for {message.GetType().Name}.");
        }
        DeliverStrategyUpdates();
        ProtectIfDue(now);
    }

    /// <summary>Journals (group commit) then releases side effects. A failing journal stops the kernel: fail fast.</summary>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var batch = PendingBatch();
        if (batch is not null) await _journal.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        Release(batch, cancellationToken);
        if (SnapshotDue()) await SnapshotAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The events to append, or null when there are none.</summary>
    private IReadOnlyList<JournaledEvent>? PendingBatch() =>
        _pending.Count == 0 ? null
        // Observers may keep the batch, so they get a copy; the journal has consumed it when it returns.
        : _observers.Count > 0 ? _pending.ToArray() : _pending;

    /// <summary>After the batch is durable: tells observers, then lets the side effects it caused out.</summary>
    private void Release(IReadOnlyList<JournaledEvent>? batch, CancellationToken cancellationToken)
    {
        if (batch is not null)
        {
            _eventsSinceSnapshot += batch.Count;
            foreach (var o in _observers) o.OnCommitted(batch, _state);
            _pending.Clear();
        }
        foreach (var item in _outbox) Dispatch(item, cancellationToken);
        _outbox.Clear();
        foreach (var f in _flushes) f.TrySetResult();
        _flushes.Clear();
    }

    private bool SnapshotDue() =>
        _eventsSinceSnapshot >= _options.SnapshotEveryEvents && _time.GetUtcNow() - _lastSnapshotAt >= _options.MinSnapshotInterval;

    private void Dispatch(OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case OutboxKind.Submit:
                if (item.EnqueuedAt != 0) Latency?.Record(item.EnqueuedAt);
                _router.Submit(item.Request!, cancellationToken);
                break;
            case OutboxKind.Cancel: _router.Cancel(item.ClientOrderId, cancellationToken); break;
            case OutboxKind.Query: _router.Query(item.ClientOrderId, cancellationToken); break;
            default: throw new InvalidOperationException($"Unknown outbox item {item.Kind}.");
        }
    }

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        if (!_options.TakeSnapshots) return;
        var now = _time.GetUtcNow();
        var s = _state;
        var snapshot = new KernelSnapshot(s.LastSequence, now, s.TradingState, s.DailyRealizedPnl, s.ConsecutiveLosses,
            s.BreakerState(now), s.OpenPositionCount, KernelStateJson.Serialize(s));
        await _snapshots.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
        _eventsSinceSnapshot = 0;
        _lastSnapshotAt = now;
    }

    /// <summary>
    /// Journals and applies one event: the only way state changes. Stamps it with the current cause, applies it and
    /// queues it for the journal's next commit; returns its sequence.
    /// </summary>
    private long Emit(BotEvent e)
    {
        var sequence = _state.LastSequence + 1;
        e.CausedBy = _cause;
        StateProjector.Apply(_state, sequence, e);
        _pending.Add(new JournaledEvent(sequence, e));
        NoteStrategyUpdate(e, sequence);
        if (_protection.Count > 0) NoteProtection(e, sequence);
        return sequence;
    }

    /// <summary>
    /// The sequence of the event being acted on (see <see cref="BotEvent.CausedBy"/>), 0 while acting on an outside
    /// message. A handler that emits the event its work follows from sets it inside <c>using var cause = KeepCause();</c>,
    /// which puts the outer one back when the handler returns or throws.
    /// </summary>
    private long _cause;

    private CauseScope KeepCause() => new(this, _cause);

    /// <summary>Restores the kernel's cause on dispose (a struct: nothing allocated per handler).</summary>
    private readonly struct CauseScope(BotKernel kernel, long outer) : IDisposable
    {
        public void Dispose() => kernel._cause = outer;
    }

    private void HandleSetTradingState(SetTradingState t, DateTimeOffset now)
    {
        // A resume to the same state still counts when it gives failed strategies another go.
        var revives = t.State == TradingState.Active && _state.FailedStrategies.Count > 0;
        if (t.State != _state.TradingState || t.Reason != _state.TradingStateReason || revives)
            Emit(new TradingStateChanged(t.State, t.Reason) { Time = now });
        // Also when the bot already was in that state: the entries still working are what the operator wants gone.
        if (!t.CancelEntries || t.State == TradingState.Active) return;
        Emit(new EntriesCancelRequested(t.Reason) { Time = now });
        CancelRequestedEntries(now);
    }

    private void HandleTick(DateTimeOffset now)
    {
        if (_state.BreakerOpenUntil is { } until && now >= until)
            Emit(new CircuitBreakerReset("cooldown elapsed") { Time = now });
    }

    private void Alert(AlertSeverity severity, string code, string message, DateTimeOffset now, string correlationId = "") =>
        Emit(new AlertRaised(severity, code, message) { Time = now, CorrelationId = correlationId });

    private enum OutboxKind { Submit, Cancel, Query }

    private readonly record struct OutboxItem(OutboxKind Kind, string ClientOrderId, OrderRequest? Request, long EnqueuedAt);

    private sealed class Mark
    {
        public decimal Price { get; set; }
    }

    private sealed record WakeUp : KernelMessage
    {
        public static readonly WakeUp Instance = new();
    }
}
