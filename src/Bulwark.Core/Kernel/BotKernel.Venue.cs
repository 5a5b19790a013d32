using System.Globalization;
using Bulwark.Core.Execution;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>What venues and the router report: fills, acknowledgments, rejections, cancels, unknown outcomes.</summary>
public sealed partial class BotKernel
{
    private const FillIssues CriticalFillIssues = FillIssues.UnknownOrder | FillIssues.Overfill | FillIssues.SideMismatch
        | FillIssues.SymbolMismatch | FillIssues.NonPositivePrice | FillIssues.NonPositiveQuantity;

    /// <summary>Applies a fill; its alert, halt or breaker trip follow from its <see cref="OrderFilled"/>.</summary>
    private void HandleFill(VenueFill fill, bool recovered, DateTimeOffset now)
    {
        using var cause = KeepCause();
        if (_state.IsAppliedFill(fill.ClientOrderId, fill.VenueTradeId))
        {
            // A re-delivery. Recovery re-reads every fill of the venue; only live duplicates are worth an event.
            if (!recovered) Emit(new FillDuplicateIgnored(fill.ClientOrderId, fill.VenueTradeId) { Time = now, CorrelationId = fill.ClientOrderId });
            return;
        }
        if (!fill.ClientOrderId.StartsWith(_options.OrderIdPrefix, StringComparison.Ordinal))
        {
            Alert(AlertSeverity.Warning, "ForeignFill", $"fill {fill.VenueTradeId} is for order {fill.ClientOrderId}, not placed by this bot; not applied", now);
            return;
        }
        _state.Orders.TryGetValue(fill.ClientOrderId, out var order);
        var issues = _validator.Validate(fill, order, now);
        var known = _options.Instruments.TryGetValue(fill.Symbol, out var instrument);
        _cause = Emit(new OrderFilled(fill.ClientOrderId, fill.VenueTradeId, fill.Symbol, fill.Side, fill.Quantity, fill.Price,
            fill.Commission, fill.Time, issues, recovered)
        {
            Time = now,
            CorrelationId = fill.ClientOrderId,
            Multiplier = known ? instrument!.Multiplier : 1m,
            InitialMargin = known ? instrument!.InitialMargin : 0m,
            Slippage = fill.Slippage,
        });

        if (issues != FillIssues.None)
        {
            var critical = (issues & CriticalFillIssues) != 0;
            // Slippage says by how much, against what: on bars, a gap from the signal's close to the next open is one.
            var slipped = (issues & FillIssues.Slippage) != 0 && order is not null
                ? string.Create(CultureInfo.InvariantCulture,
                    $" ({FillValidator.SlippagePercent(order, fill.Price):0.##}% worse than the expected {order.ExpectedPrice}; fillValidation.maxSlippagePercent {_validator.Options.MaxSlippagePercent})")
                : "";
            Alert(critical ? AlertSeverity.Critical : AlertSeverity.Warning, "FillValidation", string.Create(CultureInfo.InvariantCulture,
                $"fill {fill.VenueTradeId} of {fill.ClientOrderId} ({fill.Quantity} {fill.Symbol} @ {fill.Price}) failed: {issues}{slipped}; applied anyway"),
                now, fill.ClientOrderId);
            if (critical && _state.TradingState == TradingState.Active)
                Emit(new TradingStateChanged(TradingState.Reducing, $"fill {fill.VenueTradeId} failed validation: {issues}") { Time = now });
        }
        TripBreakerIfDue(now);
    }

    /// <summary>
    /// Applies cash the venue booked without an order (a position's financing), once: an activity at or before the last
    /// one applied is a re-delivery, or recovery re-reading what the push already brought.
    /// </summary>
    private void HandleCashActivity(VenueCashActivity activity, DateTimeOffset now)
    {
        if (activity.Sequence <= _state.LastCashActivitySequence) return;
        using var cause = KeepCause();
        _cause = Emit(new CashActivityRecorded(activity.Sequence, activity.ActivityId, activity.Kind, activity.Symbol,
            activity.Amount, activity.Time, activity.Description) { Time = now, CorrelationId = activity.ActivityId });
        TripBreakerIfDue(now);
    }

