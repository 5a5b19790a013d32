using Bulwark.Core.Execution;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The only code that changes <see cref="KernelState"/>: applies one event. Deterministic and free of I/O, so
/// replaying the journal from any snapshot reproduces the same state. Decisions live in the kernel's handlers;
/// by the time an event gets here it is a fact, and an impossible fact is an invariant violation (throws).
/// </summary>
public static class StateProjector
{
    /// <summary>Terminal orders kept for late fills; older ones are pruned (their fills are still deduplicated).</summary>
    public const int MaxTerminalOrdersKept = 5_000;

    public static void Apply(KernelState s, long sequence, BotEvent e)
    {
        if (sequence != s.LastSequence + 1)
            throw new InvalidOperationException($"Event {sequence} applied after {s.LastSequence}: the journal has a gap.");
        s.LastSequence = sequence;
        switch (e)
        {
            case AccountInitialized a:
                s.BotId = a.BotId;
                s.StartingCash = a.StartingCash;
                s.Cash = a.StartingCash;
                s.PeakEquity = a.StartingCash;
                s.Currency = a.Currency;
                s.TradingTimeZone = a.TradingTimeZone;
                break;
            case SignalReceived r:
                s.SignalsReceived++;
                s.StatsFor(r.Signal.Source).Signals++;
                break;
            case SignalDenied d:
                s.SignalsDenied++;
                s.StatsFor(d.Source).NoteDenied(d.Time, d.Symbol, d.Reason, d.Detail);
                break;
            case OrderInitialized i:
                ApplyInitialized(s, i);
                break;
            case OrderDenied d:
                s.OrdersDenied++;
                var denied = Transition(s, d.ClientOrderId, OrderTrigger.Deny, e.Time);
                denied.Detail = $"{d.Reason}: {d.Detail}";
                s.StatsFor(denied.Source).NoteOrderDenied(d.Time, denied.Symbol, d.Reason, d.Detail);
                break;
            case OrderSubmitted sub:
                Transition(s, sub.ClientOrderId, OrderTrigger.Submit, e.Time);
                s.DailyOrdersSent++;
                s.NoteOrderSent(e.Time);
                break;
            case OrderSubmitUnknown:
                break; // a fact for the audit trail: the order stays Submitted until the venue is heard from
            case OrderAccepted a:
                Transition(s, a.ClientOrderId, OrderTrigger.Accept, e.Time).VenueOrderId = a.VenueOrderId;
                break;
            case OrderRejected r:
                var rejected = Transition(s, r.ClientOrderId, OrderTrigger.Reject, e.Time);
                rejected.RejectCode = r.Code;
                rejected.Detail = r.Detail;
                break;
            case OrderCancelRequested c:
                Transition(s, c.ClientOrderId, OrderTrigger.CancelRequest, e.Time);
                break;
            case OrderCanceled c:
                Transition(s, c.ClientOrderId, OrderTrigger.Cancel, e.Time);
                break;
            case OrderCancelRejected c:
                // The cancel was refused: the order is back to where it was, partly filled or not yet acknowledged
                // (a cancel that overtook its own submit: the venue refused to cancel what it did not have yet).
                var kept = Transition(s, c.ClientOrderId, OrderTrigger.CancelReject, e.Time);
                if (kept.Status == OrderStatus.Accepted && kept.FilledQuantity > 0m) kept.Status = OrderStatus.PartiallyFilled;
                else if (kept.Status == OrderStatus.Accepted && kept.VenueOrderId is null) kept.Status = OrderStatus.Submitted;
                break;
            case OrderExpired x:
                Transition(s, x.ClientOrderId, OrderTrigger.Expire, e.Time);
                break;
            case OrderFilled f:
                ApplyFill(s, f);
                break;
            case FillDuplicateIgnored:
                s.DuplicateFills++;
                break;
            case AlertRaised:
                s.Alerts++;
                break;
            case TradingStateChanged t:
                s.TradingState = t.State;
                s.TradingStateReason = t.Reason;
                // Resuming is the operator's word that the bot may trade normally again: failed sources get another go.
                if (t.State == Risk.TradingState.Active)
                {
                    s.FailedStrategies.Clear();
                    s.PeakResetDue = true;
                }
                // The operator's resume or kill ends a flatten under way: the one trades again, the other sends nothing at all.
                if (t.State != Risk.TradingState.Reducing) s.FlattenReason = null;
                // A symbol's flatten goes on after a resume (the symbol stays reduce-only); a kill, which sends nothing, ends it.
                if (t.State == Risk.TradingState.Halted) s.FlattenSymbols.Clear();
                break;
            case FlattenRequested { Symbol: null } f:
                s.FlattenReason = f.Reason;
                s.FlattenSequence = sequence;
                break;
            case FlattenRequested { Symbol: { } symbol } f:
                s.FlattenSymbols[symbol] = new SymbolFlatten(f.Reason, sequence);
                break;
            case FlattenCompleted { Symbol: null }:
                // Everything is flat: the symbols' flattens are done too.
                s.FlattenReason = null;
                s.FlattenSymbols.Clear();
                break;
            case FlattenCompleted { Symbol: { } symbol }:
                s.FlattenSymbols.Remove(symbol);
                break;
            case EntriesCancelRequested r:
                s.CancelEntriesReason = r.Reason;
                break;
            case EntriesCanceled:
                s.CancelEntriesReason = null;
                break;
            case DataQualityStopped d:
                s.DataStops[d.Symbol] = new DataStop(d.Reason, d.LastClose);
                break;
            case DataQualityResumed d:
                s.DataStops.Remove(d.Symbol);
                break;
            case BarRejected:
                break; // a fact for the audit trail: the stop that follows is its own event
            case SymbolReduceOnlyChanged r when r.ReduceOnly:
                s.ReduceOnlySymbols[r.Symbol] = r.Reason;
                break;
            case SymbolReduceOnlyChanged r:
                // Lifting it is the operator's word that the symbol trades again: a flatten of it under way ends.
                s.ReduceOnlySymbols.Remove(r.Symbol);
                s.FlattenSymbols.Remove(r.Symbol);
                break;
            case StrategyFailed f:
                s.FailedStrategies.Add(f.Source);
                break;
            case TradingDayRolledOver r:
                s.TradingDate = r.NewDate;
                s.DailyRealizedPnl = 0m;
                s.DailyOrdersSent = 0;
                s.DayOpeningValue = r.OpeningValue ?? 0m;
                PruneTerminalOlderThan(s, TimeSpan.FromDays(3), e.Time);
                break;
            case CircuitBreakerTripped b:
                s.BreakerOpenUntil = b.Until;
                s.BreakerReason = b.Reason;
                break;
            case CircuitBreakerReset:
                s.BreakerOpenUntil = null;
                s.BreakerReason = "";
                s.ConsecutiveLosses = 0;
                break;
            case PeakEquityRaised p:
                s.PeakEquity = p.Equity;
                break;
            case PeakEquityReset p:
                s.PeakEquity = p.Equity;
                s.PeakResetDue = false;
                break;
            case DailyLossStopTripped d:
                s.DailyLossStoppedOn = d.TradingDate;
                s.DailyLossStopReason = d.Reason;
                break;
            case ReconciliationCompleted rc:
                s.LastReconciledAt = rc.Time;
                s.LastReconciliationInSync = rc.InSync;
                break;
            case EndOfDayFlattenStarted f:
                s.FlattenedSessions[f.Exchange] = f.Session;
                break;
            case VariationMarginSettled v:
                ApplySettlement(s, v);
                break;
            case CashActivityRecorded a:
                s.Cash += a.Amount;
                s.CashActivityTotal += a.Amount;
                if (a.Kind == Venues.CashActivityKind.Interest) s.CashInterestTotal += a.Amount;
                else if (a.Kind == Venues.CashActivityKind.Dividend) s.CashDividendTotal += a.Amount;
                s.DailyRealizedPnl += a.Amount; // a day's financing and interest are that day's realized result, as a broker's daily PnL has them
                s.LastCashActivitySequence = a.Sequence;
                break;
            case BotStarted:
                break;
            case OrderPlacementRequested:
                break; // the audit record: the order, if any, follows as OrderInitialized
            case OrderPlacementDenied d:
                s.StatsFor(d.Source).NoteDenied(d.Time, d.Symbol, d.Reason, d.Detail);
                break;
            case GridEvent g:
                GridProjection.Apply(s, g);
                break;
            default:
                throw new InvalidOperationException($"No projection for event type {e.GetType().Name}.");
        }
    }

