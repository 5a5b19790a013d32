using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Reconciliation;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Start-up and crash recovery are one path: snapshot + replay, then settle with the venue (its fills are truth,
/// unacknowledged intents are asked about, never resent), reconcile, and only then open the intake.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Recovers state from the journal; no venue contact. Used by read-only views too.</summary>
    public static async Task<(KernelState State, long Replayed, long SnapshotSequence)> LoadStateAsync(
        IEventJournal journal, ISnapshotStore snapshots, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.LoadLatestAsync(cancellationToken).ConfigureAwait(false);
        var state = snapshot is null ? new KernelState() : KernelStateJson.Deserialize(snapshot.StateJson);
        long replayed = 0;
        await foreach (var e in journal.ReadAsync(state.LastSequence, cancellationToken).ConfigureAwait(false))
        {
            StateProjector.Apply(state, e.Sequence, e.Event);
            replayed++;
        }
        return (state, replayed, snapshot?.Sequence ?? 0);
    }

    /// <summary>Recovers, settles with the venue, reconciles, then starts the loop. Signals queue until then.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        IsReady = true;
        _loop = Task.Run(RunLoopAsync, CancellationToken.None);
    }

    /// <summary>Recovery, settlement with the venue and reconciliation, committed and snapshotted: both start modes.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null || IsReady) throw new InvalidOperationException("The kernel is already started.");
        var (state, replayed, snapshotSequence) = await LoadStateAsync(_journal, _snapshots, cancellationToken).ConfigureAwait(false);
        _state = state;
        _lastSnapshotAt = _time.GetUtcNow();
        var now = _time.GetUtcNow();
        if (_state.LastSequence == 0)
            Emit(new AccountInitialized(_options.BotId, _options.StartingCash, _options.Currency, _options.TradingTimeZone) { Time = now });
        else if (_state.BotId != _options.BotId)
            throw new InvalidOperationException($"The journal belongs to bot '{_state.BotId}', not '{_options.BotId}'.");
        RollDay(now);
        Emit(new BotStarted(_options.BotId, replayed, snapshotSequence) { Time = now });

        _venue.Subscribe(this);
        await SettleWithVenueAsync(now, cancellationToken).ConfigureAwait(false);
        _now = now;
        // A flatten the operator asked for while the bot was down (or that a crash interrupted) goes on at once, reconciled.
        if (AnyFlatten) ContinueFlatten(now);
        // So do the operator's cancels of working entries asked for while the bot was down.
        if (_state.CancelEntriesReason is not null) CancelRequestedEntries(now);
        // Strategies hear what recovery learned about their orders only now, once the bot is reconciled (a halt denies their reactions).
        DeliverStrategyUpdates();
        await CommitAsync(cancellationToken).ConfigureAwait(false);
        await SnapshotAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SettleWithVenueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // 1. Fills the venue made while we were not looking. They are truth; duplicates are skipped by trade id.
        var fills = await _venue.GetFillsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var fill in fills)
            if (fill.ClientOrderId.StartsWith(_options.OrderIdPrefix, StringComparison.Ordinal))
                HandleFill(fill, recovered: true, now);

        // 1b. Cash the venue booked without an order (financing) while we were not looking, after the last we applied.
        var activities = await _venue.GetCashActivitiesAsync(_state.LastCashActivitySequence, cancellationToken).ConfigureAwait(false);
        foreach (var activity in activities) HandleCashActivity(activity, now);

        // 2. Every order we believe may be live: ask the venue by ClientOrderId and adopt its answer.
        var live = _state.Orders.Values.Where(o => o.Status.IsOpen() || o.Status == OrderStatus.Initialized)
            .OrderBy(o => o.OrderSequence).ToList();
        foreach (var order in live)
        {
            if (order.Status == OrderStatus.Initialized)
            {
                // Journaled as an intent but never handed to the router: it never left. Deny it; do not send late.
                Emit(new OrderDenied(order.ClientOrderId, DenyReason.NotReady, "intent found unsent at recovery") { Time = now, CorrelationId = order.ClientOrderId });
                continue;
            }
            var venueOrder = await _venue.GetOrderAsync(order.ClientOrderId, cancellationToken).ConfigureAwait(false);
            AdoptVenueView(order, venueOrder, now);
            // A cancel we asked for before the crash may never have arrived; cancels are idempotent, so ask again.
            if (order.Status == OrderStatus.PendingCancel && venueOrder is { Status: OrderStatus.Accepted or OrderStatus.PartiallyFilled })
                _outbox.Add(new OutboxItem(OutboxKind.Cancel, order.ClientOrderId, null, 0));
        }

        // 3. Compare positions and open orders. A difference is reported and halts trading; it is not fixed. A cash
        //    difference is reported and alerted, and trading goes on: deposits and fees move the venue's cash too.
        var positions = await _venue.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        var open = await _venue.GetOrdersAsync(openOnly: true, cancellationToken).ConfigureAwait(false);
        var cash = await _venue.GetAccountCashAsync(cancellationToken).ConfigureAwait(false);
        var report = Reconciler.Compare(_state, _options.OrderIdPrefix, positions, open, now, cash);
        LastReconciliation = report;
        var reconciled = Emit(new ReconciliationCompleted(report.InSync, report.Discrepancies) { Time = now, Warnings = report.Warnings });
        if (report.Warnings.Count > 0)
        {
            using var cause = KeepCause();
            _cause = reconciled;
            Alert(AlertSeverity.Warning, "ReconciliationWarning", string.Join("; ", report.Warnings), now);
        }
        if (!report.InSync)
        {
            using var cause = KeepCause();
            _cause = reconciled; // the alert and the halt follow from the report
            Alert(AlertSeverity.Critical, "ReconciliationFailed", string.Join("; ", report.Discrepancies), now);
            if (_state.TradingState != TradingState.Halted)
                Emit(new TradingStateChanged(TradingState.Halted, "start-up reconciliation found discrepancies; resume after review") { Time = now });
        }
    }
}