    /// <summary>Trips the circuit breaker when what just happened (a fill, a charge) reached a risk limit and it is closed.</summary>
    private void TripBreakerIfDue(DateTimeOffset now)
    {
        var trip = _risk.TripReason(_state);
        if (trip is not null && !(_state.BreakerOpenUntil > now))
            Emit(new CircuitBreakerTripped(now + _options.Risk.BreakerCooldown, trip) { Time = now });
    }

    private void HandleUpdate(VenueOrderUpdate update, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(update.ClientOrderId, out var order))
        {
            if (update.ClientOrderId.StartsWith(_options.OrderIdPrefix, StringComparison.Ordinal))
                Alert(AlertSeverity.Warning, "UnknownOrderUpdate", $"{update.Kind} for unknown order {update.ClientOrderId}", now);
            return;
        }
        switch (update.Kind)
        {
            case VenueOrderUpdateKind.Accepted:
                Acknowledge(order, update.VenueOrderId ?? "", now);
                break;
            case VenueOrderUpdateKind.Rejected:
                Reject(order, update.RejectCode, update.Message ?? "rejected by the venue", now);
                break;
            case VenueOrderUpdateKind.Canceled:
                EndOrder(order, OrderTrigger.Cancel, now);
                break;
            case VenueOrderUpdateKind.Expired:
                EndOrder(order, OrderTrigger.Expire, now);
                break;
            case VenueOrderUpdateKind.CancelRejected:
                if (order.Status == OrderStatus.PendingCancel)
                    Emit(new OrderCancelRejected(order.ClientOrderId, update.Message ?? "") { Time = now, CorrelationId = order.ClientOrderId });
                break;
            default:
                throw new InvalidOperationException($"Unknown venue update kind {update.Kind}.");
        }
    }

    private void Acknowledge(Order order, string venueOrderId, DateTimeOffset now)
    {
        // Duplicate acks and acks that trail the first fill change nothing but the venue id.
        if (order.Status != OrderStatus.Submitted && order.VenueOrderId is not null) return;
        if (!OrderStateMachine.TryNext(order.Status, OrderTrigger.Accept, out _)) return;
        Emit(new OrderAccepted(order.ClientOrderId, venueOrderId) { Time = now, CorrelationId = order.ClientOrderId });
    }

    private void Reject(Order order, VenueRejectCode code, string detail, DateTimeOffset now)
    {
        if (code == VenueRejectCode.DuplicateClientOrderId)
        {
            // The venue already has this id: our order exists there. Never let this change the original's state.
            Alert(AlertSeverity.Critical, "DuplicateClientOrderId", $"venue rejected a repeat of {order.ClientOrderId}", now, order.ClientOrderId);
            _outbox.Add(new OutboxItem(OutboxKind.Query, order.ClientOrderId, null, 0));
            return;
        }
        // The same refusal reported twice (the submit's answer and the venue's push): the order already ended with it.
        if (order.Status == OrderStatus.Rejected) return;
        if (!OrderStateMachine.TryNext(order.Status, OrderTrigger.Reject, out _))
        {
            Alert(AlertSeverity.Warning, "LateReject", $"reject of {order.ClientOrderId} in state {order.Status} ignored: {detail}", now, order.ClientOrderId);
            return;
        }
        Emit(new OrderRejected(order.ClientOrderId, code, detail) { Time = now, CorrelationId = order.ClientOrderId });
    }

    /// <summary>The venue says the order ended (canceled or expired); flags an order that ended mostly unfilled.</summary>
    private void EndOrder(Order order, OrderTrigger trigger, DateTimeOffset now)
    {
        if (order.Status.IsTerminal()) return; // already ended (e.g. the push and the query both reported it)
        if (!OrderStateMachine.TryNext(order.Status, trigger, out _))
        {
            Alert(AlertSeverity.Warning, "IllegalTransition", $"{trigger} of {order.ClientOrderId} in state {order.Status} ignored", now, order.ClientOrderId);
            return;
        }
        var ended = Emit(trigger == OrderTrigger.Cancel
            ? new OrderCanceled(order.ClientOrderId) { Time = now, CorrelationId = order.ClientOrderId }
            : new OrderExpired(order.ClientOrderId) { Time = now, CorrelationId = order.ClientOrderId });
        if (!_validator.IsSmallPartial(order)) return;
        using var cause = KeepCause();
        _cause = ended;
        Alert(AlertSeverity.Warning, "SmallPartialFill",
            $"{order.ClientOrderId} ended with {order.FilledQuantity} of {order.Quantity} filled, under {_options.FillValidation.MinPartialFillRatio:P0}",
            now, order.ClientOrderId);
    }

    private void HandleSubmitCompleted(SubmitCompleted c, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(c.ClientOrderId, out var order)) return;
        switch (c.Result.Outcome)
        {
            case SubmitOutcome.Accepted:
                Acknowledge(order, c.Result.VenueOrderId ?? "", now);
                break;
            case SubmitOutcome.Rejected:
                Reject(order, c.Result.RejectCode, c.Result.Message ?? "rejected by the venue", now);
                break;
            case SubmitOutcome.NotSent:
                if (order.Status == OrderStatus.Submitted)
                    Emit(new OrderRejected(order.ClientOrderId, VenueRejectCode.Other,
                        $"not sent after {c.Attempts} attempts: {c.Result.Message}") { Time = now, CorrelationId = order.ClientOrderId });
                break;
            case SubmitOutcome.Unknown:
                if (order.Status != OrderStatus.Submitted) return; // the venue already told us (ack or fill)
                Emit(new OrderSubmitUnknown(order.ClientOrderId, c.Result.Message ?? "") { Time = now, CorrelationId = order.ClientOrderId });
                _outbox.Add(new OutboxItem(OutboxKind.Query, order.ClientOrderId, null, 0));
                break;
            default:
                throw new InvalidOperationException($"Unknown submit outcome {c.Result.Outcome}.");
        }
    }

    private void HandleQueryCompleted(OrderQueryCompleted q, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(q.ClientOrderId, out var order)) return;
        if (q.Error is not null)
        {
            Alert(AlertSeverity.Critical, "OrderStatusUnknown",
                $"could not learn the fate of {q.ClientOrderId}: {q.Error}; left pending for reconciliation", now, q.ClientOrderId);
            return;
        }
        AdoptVenueView(order, q.Order, now);
    }

    /// <summary>Takes the venue's word for an order whose outcome we did not see. Never resends.</summary>
    private void AdoptVenueView(Order order, VenueOrder? venueOrder, DateTimeOffset now)
    {
        if (venueOrder is null)
        {
            // Never acknowledged, never filled, and unknown to the venue: it never arrived, also when a cancel was asked
            // for it meanwhile (pending); an order the venue did acknowledge and now denies is left for reconciliation.
            if (order.VenueOrderId is null && order.FilledQuantity == 0m
                && order.Status is OrderStatus.Submitted or OrderStatus.PendingCancel)
                Emit(new OrderRejected(order.ClientOrderId, VenueRejectCode.OrderNotFound,
                    "the venue has no such order; it never arrived and is not resent") { Time = now, CorrelationId = order.ClientOrderId });
            return;
        }
        switch (venueOrder.Status)
        {
            case OrderStatus.Rejected:
                Reject(order, venueOrder.RejectCode, venueOrder.RejectMessage ?? "rejected by the venue", now);
                break;
            case OrderStatus.Canceled:
                EndOrder(order, OrderTrigger.Cancel, now);
                break;
            case OrderStatus.Expired:
                EndOrder(order, OrderTrigger.Expire, now);
                break;
            default:
                Acknowledge(order, venueOrder.VenueOrderId, now);
                break;
        }
    }

    private void HandleCancelCompleted(CancelCompleted c, DateTimeOffset now)
    {
        if (c.Result.Accepted || !_state.Orders.TryGetValue(c.ClientOrderId, out var order)) return;
        if (order.Status == OrderStatus.PendingCancel)
            Emit(new OrderCancelRejected(c.ClientOrderId, c.Result.Message ?? c.Result.RejectCode.ToString()) { Time = now, CorrelationId = c.ClientOrderId });
    }
}
