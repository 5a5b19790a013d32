using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Protective exits: for each position opened by a source with a <see cref="ProtectiveStop"/>, a resting stop order and,
/// when configured, a take-profit limit order at the venue, the stop for the whole position and the take-profit for the
/// whole or, scaling out, a share of it (once that share fills the rest keeps the stop alone), so it is protected while
/// the bot is down too. Given both, they go out in one one-cancels-other group (<see cref="OrderRequest.OcoGroup"/>): the venue
/// cancels the one when the other fills, so they never both sell. The kernel keeps them in step with the position after
/// every message: placed after the entry fills, replaced (cancel, then place once the cancels are confirmed) when the
/// position's size changes or a trailing stop moves up, canceled when the position closes or the end-of-day flatten takes
/// it. Two orders never sell the same shares: an order from a signal that would reduce the position waits, unsent, until
/// the exits' cancels are confirmed, and is denied if one of them filled first.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of the kernel's protective stop orders.</summary>
    public const string ProtectiveStopTag = "protective-stop";

    /// <summary>The tag of the kernel's take-profit limit orders.</summary>
    public const string TakeProfitTag = "take-profit";

    /// <summary>The protective stop of each source that has one (an hmm-regime's fallback shares its model's).</summary>
    private readonly Dictionary<string, ProtectiveStop> _protection;

    /// <summary>Symbols whose protection to look at once the message is handled, with the event that made it due (0: a bar).</summary>
    private readonly Dictionary<string, long> _protectDue = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, long>> _protectWork = [];
    private readonly List<Order> _protectiveScratch = [];
    private readonly List<Order> _signalOrderScratch = [];

    /// <summary>While a driven bar step drains the venue's fills of that bar: protection waits for the bar itself.</summary>
    private bool _barStepping;

    /// <summary>Per symbol, the order from a signal that waits for the protective stop's cancel (not journaled: recovery denies it).</summary>
    private readonly Dictionary<string, HeldOrder> _held = new(StringComparer.Ordinal);

    /// <summary>Per symbol, the trailing level reached so far (the working stop holds it too, across restarts).</summary>
    private readonly Dictionary<string, (OrderSide Side, decimal? Trail)> _trailLevels = new(StringComparer.Ordinal);

    /// <summary>
    /// Per symbol, the side of a protective exit that filled while an order from a signal was working: an entry still
    /// adding to the position the exit just closed (or reduced) is canceled. Taken when the symbol's protection is next
    /// brought in step, which that fill made due.
    /// </summary>
    private readonly Dictionary<string, OrderSide> _exitFilledDuringEntry = new(StringComparer.Ordinal);

    /// <summary>Per symbol and exit (by tag), the last one refused: not asked again until the position or the level changes.</summary>
    private readonly Dictionary<(string Symbol, string Tag), ExitRefusal> _exitRefused = [];

    private sealed record HeldOrder(string ClientOrderId, decimal PositionAtHold, OrderRequest Request, long EnqueuedAt);

    private sealed record ExitRefusal(decimal Quantity, decimal Price, string Why)
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
                if (_state.HasOpenSignalOrder(f.Symbol) && _state.Orders.TryGetValue(f.ClientOrderId, out var exit) && IsProtectiveExit(exit))
                    _exitFilledDuringEntry[f.Symbol] = exit.Side;
                return;
            case OrderCanceled c: id = c.ClientOrderId; break;
            case OrderExpired x: id = x.ClientOrderId; break;
            // An order that never reached the venue (lost on the way, or an intent a crash left unsent) was not refused,
            // nor one whose group a sibling's fill closed before it arrived: the position decides what is asked for next.
            case OrderRejected r:
                id = r.ClientOrderId;
                refusal = r.Code is VenueRejectCode.OrderNotFound or VenueRejectCode.OcoGroupFilled ? null : r.Detail;
                break;
            case OrderDenied d: id = d.ClientOrderId; refusal = d.Reason == DenyReason.NotReady ? null : d.Detail; break;
            default: return;
        }
        if (!_state.Orders.TryGetValue(id, out var order) || !IsProtectiveExit(order)) return;
        _protectDue[order.Symbol] = sequence;
        if (refusal is not null)
            _exitRefused[(order.Symbol, order.Tag!)] = new ExitRefusal(order.Quantity, order.StopPrice ?? order.LimitPrice ?? 0m, refusal);
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
        if (_protectDue.Count == 0 || _barStepping || Flattening) return;
        _protectWork.AddRange(_protectDue);
        _protectDue.Clear();
        _protectWork.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        using (KeepCause())
        {
            foreach (var (symbol, sequence) in _protectWork)
            {
                // A symbol's flatten cancels its exits and closes it: they are not put back meanwhile, but stay due in case
                // the operator resumes the symbol before it is flat.
                if (_state.FlattenSymbols.Count > 0 && _state.FlattenSymbols.ContainsKey(symbol))
                {
                    _protectDue.TryAdd(symbol, sequence);
                    continue;
                }
                _cause = sequence;
                ProtectSymbol(symbol, now);
            }
        }
        _protectWork.Clear();
    }

    private void ProtectSymbol(string symbol, DateTimeOffset now)
    {
        // Taken whatever follows, so it never outlives the message it came from.
        OrderSide? exitFilled = _exitFilledDuringEntry.Remove(symbol, out var exitSide) ? exitSide : null;
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
        var position = _state.Positions.GetValueOrDefault(symbol);
        if (_state.HasOpenSignalOrder(symbol) && !ProtectWhileSignalOrderWorks(symbol, position, exitFilled, now)) return;
        if (ProtectionOf(position, symbol, now) is not { } protection)
        {
            _trailLevels.Remove(symbol);
            _trailExtremes.Remove(symbol);
            _atrStops.Remove(symbol);
            _atrTargets.Remove(symbol);
            _stopNotReadyAlerted.Remove(symbol);
            if (position is null || position.IsFlat)
            {
                _exitRefused.Remove((symbol, ProtectiveStopTag));
                _exitRefused.Remove((symbol, TakeProfitTag));
            }
            CancelProtective(live, position is { IsFlat: false } ? "the end-of-day flatten closes the position" : "the position is closed", now);
            return;
        }
        foreach (var o in live)
            if (o.Status == OrderStatus.PendingCancel) return; // replaced once its cancel is confirmed (or it fills)

        var isLong = position!.Quantity > 0m;
        var side = isLong ? OrderSide.Sell : OrderSide.Buy;
        var quantity = Math.Abs(position.Quantity);
        var instrument = _options.Instruments[symbol];
        decimal? stop = null;
        if (protection.HasStop)
        {
            var working = Working(live, ProtectiveStopTag, side, quantity);
            var close = _marks.Find(symbol)?.Price ?? position.AveragePrice;
            var floor = _trailLevels.TryGetValue(symbol, out var reached) && reached.Side == side ? reached.Trail
                : protection.Moves ? working?.StopPrice : null;
            var best = TrailReferencePrice(symbol, protection, side, close);
            var trail = protection.MovedLevel(isLong, position.AveragePrice, best, floor,
                protection.TrailFor(isLong, position.AveragePrice, best, floor, instrument, protection.UsesAtr ? AtrValue(symbol, protection.AtrPeriod) : null),
                instrument);
            var atrLevel = protection.StopLossAtr is null ? null
                : AtrStopLevel(symbol, protection, position, side, live, instrument);
            stop = protection.StopFor(isLong, position.AveragePrice, trail, instrument, atrLevel);
            _trailLevels[symbol] = (side, trail);
            if (stop is null) AlertStopNotReady(symbol, protection, position.Quantity, now);
            else _stopNotReadyAlerted.Remove(symbol);
        }
        // A position that scaled out at every step of its ladder has taken its profit: the rest rides on the stop.
        var target = protection.TakeProfitStep(position.ScaleOuts) is { } step
            ? TargetLevel(symbol, protection, position, side, live, instrument, step) : null;
        var targetQuantity = protection.TakeProfitQuantity(quantity, instrument.LotSize, position.ScaleOutBase);
        // An exit the venue or risk refused at this size and level is left out (and alerted once) until either changes.
        if (stop is { } s && Refused(symbol, ProtectiveStopTag, position.Quantity, side, quantity, s, now)) stop = null;
        if (target is { } t && Refused(symbol, TakeProfitTag, position.Quantity, side, targetQuantity, t, now)) target = null;
        if (InStep(live, side, quantity, stop, target, targetQuantity)) return;
        if (live.Count > 0)
        {
            CancelProtective(live, string.Create(CultureInfo.InvariantCulture,
                $"replaced by {(stop is null ? "" : $"a stop at {stop}")}{(stop is not null && target is not null ? " and " : "")}{(target is null ? "" : $"a take-profit at {target}")} for {quantity}"), now);
            return;
        }
        if (stop is null && target is null) return;
        PlaceProtectiveExits(symbol, position.OpenedBySource!, side, quantity, stop, target, targetQuantity, now);
    }

    /// <summary>
    /// Whether the protection of <paramref name="symbol"/> is brought in step while an order from a signal works there:
    /// when the position is flat (exits left over are canceled), or when every such order adds to it (an entry filling over
    /// several bars, or the second half of a reversal), so the shares held so far are protected and the exits never sell
    /// what an exit order sells. An order that reduces the position decides what is left to protect once it fills. A
    /// protective exit that filled meanwhile ended the trade: the entry still adding to it is canceled rather than buy back
    /// into the market that just stopped it out (or took its profit).
    /// </summary>
    private bool ProtectWhileSignalOrderWorks(string symbol, Position? position, OrderSide? exitFilled, DateTimeOffset now)
    {
        // Found first, canceled after: a cancel request changes the order it is read from.
        var working = _signalOrderScratch;
        _state.OpenSignalOrders(symbol, working);
        if (exitFilled is { } exitSide && AllOn(working, exitSide == OrderSide.Sell ? OrderSide.Buy : OrderSide.Sell))
            foreach (var o in working)
                if (o.Status.IsOpen() && o.Status != OrderStatus.PendingCancel)
                    RequestCancel(o.ClientOrderId, string.Create(CultureInfo.InvariantCulture,
                        $"a protective exit filled while the entry worked: the trade is over, {o.LeavesQuantity} left unfilled"), now);
        if (position is null || position.IsFlat) return true;
        return AllOn(working, position.Quantity > 0m ? OrderSide.Buy : OrderSide.Sell);
    }

    /// <summary>Whether there are <paramref name="orders"/> and every one is on <paramref name="side"/>.</summary>
    private static bool AllOn(List<Order> orders, OrderSide side)
    {
        foreach (var o in orders)
            if (o.Side != side) return false;
        return orders.Count > 0;
    }

    /// <summary>The live exit tagged <paramref name="tag"/> that is on <paramref name="side"/> for <paramref name="quantity"/>, or null.</summary>
    private static Order? Working(List<Order> live, string tag, OrderSide side, decimal quantity)
    {
        foreach (var o in live)
            if (o.Tag == tag && o.Side == side && o.LeavesQuantity == quantity) return o;
        return null;
    }

    /// <summary>
    /// Whether the live exits are exactly the wanted ones: the stop given for the whole <paramref name="quantity"/> and the
    /// take-profit given for <paramref name="targetQuantity"/> (the whole, or a scale-out's share), each at its level.
    /// </summary>
    private static bool InStep(List<Order> live, OrderSide side, decimal quantity, decimal? stop, decimal? target, decimal targetQuantity)
    {
        if (live.Count != (stop is null ? 0 : 1) + (target is null ? 0 : 1)) return false;
        return (stop is null || Working(live, ProtectiveStopTag, side, quantity)?.StopPrice == stop)
            && (target is null || Working(live, TakeProfitTag, side, targetQuantity)?.LimitPrice == target);
    }

    /// <summary>
    /// Whether the exit tagged <paramref name="tag"/> for <paramref name="quantity"/> at <paramref name="price"/> was
    /// refused already; the first time it is found so, alerts: critical for a stop (the position has none), a warning for
    /// a take-profit.
    /// </summary>
    private bool Refused(string symbol, string tag, decimal position, OrderSide side, decimal quantity, decimal price, DateTimeOffset now)
    {
        if (!_exitRefused.TryGetValue((symbol, tag), out var refused) || refused.Quantity != quantity || refused.Price != price)
            return false;
        if (refused.Alerted) return true;
        refused.Alerted = true;
        var isStop = tag == ProtectiveStopTag;
        Alert(isStop ? AlertSeverity.Critical : AlertSeverity.Warning, isStop ? "ProtectiveStopRefused" : "TakeProfitRefused",
            string.Create(CultureInfo.InvariantCulture,
                $"the {position} {symbol} position has no {(isStop ? "protective stop" : "take-profit")}: a {side.ToString().ToLowerInvariant()} {(isStop ? "stop" : "limit")} for {quantity} at {price} was refused ({refused.Why}); it is asked again when the position or the level changes"),
            now);
        return true;
    }

    /// <summary>
    /// The stop that protects <paramref name="position"/>: its opening source's, unless it is flat or the end-of-day
    /// flatten is about to close it (a stop working then would keep the flatten waiting, or sell the shares twice).
    /// </summary>
    private ProtectiveStop? ProtectionOf(Position? position, string symbol, DateTimeOffset now)
    {
        if (position is not { IsFlat: false, OpenedBySource: { } source } || !_protection.TryGetValue(source, out var protection))
            return null;
        return FlattensAtThisClose(source, symbol, now) ? null : protection;
    }

    /// <summary>
    /// Sends the stop and the take-profit (either may be null), given both in one one-cancels-other group named by the
    /// stop's ClientOrderId. Not while the kill switch is on (working exits, if any, stay) or the market is closed (asked
    /// again at the next bar).
    /// </summary>
    /// <param name="targetQuantity">What the take-profit sells: the whole <paramref name="quantity"/>, or a scale-out's share.</param>
    private void PlaceProtectiveExits(string symbol, string source, OrderSide side, decimal quantity, decimal? stop, decimal? target,
        decimal targetQuantity, DateTimeOffset now)
    {
        if (_state.TradingState == TradingState.Halted || ClosedReason(symbol, now) is not null) return;
        var group = stop is not null && target is not null ? ClientOrderIds.Format(OrderIdDatePrefix(), _state.OrderSequence + 1) : null;
        if (stop is { } s) PlaceProtectiveExit(symbol, source, side, quantity, OrderType.Stop, s, ProtectiveStopTag, group, now);
        if (target is { } t) PlaceProtectiveExit(symbol, source, side, targetQuantity, OrderType.Limit, t, TakeProfitTag, group, now);
    }

    /// <summary>
    /// Sends one exit through the order stages a strategy's placement goes through after its audit record: intent, order
    /// risk (it only reduces, so only a malformed order is refused), outbox.
    /// </summary>
    private void PlaceProtectiveExit(string symbol, string source, OrderSide side, decimal quantity, OrderType type, decimal price,
        string tag, string? group, DateTimeOffset now)
    {
        var (target, reducing) = PlacementTarget(symbol, side, quantity);
        var sequence = _state.OrderSequence + 1;
        var clientOrderId = ClientOrderIds.Format(OrderIdDatePrefix(), sequence);
        var requestId = string.Create(CultureInfo.InvariantCulture,
            $"{source}:{symbol}:{now.ToUnixTimeMilliseconds()}:{(type == OrderType.Stop ? "stop" : "target")}{++_placementCounter}");
        decimal? limit = type == OrderType.Limit ? price : null;
        decimal? stop = type == OrderType.Stop ? price : null;
        Emit(new OrderInitialized(clientOrderId, sequence, requestId, source, symbol, side, type, TimeInForce.Gtc,
            quantity, limit, stop, price) { Time = now, CorrelationId = requestId, Tag = tag, OcoGroup = group });
        if (CheckOrderRisk(_options.Instruments[symbol], target, quantity, price, reducing, now) is { } d)
        {
            Emit(new OrderDenied(clientOrderId, d.Reason, d.Detail) { Time = now, CorrelationId = clientOrderId });
            return;
        }
        EmitSubmitted(clientOrderId, now);
        _outbox.Add(new OutboxItem(OutboxKind.Submit, clientOrderId,
            new OrderRequest(clientOrderId, symbol, side, type, TimeInForce.Gtc, quantity, limit, stop, group), 0));
    }

    /// <summary>
    /// Whether the order a signal just initialized must wait for the symbol's protective exits: they are on the same side
    /// (both would sell the position), so they are canceled first and the order goes out once that is confirmed.
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

    /// <summary>Sends a held order once the exits are gone, unless one filled first (the position moved) or trading halted.</summary>
    private void ReleaseHeld(HeldOrder held, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(held.ClientOrderId, out var order) || order.Status != OrderStatus.Initialized) return;
        var position = _state.PositionQuantity(order.Symbol);
        if (_state.TradingState == TradingState.Halted)
            Emit(new OrderDenied(order.ClientOrderId, DenyReason.TradingHalted,
                $"trading halted while the order waited for the protective exits' cancel: {_state.TradingStateReason}") { Time = now, CorrelationId = order.ClientOrderId });
        else if (position != held.PositionAtHold)
            Emit(new OrderDenied(order.ClientOrderId, DenyReason.PositionChanged, string.Create(CultureInfo.InvariantCulture,
                $"a protective exit (stop or take-profit) filled first: the position is {position}, not the {held.PositionAtHold} the order was sized from")) { Time = now, CorrelationId = order.ClientOrderId });
        else
        {
            EmitSubmitted(order.ClientOrderId, now);
            _outbox.Add(new OutboxItem(OutboxKind.Submit, order.ClientOrderId, held.Request, held.EnqueuedAt));
        }
    }

    private void CancelProtective(List<Order> live, string reason, DateTimeOffset now)
    {
        foreach (var o in live)
            if (o.Status != OrderStatus.PendingCancel)
                RequestCancel(o.ClientOrderId, $"{(o.Tag == TakeProfitTag ? "take-profit" : "protective stop")}: {reason}", now);
    }

    /// <summary>The protective exits working in <paramref name="symbol"/> (a reused list: read it before the next call).</summary>
    private List<Order> LiveProtectiveOrders(string symbol)
    {
        _protectiveScratch.Clear();
        foreach (var o in _state.OpenPlacedOrders(symbol))
            if (IsProtectiveExit(o)) _protectiveScratch.Add(o);
        return _protectiveScratch;
    }

    /// <summary>Whether <paramref name="order"/> is one of the kernel's protective exits: a stop or a take-profit.</summary>
    private static bool IsProtectiveExit(Order order) => order.Tag is ProtectiveStopTag or TakeProfitTag;
}