    /// <summary>Rebuilds derived indexes after a state was loaded from a snapshot.</summary>
    public static void AfterLoad(KernelState s)
    {
        // A deserialized sorted dictionary uses the default comparer; decisions iterate it, so pin ordinal order.
        s.Feedback = new SortedDictionary<string, Feedback.SourceStats>(s.Feedback, StringComparer.Ordinal);
        s.FlattenedSessions = new SortedDictionary<string, DateOnly>(s.FlattenedSessions, StringComparer.Ordinal);
        s.Grids = new SortedDictionary<string, GridBook>(s.Grids, StringComparer.Ordinal);
        s.RebuildIndexes();
    }

    private static void ApplyInitialized(KernelState s, OrderInitialized i)
    {
        if (i.OrderSequence <= s.OrderSequence)
            throw new InvalidOperationException($"Order sequence {i.OrderSequence} reused (last was {s.OrderSequence}).");
        s.OrderSequence = i.OrderSequence;
        var order = new Order
        {
            ClientOrderId = i.ClientOrderId,
            OrderSequence = i.OrderSequence,
            SignalId = i.SignalId,
            Source = i.Source,
            Symbol = i.Symbol,
            Side = i.Side,
            Type = i.Type,
            TimeInForce = i.TimeInForce,
            Quantity = i.Quantity,
            LimitPrice = i.LimitPrice,
            StopPrice = i.StopPrice,
            ExpectedPrice = i.ExpectedPrice,
            CreatedAt = i.Time,
            Tag = i.Tag,
            UpdatedAt = i.Time,
        };
        if (!s.Orders.TryAdd(i.ClientOrderId, order))
            throw new InvalidOperationException($"ClientOrderId {i.ClientOrderId} initialized twice.");
        s.TrackLive(order, wasLive: false, isLive: true);
        s.StatsFor(i.Source).Orders++;
        if (s.TerminalCount > MaxTerminalOrdersKept * 2) s.PruneTerminal(MaxTerminalOrdersKept);
    }

