using System.Globalization;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The operator's flatten (<c>bulwark flatten</c>, the panic button): the bot switches to reduce-only, cancels every
/// working order (entries, exits, a grid's levels, protective stops), and closes each position at market once nothing
/// else works in its symbol. The request is journaled, so a restart goes on with it; each pass (every bar and timer
/// tick) asks again what is still open, until no position is held and no order works (<see cref="FlattenCompleted"/>).
/// Meanwhile nothing but the flatten's own orders goes out: strategies' signals and placements are denied
/// <see cref="DenyReason.Flattening"/>, and protective stops, time stops, the trim and the end-of-day flatten wait. The
/// bot stays reduce-only afterwards; the operator's resume or kill ends a flatten still under way.
/// <para>
/// A flatten of one symbol (<c>bulwark flatten --symbol</c>) does the same in that symbol only, while the rest of the book
/// trades on: the symbol turns reduce-only (<see cref="KernelState.ReduceOnlySymbols"/>) instead of the bot, and stays so
/// until the operator resumes the symbol, which also ends its flatten under way; a kill ends it too.
/// </para>
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The source of the flatten's closing orders.</summary>
    public const string OperatorFlattenSource = "operator-flatten";

    /// <summary>Closing orders a symbol may take in one flatten before the operator is alerted instead (a venue that keeps rejecting).</summary>
    private const int MaxFlattenOrdersPerSymbol = 3;

    /// <summary>Cancel requests per order in one flatten: a venue that keeps refusing one is not asked at every pass.</summary>
    private const int MaxFlattenCancelsPerOrder = 3;

    private readonly Dictionary<string, int> _flattenOrders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _flattenCancels = new(StringComparer.Ordinal);

    /// <summary>Whether the operator's flatten of the whole bot is under way.</summary>
    private bool Flattening => _state.FlattenReason is not null;

    /// <summary>Whether any flatten is under way, the whole bot's or a symbol's.</summary>
    private bool AnyFlatten => _state.FlattenReason is not null || _state.FlattenSymbols.Count > 0;

    /// <summary>Whether <paramref name="symbol"/> is being flattened, by the whole bot's flatten or its own.</summary>
    private bool FlatteningSymbol(string symbol) => Flattening || _state.FlattenSymbols.ContainsKey(symbol);

    private void HandleFlattenAll(FlattenAll f, DateTimeOffset now)
    {
        using var cause = KeepCause();
        if (_state.TradingState != TradingState.Reducing || _state.TradingStateReason != f.Reason)
            Emit(new TradingStateChanged(TradingState.Reducing, f.Reason) { Time = now });
        _cause = Emit(new FlattenRequested(f.Reason) { Time = now });
        _flattenOrders.Clear();
        _flattenCancels.Clear();
        ContinueFlatten(now);
    }

    /// <summary>
    /// The symbol turns reduce-only and its flatten starts, unless the bot is halted (nothing would go out: the operator is
    /// told to reduce or resume first) or the whole bot's flatten already closes it.
    /// </summary>
    private void HandleFlattenSymbol(FlattenSymbol f, DateTimeOffset now)
    {
        using var cause = KeepCause();
        if (!_state.ReduceOnlySymbols.TryGetValue(f.Symbol, out var why) || why != f.Reason)
            Emit(new SymbolReduceOnlyChanged(f.Symbol, true, f.Reason) { Time = now });
        if (_state.TradingState == TradingState.Halted)
        {
            Alert(AlertSeverity.Warning, "FlattenRefused", string.Create(CultureInfo.InvariantCulture,
                $"{f.Symbol} is reduce-only now, but the bot is halted and sends nothing: reduce or resume it, then flatten {f.Symbol} again"), now);
            return;
        }
        if (Flattening) return;
        _cause = Emit(new FlattenRequested(f.Reason) { Symbol = f.Symbol, Time = now });
        _flattenOrders.Remove(f.Symbol);
        _flattenCancels.Clear();
        ContinueFlatten(now);
    }

    /// <summary>
    /// The operator's reduce or resume of one symbol. A resume also lifts the symbol's data quality stop: the operator
    /// vouches for the data (a real gap the next bar has not confirmed yet, a feed known to be back).
    /// </summary>
    private void HandleSetSymbolReduceOnly(SetSymbolReduceOnly c, DateTimeOffset now)
    {
        var held = _state.ReduceOnlySymbols.TryGetValue(c.Symbol, out var why);
        if (c.ReduceOnly ? !held || why != c.Reason : held)
            Emit(new SymbolReduceOnlyChanged(c.Symbol, c.ReduceOnly, c.Reason) { Time = now });
        if (!c.ReduceOnly && _state.DataStops.ContainsKey(c.Symbol))
            Emit(new DataQualityResumed(c.Symbol, $"the operator resumed it: {c.Reason}") { Time = now });
    }

    /// <summary>One pass: cancels what works, closes what is held with nothing working, and completes once both are done.</summary>
    private void ContinueFlatten(DateTimeOffset now)
    {
        if (!AnyFlatten || _state.TradingState == TradingState.Halted) return;
        using var cause = KeepCause();
        List<string>? working = null;
        foreach (var o in _state.Orders.Values)
            if (o.Status.IsOpen() && o.Status != OrderStatus.PendingCancel && o.Source != OperatorFlattenSource && FlatteningSymbol(o.Symbol))
                (working ??= []).Add(o.ClientOrderId);
        if (working is not null)
        {
            working.Sort(StringComparer.Ordinal);
            foreach (var id in working) CancelForFlatten(id, now);
        }
        var held = _state.Positions.Values.Where(p => !p.IsFlat && FlatteningSymbol(p.Symbol)).Select(p => p.Symbol).Order(StringComparer.Ordinal).ToList();
        foreach (var symbol in held)
        {
            if (_state.HasOpenOrder(symbol) || ClosedReason(symbol, now) is not null) continue;
            _flattenOrders.TryGetValue(symbol, out var sent);
            if (sent > MaxFlattenOrdersPerSymbol) continue;
            _flattenOrders[symbol] = sent + 1;
            if (sent == MaxFlattenOrdersPerSymbol)
            {
                Alert(AlertSeverity.Critical, "FlattenStuck", string.Create(CultureInfo.InvariantCulture,
                    $"{symbol} is still held after {sent} closing orders of the operator's flatten; close it at the venue, or flatten again to retry"), now);
                continue;
            }
            var request = Flattening ? _state.FlattenSequence : _state.FlattenSymbols[symbol].Sequence;
            HandleSignal(new Signal(string.Create(CultureInfo.InvariantCulture, $"{OperatorFlattenSource}:{symbol}:{request}:{sent + 1}"),
                OperatorFlattenSource, symbol, SignalDirection.Flat, 1m, now), 0, now);
        }
        if (Flattening)
        {
            if (held.Count == 0 && _state.OpenOrderCount == 0)
            {
                Emit(new FlattenCompleted("flat: no position held and no order working; reduce-only until the operator resumes") { Time = now });
                _flattenOrders.Clear();
                _flattenCancels.Clear();
            }
            return;
        }
        foreach (var symbol in _state.FlattenSymbols.Keys.ToList())
        {
            if (held.Contains(symbol) || _state.HasOpenOrder(symbol)) continue;
            Emit(new FlattenCompleted(string.Create(CultureInfo.InvariantCulture,
                $"{symbol} flat: no position held and no order working; reduce-only until the operator resumes it")) { Symbol = symbol, Time = now });
            _flattenOrders.Remove(symbol);
        }
    }

    /// <summary>
    /// Asks for the cancel; after a refused cancel (the order is working again) it asks again at a later pass, but at most
    /// <see cref="MaxFlattenCancelsPerOrder"/> times, then raises one alert for the operator.
    /// </summary>
    private void CancelForFlatten(string clientOrderId, DateTimeOffset now)
    {
        _flattenCancels.TryGetValue(clientOrderId, out var asked);
        if (asked > MaxFlattenCancelsPerOrder) return;
        _flattenCancels[clientOrderId] = asked + 1;
        if (asked == MaxFlattenCancelsPerOrder)
        {
            Alert(AlertSeverity.Critical, "FlattenCancelRefused",
                $"order {clientOrderId} is still working after {asked} cancel requests of the operator's flatten; cancel it at the venue", now, clientOrderId);
            return;
        }
        RequestCancel(clientOrderId, "operator flatten", now);
    }

    /// <summary>
    /// Why a signal or placement of <paramref name="source"/> in <paramref name="symbol"/> may not go out: a flatten of
    /// the symbol is under way (the whole bot's or its own) and it is not the flatten's own.
    /// </summary>
    private (DenyReason Reason, string Detail)? FlattenDenial(string source, string symbol)
    {
        if (source == OperatorFlattenSource) return null;
        if (Flattening) return (DenyReason.Flattening, $"the operator's flatten is closing every position: {_state.FlattenReason}");
        return _state.FlattenSymbols.TryGetValue(symbol, out var f)
            ? (DenyReason.Flattening, $"the operator's flatten is closing {symbol}: {f.Reason}")
            : null;
    }
}
