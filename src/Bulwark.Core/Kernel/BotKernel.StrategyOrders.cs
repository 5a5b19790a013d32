using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Orders strategies place themselves (resting limit orders, several per symbol), their cancels, and the updates
/// strategies hear about their orders. A placement goes through the same stages as a signal's order: kill switch,
/// audit record, order risk, intent, outbox; only sizing and the pending check differ (the strategy gives the size,
/// and resting orders do not block each other).
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Order outcomes waiting for their strategies: delivered after the message that caused them is handled.</summary>
    private readonly List<StrategyOrderUpdate> _strategyUpdates = [];

    /// <summary>Every source of this bot's strategies: who may record grid changes.</summary>
    private readonly HashSet<string> _strategySources;

    /// <summary>Sources with a strategy that implements <see cref="IStrategy.OnOrderUpdate"/> (the default does nothing).</summary>
    private readonly HashSet<string> _orderUpdateSources;
    private long _placementCounter;

    /// <summary>The placement; from its audit record on, what it emits follows from its <see cref="OrderPlacementRequested"/>.</summary>
    private string? PlaceLimit(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice, string tag)
    {
        using var cause = KeepCause();
        var now = _now;
        var requestId = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{source}:{symbol}:{now.ToUnixTimeMilliseconds()}:place{++_placementCounter}");
        if (DenialBeforeAudit(source, symbol, side, quantity, limitPrice, now) is { } early)
            return DenyPlacement(requestId, source, symbol, early.Reason, early.Detail, now);

        _cause = Emit(new OrderPlacementRequested(requestId, source, symbol, side, quantity, limitPrice, tag) { Time = now, CorrelationId = requestId });

        var (target, reducing) = PlacementTarget(symbol, side, quantity);
        if (ExposureDenial(source, symbol, reducing, now) is { } gate)
            return DenyPlacement(requestId, source, symbol, gate.Reason, gate.Detail, now);

        var sequence = _state.OrderSequence + 1;
        var clientOrderId = ClientOrderIds.Format(OrderIdDatePrefix(), sequence);
        Emit(new OrderInitialized(clientOrderId, sequence, requestId, source, symbol, side, OrderType.Limit, TimeInForce.Gtc,
            quantity, limitPrice, null, limitPrice) { Time = now, CorrelationId = requestId, Tag = tag });
        var denial = PriceCollarDenial(symbol, limitPrice) ?? CheckOrderRisk(_options.Instruments[symbol], target, quantity, limitPrice, reducing, now);
        if (denial is { } d)
        {
            Emit(new OrderDenied(clientOrderId, d.Reason, d.Detail) { Time = now, CorrelationId = clientOrderId });
            return null;
        }
        EmitSubmitted(clientOrderId, now);
        _outbox.Add(new OutboxItem(OutboxKind.Submit, clientOrderId,
            new OrderRequest(clientOrderId, symbol, side, OrderType.Limit, TimeInForce.Gtc, quantity, limitPrice), 0));
        return clientOrderId;
    }

    private static string? PlacementProblem(string source, OrderSide side, decimal quantity, decimal limitPrice, Model.Instrument instrument)
    {
        if (string.IsNullOrEmpty(source)) return "a placed order needs a source";
        if (!Enum.IsDefined(side)) return $"unknown side {side}";
        if (quantity <= 0m || quantity % instrument.LotSize != 0m) return $"quantity {quantity} must be a positive whole number of lots of {instrument.LotSize}";
        if (limitPrice <= 0m || !instrument.IsOnTick(limitPrice)) return $"limit price {limitPrice} must be positive and on the tick {instrument.TickAt(limitPrice)}";
        return null;
    }

    private string? DenyPlacement(string requestId, string source, string symbol, DenyReason reason, string detail, DateTimeOffset now)
    {
        Emit(new OrderPlacementDenied(requestId, source, symbol, reason, detail) { Time = now, CorrelationId = requestId });
        return null;
    }

    /// <summary>
    /// Cancels one of <paramref name="source"/>'s working orders; a strategy cannot cancel another's. An order already
    /// being canceled (by the strategy, the end-of-day flatten or the operator) is not asked for again.
    /// </summary>
    private bool CancelFor(string source, string clientOrderId, string reason)
    {
        if (!_state.Orders.TryGetValue(clientOrderId, out var order) || order.Source != source
            || order.Status == OrderStatus.PendingCancel
            || !OrderStateMachine.TryNext(order.Status, OrderTrigger.CancelRequest, out _))
            return false;
        RequestCancel(clientOrderId, $"{source}: {reason}", _now);
        return true;
    }

    private List<StrategyOrderView> OpenOrdersOf(string source, string symbol) =>
        [.. _state.OpenPlacedOrders(source, symbol).Select(o =>
            new StrategyOrderView(o.ClientOrderId, o.Symbol, o.Side, o.Quantity, o.FilledQuantity, o.LimitPrice, o.Status, o.Tag))];

    /// <summary>Journals a strategy's grid change. The projector rejects an impossible one (fail fast).</summary>
    private void RecordGrid(GridEvent change)
    {
        if (!_strategySources.Contains(change.Source))
            throw new InvalidOperationException($"Grid event from '{change.Source}', which is not a strategy of this bot.");
        Emit(change with { Time = _now, CorrelationId = GridBook.Key(change.Source, change.Symbol) });
    }

    /// <summary>Called for every emitted event: keeps the order outcomes a strategy of the order's source must hear about.</summary>
    private void NoteStrategyUpdate(BotEvent e, long sequence)
    {
        // Only strategies that listen hear updates: for the rest (sma-cross) nothing is looked up or allocated per event.
        if (_orderUpdateSources.Count == 0) return;
        var (id, kind) = e switch
        {
            OrderFilled f => (f.ClientOrderId, StrategyOrderUpdateKind.Filled),
            OrderCanceled c => (c.ClientOrderId, StrategyOrderUpdateKind.Canceled),
            OrderExpired x => (x.ClientOrderId, StrategyOrderUpdateKind.Expired),
            OrderRejected r => (r.ClientOrderId, StrategyOrderUpdateKind.Rejected),
            OrderDenied d => (d.ClientOrderId, StrategyOrderUpdateKind.Denied),
            _ => ("", StrategyOrderUpdateKind.Filled),
        };
        if (id.Length == 0 || !_state.Orders.TryGetValue(id, out var o)) return;
        if (!_orderUpdateSources.Contains(o.Source)) return;
        var fill = e as OrderFilled;
        _strategyUpdates.Add(new StrategyOrderUpdate(kind, o.ClientOrderId, o.Source, o.Symbol, o.Side, o.Tag,
            fill?.Quantity ?? 0m, fill?.Price ?? 0m, o.FilledQuantity, o.Quantity, !o.Status.IsOpen() && o.Status != OrderStatus.Initialized)
        {
            RejectCode = (e as OrderRejected)?.Code ?? VenueRejectCode.None,
            EventSequence = sequence,
        });
    }

    /// <summary>
    /// The sources whose strategies override <see cref="IStrategy.OnOrderUpdate"/>. A strategy that keeps the default
    /// (which does nothing) would be handed updates only to ignore them, so none are made for it.
    /// </summary>
    private static HashSet<string> OrderUpdateSources(IStrategy[] strategies)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var method = typeof(IStrategy).GetMethod(nameof(IStrategy.OnOrderUpdate))!;
        foreach (var strategy in strategies)
        {
            var map = strategy.GetType().GetInterfaceMap(typeof(IStrategy));
            var index = Array.IndexOf(map.InterfaceMethods, method);
            if (index < 0 || map.TargetMethods[index].DeclaringType != typeof(IStrategy)) sources.Add(strategy.Source);
        }
        return sources;
    }

    /// <summary>Hands queued order outcomes to their strategies, including those their own reactions cause; what a
    /// strategy does about an outcome follows from the outcome's event.</summary>
    private void DeliverStrategyUpdates()
    {
        using (KeepCause())
        {
            for (var i = 0; i < _strategyUpdates.Count; i++)
            {
                var update = _strategyUpdates[i];
                _cause = update.EventSequence;
                foreach (var strategy in _strategies)
                    if (strategy.Source == update.Source && strategy.Handles(update.Symbol)) RunStrategy(strategy, update, _now);
            }
        }
        _strategyUpdates.Clear();
    }
}
