using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Protective stops: for each position opened by a source with a <see cref="ProtectiveStop"/>, one resting stop order at
/// the venue for the whole position, so it is protected while the bot is down too. The kernel keeps it in step with the
/// position after every message: placed after the entry fills, replaced (cancel, then place once the cancel is confirmed)
/// when the position's size changes or a trailing stop moves up, canceled when the position closes or the end-of-day
/// flatten takes it. Two orders never sell the same shares: an order from a signal that would reduce the position waits,
/// unsent, until the stop's cancel is confirmed, and is denied if the stop filled first.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of the kernel's protective stop orders.</summary>
    public const string ProtectiveStopTag = "protective-stop";

    /// <summary>The protective stop of each source that has one (an hmm-regime's fallback shares its model's).</summary>
    private readonly Dictionary<string, ProtectiveStop> _protection;

    /// <summary>Symbols whose protection to look at once the message is handled, with the event that made it due (0: a bar).</summary>
    private readonly Dictionary<string, long> _protectDue = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, long>> _protectWork = [];
    private readonly List<Order> _protectiveScratch = [];

    /// <summary>While a driven bar step drains the venue's fills of that bar: protection waits for the bar itself.</summary>
    private bool _barStepping;

    /// <summary>Per symbol, the order from a signal that waits for the protective stop's cancel (not journaled: recovery denies it).</summary>
    private readonly Dictionary<string, HeldOrder> _held = new(StringComparer.Ordinal);

    /// <summary>Per symbol, the trailing level reached so far (the working stop holds it too, across restarts).</summary>
    private readonly Dictionary<string, (OrderSide Side, decimal? Trail)> _trailLevels = new(StringComparer.Ordinal);

    /// <summary>Per symbol, the last protective stop refused: not asked again until the position or the level changes.</summary>
    private readonly Dictionary<string, StopRefusal> _stopRefused = new(StringComparer.Ordinal);

    private sealed record HeldOrder(string ClientOrderId, decimal PositionAtHold, OrderRequest Request, long EnqueuedAt);

    private sealed record StopRefusal(decimal Quantity, decimal Price, string Why)
    {
        public bool Alerted { get; set; }
    }

    private static Dictionary<string, ProtectiveStop> ProtectionBySource(IStrategy[] strategies)
    {
        var bySource = new Dictionary<string, ProtectiveStop>(StringComparer.Ordinal);
        foreach (var strategy in strategies)
        {
            if (strategy.Protection is not { } protection) continue;
            if (protection.Problem is { } problem)
                throw new ArgumentException($"Strategy '{strategy.Source}' has a bad protective stop: {problem}.", nameof(strategies));
            foreach (var source in strategy.SignalSources) bySource[source] = protection;
        }
        return bySource;
    }

    /// <summary>Called for every emitted event while some source has protection: marks the symbols whose stop may need work.</summary>
    private void NoteProtection(BotEvent e, long sequence)
    {
        string id;
        string? refusal = null;
        switch (e)
        {
            case OrderFilled f:
                _protectDue[f.Symbol] = sequence;
                return;
            case OrderCanceled c: id = c.ClientOrderId; break;
            case OrderExpired x: id = x.ClientOrderId; break;
            // An order that never reached the venue (lost on the way, or an intent a crash left unsent) was not refused:
            // the stop is asked for again at once.
            case OrderRejected r: id = r.ClientOrderId; refusal = r.Code == VenueRejectCode.OrderNotFound ? null : r.Detail; break;
            case OrderDenied d: id = d.ClientOrderId; refusal = d.Reason == DenyReason.NotReady ? null : d.Detail; break;
            default: return;
        }
        if (!_state.Orders.TryGetValue(id, out var order) || order.Tag != ProtectiveStopTag) return;
        _protectDue[order.Symbol] = sequence;
        if (refusal is not null) _stopRefused[order.Symbol] = new StopRefusal(order.Quantity, order.StopPrice ?? 0m, refusal);
    }

    /// <summary>
    /// A bar of a symbol with a protected position: a trailing stop may move, and a stop the closed market or the kill
    /// switch held back may go out. (A position of a source without a stop has nothing to look at on a bar.)
    /// </summary>
    private void NoteBarForProtection(string symbol)
    {
        if (_state.Positions.TryGetValue(symbol, out var position) && position is { IsFlat: false, OpenedBySource: { } source }
            && _protection.ContainsKey(source))
            _protectDue.TryAdd(symbol, 0);
    }

    /// <summary>Brings every due symbol's protection in step with its position, each following from the event that made it due.</summary>
    private void ProtectIfDue(DateTimeOffset now)
    {
        if (_protectDue.Count == 0 || _barStepping) return;
        _protectWork.AddRange(_protectDue);
        _protectDue.Clear();
        _protectWork.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        using (KeepCause())
        {
            foreach (var (symbol, sequence) in _protectWork)
            {
                _cause = sequence;
                ProtectSymbol(symbol, now);
            }
        }
        _protectWork.Clear();
    }

    private void ProtectSymbol(string symbol, DateTimeOffset now)
    {
        var live = LiveProtectiveOrders(symbol);
        if (_held.TryGetValue(symbol, out var held))
        {
            if (live.Count > 0)
            {
                CancelProtective(live, $"making way for {held.ClientOrderId}", now);
                return;
            }
            _held.Remove(symbol);
            ReleaseHeld(held, now);
            return;
        }
        // An order from a signal is working: its fill decides what is left to protect.
        if (_state.HasOpenSignalOrder(symbol)) return;

        var position = _state.Positions.GetValueOrDefault(symbol);
        if (ProtectionOf(position, symbol, now) is not { } protection)
        {
            _trailLevels.Remove(symbol);
            if (position is null || position.IsFlat) _stopRefused.Remove(symbol);
            CancelProtective(live, position is { IsFlat: false } ? "the end-of-day flatten closes the position" : "the position is closed", now);
            return;
        }
        foreach (var o in live)
            if (o.Status == OrderStatus.PendingCancel) return; // replaced once its cancel is confirmed (or it fills)

        var isLong = position!.Quantity > 0m;
        var side = isLong ? OrderSide.Sell : OrderSide.Buy;
        var quantity = Math.Abs(position.Quantity);
        var working = live.Count == 1 && live[0].Side == side && live[0].LeavesQuantity == quantity ? live[0] : null;
        var instrument = _options.Instruments[symbol];
        var close = _marks.Find(symbol)?.Price ?? position.AveragePrice;
        var floor = _trailLevels.TryGetValue(symbol, out var reached) && reached.Side == side ? reached.Trail
            : protection.TrailingPercent is not null ? working?.StopPrice : null;
        var trail = protection.TrailFor(isLong, position.AveragePrice, close, floor, instrument);
        var stop = protection.StopFor(isLong, position.AveragePrice, trail, instrument);
        _trailLevels[symbol] = (side, trail);
        if (working is not null && working.StopPrice == stop) return;
        if (live.Count > 0)
        {
            CancelProtective(live, string.Create(CultureInfo.InvariantCulture, $"replaced by a stop for {quantity} at {stop}"), now);
            return;
        }
        if (_stopRefused.TryGetValue(symbol, out var refused) && refused.Quantity == quantity && refused.Price == stop)
        {
            if (!refused.Alerted)
            {
                refused.Alerted = true;
                Alert(AlertSeverity.Critical, "ProtectiveStopRefused", string.Create(CultureInfo.InvariantCulture,
                    $"the {position.Quantity} {symbol} position has no protective stop: a {side.ToString().ToLowerInvariant()} stop for {quantity} at {stop} was refused ({refused.Why}); it is asked again when the position or the level changes"),
                    now);
            }
            return;
        }
        PlaceProtectiveStop(symbol, position.OpenedBySource!, side, quantity, stop, now);
    }

    /// <summary>
    /// The stop that protects <paramref name="position"/>: its opening source's, unless it is flat or the end-of-day
    /// flatten is about to close it (a stop working then would keep the flatten waiting, or sell the shares twice).
    /// </summary>
    private ProtectiveStop? ProtectionOf(Position? position, string symbol, DateTimeOffset now)
    {
        if (position is not { IsFlat: false, OpenedBySource: { } source } || !_protection.TryGetValue(source, out var protection))
            return null;
        return !IsSwing(source) && InFlattenWindow(symbol, now) ? null : protection;
    }

    /// <summary>
    /// Sends the stop through the order stages a strategy's placement goes through after its audit record: intent, order
    /// risk (it only reduces, so only a malformed order is refused), outbox. Not while the kill switch is on (the working
    /// stop, if any, stays) or the market is closed (asked again at the next bar).
    /// </summary>
    private void PlaceProtectiveStop(string symbol, string source, OrderSide side, decimal quantity, decimal stop, DateTimeOffset now)
    {
        if (_state.TradingState == TradingState.Halted || ClosedReason(symbol, now) is not null) return;
        var (target, reducing) = PlacementTarget(symbol, side, quantity);
        var sequence = _state.OrderSequence + 1;
        var clientOrderId = ClientOrderIds.Format(OrderIdDatePrefix(), sequence);
        var requestId = string.Create(CultureInfo.InvariantCulture, $"{source}:{symbol}:{now.ToUnixTimeMilliseconds()}:stop{++_placementCounter}");
        Emit(new OrderInitialized(clientOrderId, sequence, requestId, source, symbol, side, OrderType.Stop, TimeInForce.Gtc,
            quantity, null, stop, stop) { Time = now, CorrelationId = requestId, Tag = ProtectiveStopTag });
        if (_risk.CheckOrder(_state, _options.Instruments[symbol], target, quantity, stop, reducing, now) is { } d)
        {
            Emit(new OrderDenied(clientOrderId, d.Reason, d.Detail) { Time = now, CorrelationId = clientOrderId });
            return;
        }
        Emit(new OrderSubmitted(clientOrderId, _router.VenueName) { Time = now, CorrelationId = clientOrderId });
        _outbox.Add(new OutboxItem(OutboxKind.Submit, clientOrderId,
            new OrderRequest(clientOrderId, symbol, side, OrderType.Stop, TimeInForce.Gtc, quantity, null, stop), 0));
    }

    /// <summary>
    /// Whether the order a signal just initialized must wait for the symbol's protective stop: the stop is on the same side
    /// (both would sell the position), so it is canceled first and the order goes out once that is confirmed.
    /// </summary>
    private bool HoldForProtectiveStop(string clientOrderId, string symbol, OrderSide side, decimal position, OrderRequest request,
        long enqueuedAt, DateTimeOffset now)
    {
        var live = LiveProtectiveOrders(symbol);
        var sameSide = false;
        foreach (var o in live) sameSide |= o.Side == side;
        if (!sameSide) return false;
        _held[symbol] = new HeldOrder(clientOrderId, position, request, enqueuedAt);
        // Released when the stop's cancel (or fill) is applied: that event marks the symbol due.
        CancelProtective(live, $"making way for {clientOrderId}", now);
        return true;
    }

    /// <summary>Sends a held order once the stop is gone, unless the stop filled first (the position moved) or trading halted.</summary>
    private void ReleaseHeld(HeldOrder held, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(held.ClientOrderId, out var order) || order.Status != OrderStatus.Initialized) return;
        var position = _state.PositionQuantity(order.Symbol);
        if (_state.TradingState == TradingState.Halted)
            Emit(new OrderDenied(order.ClientOrderId, DenyReason.TradingHalted,
                $"trading halted while the order waited for the protective stop's cancel: {_state.TradingStateReason}") { Time = now, CorrelationId = order.ClientOrderId });
        else if (position != held.PositionAtHold)
            Emit(new OrderDenied(order.ClientOrderId, DenyReason.PositionChanged, string.Create(CultureInfo.InvariantCulture,
                $"the protective stop filled first: the position is {position}, not the {held.PositionAtHold} the order was sized from")) { Time = now, CorrelationId = order.ClientOrderId });
        else
        {
            Emit(new OrderSubmitted(order.ClientOrderId, _router.VenueName) { Time = now, CorrelationId = order.ClientOrderId });
            _outbox.Add(new OutboxItem(OutboxKind.Submit, order.ClientOrderId, held.Request, held.EnqueuedAt));
        }
    }

    private void CancelProtective(List<Order> live, string reason, DateTimeOffset now)
    {
        foreach (var o in live)
            if (o.Status != OrderStatus.PendingCancel) RequestCancel(o.ClientOrderId, $"protective stop: {reason}", now);
    }

    /// <summary>The protective stops working in <paramref name="symbol"/> (a reused list: read it before the next call).</summary>
    private List<Order> LiveProtectiveOrders(string symbol)
    {
        _protectiveScratch.Clear();
        foreach (var o in _state.OpenPlacedOrders(symbol))
            if (o.Tag == ProtectiveStopTag) _protectiveScratch.Add(o);
        return _protectiveScratch;
    }
}