    /// <summary>
    /// Moves the order through the table and returns it for the caller's own changes. Those never touch whether the
    /// order is live (a cancel reject only tells Accepted from PartiallyFilled), so the live index is kept here.
    /// No callback: a lambda would allocate a closure for every event applied.
    /// </summary>
    private static Order Transition(KernelState s, string clientOrderId, OrderTrigger trigger, DateTimeOffset at)
    {
        if (!s.Orders.TryGetValue(clientOrderId, out var o))
            throw new InvalidOperationException($"Event for unknown order {clientOrderId}.");
        var wasLive = IsLive(o.Status);
        o.Transition(trigger, at);
        s.TrackLive(o, wasLive, IsLive(o.Status));
        return o;
    }

    private static bool IsLive(OrderStatus status) => status.IsOpen() || status == OrderStatus.Initialized;

    private static void ApplyFill(KernelState s, OrderFilled f)
    {
        s.FillCount++;
        string? source = null;
        if (!s.Orders.TryGetValue(f.ClientOrderId, out var o)) s.OrphanTradeIds.Add(f.VenueTradeId);
        else
        {
            o.AddTrade(f.VenueTradeId);
            source = o.Source;
            var stats = s.StatsFor(o.Source);
            stats.Fills++;
            stats.Commission += f.Commission;
            stats.Slippage += f.Slippage;
            if (f.Quantity > 0m && DecisionShortfall.Applies(o.Type))
                stats.ImplementationShortfall += DecisionShortfall.Of(o.Side, o.ExpectedPrice, f.Price, f.Quantity, f.Multiplier);
            var wasLive = IsLive(o.Status);
            if (OrderStateMachine.TryNext(o.Status, OrderTrigger.PartialFill, out _)) o.RecordFill(f.Quantity, f.Price, f.Time);
            else { o.FilledQuantity += f.Quantity; o.UpdatedAt = f.Time; } // a fill on a rejected/denied order: broker is truth
            s.TrackLive(o, wasLive, IsLive(o.Status));
        }

        if (f.Quantity <= 0m) return; // nonsense fills are recorded and alerted on, never applied to a position
        if (!s.Positions.TryGetValue(f.Symbol, out var p))
            s.Positions[f.Symbol] = p = new Position { Symbol = f.Symbol, Multiplier = f.Multiplier };
        var signed = f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity;
        var wasFlat = p.IsFlat;
        var before = p.Quantity;
        if (wasFlat) { p.RoundTripPnl = 0m; p.OpenedBySource = source; p.OpenedAt = f.FillTime; p.InitialMargin = f.InitialMargin; p.ScaleOuts = 0; p.ScaleOutBase = 0m; }
        s.Cash += MarginAccounting.CashChangeOnFill(before, p.SettlementPrice, signed, f.Price, f.Multiplier,
            p.InitialMargin, f.Commission);
        var realized = p.Apply(signed, f.Price, f.Commission);
        if (p.IsMargined) p.SettlementPrice = MarginAccounting.SettlementPriceAfterFill(p.Quantity, f.Price);
        s.DailyRealizedPnl += realized - f.Commission;

        var closedOrFlipped = !wasFlat && (p.IsFlat || Math.Sign(p.Quantity) != Math.Sign(before));
        if (closedOrFlipped)
        {
            var roundTrip = p.RoundTripPnl;
            s.ConsecutiveLosses = roundTrip < 0m ? s.ConsecutiveLosses + 1 : 0;
            (p.LossClosedAt, p.LossClosedPnl) = roundTrip < 0m ? ((DateTimeOffset?)f.FillTime, roundTrip) : (null, 0m);
            if (p.OpenedBySource is { } opener)
            {
                var st = s.StatsFor(opener);
                st.RoundTrips++;
                if (roundTrip > 0m) st.Wins++;
                st.RealizedPnl += roundTrip;
            }
            p.RoundTripPnl = 0m;
            p.OpenedBySource = p.IsFlat ? null : source;
            p.OpenedAt = p.IsFlat ? null : f.FillTime;
            p.ScaleOuts = 0;
            p.ScaleOutBase = 0m;
        }
        // A take-profit that leaves part of the position is a step of a scale-out, counted at its first fill only (the
        // rest of a part-filled one is canceled when the exits are replaced).
        else if (!wasFlat && o is { Tag: BotKernel.TakeProfitTag } tp && tp.FilledQuantity == f.Quantity && Math.Abs(p.Quantity) < Math.Abs(before))
        {
            if (p.ScaleOuts == 0) p.ScaleOutBase = Math.Abs(before);
            p.ScaleOuts++;
        }
    }

    private static void ApplySettlement(KernelState s, VariationMarginSettled v)
    {
        if (!s.Positions.TryGetValue(v.Symbol, out var p) || p.IsFlat || !p.IsMargined)
            throw new InvalidOperationException($"Variation margin settled for {v.Symbol}, which has no open margined position.");
        s.Cash += MarginAccounting.Variation(p.Quantity, p.SettlementPrice, v.Price, p.Multiplier);
        p.SettlementPrice = v.Price;
    }

    /// <summary>At day rollover: forget terminal orders untouched for longer than <paramref name="age"/>.</summary>
    private static void PruneTerminalOlderThan(KernelState s, TimeSpan age, DateTimeOffset now)
    {
        List<string>? old = null;
        foreach (var o in s.Orders.Values)
            if (o.Status.IsTerminal() && now - o.UpdatedAt > age) (old ??= []).Add(o.ClientOrderId);
        if (old is null) return;
        foreach (var id in old) s.RemoveTerminal(id);
        s.CompactTerminalQueue();
    }
}
