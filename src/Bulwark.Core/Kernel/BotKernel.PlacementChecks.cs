using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The checks a strategy's placement goes through, in one place: <see cref="PlaceLimit"/> runs them with its events
/// between them, and strategies may ask for the answer beforehand without anything being journaled, so that they wait
/// for a reason to clear (the end-of-day window, a position limit) instead of asking, and being denied, on every bar.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The checks before the placement's audit record: kill switch, instrument, a well-formed order, open market.</summary>
    private (DenyReason Reason, string Detail)? DenialBeforeAudit(string source, string symbol, OrderSide side, decimal quantity,
        decimal limitPrice, DateTimeOffset now)
    {
        // The kill switch comes before everything else, as for signals.
        if (_state.TradingState == TradingState.Halted)
            return (DenyReason.TradingHalted, $"trading halted: {_state.TradingStateReason}");
        if (AnyFlatten && FlattenDenial(source, symbol) is { } flattening) return flattening;
        if (!_options.Instruments.TryGetValue(symbol, out var instrument))
            return (DenyReason.UnknownInstrument, $"no instrument {symbol} in this bot");
        if (PlacementProblem(source, side, quantity, limitPrice, instrument) is { } problem)
            return (DenyReason.InvalidOrder, problem);
        if (ClosedReason(symbol, now) is { } closed)
            return (DenyReason.MarketClosed, closed);
        return null;
    }

    /// <summary>
    /// The position the limits are checked against, and whether the order only reduces. Worst case: every working placed
    /// order on this side (any source) fills, then this one. A working signal order is not counted: it is a market order
    /// about to fill at the next price.
    /// </summary>
    private (decimal Target, bool Reducing) PlacementTarget(string symbol, OrderSide side, decimal quantity)
    {
        var current = _state.PositionQuantity(symbol);
        var sameSide = _state.OpenPlacedQuantity(symbol, side);
        var sign = side == OrderSide.Buy ? 1m : -1m;
        var target = current + (sign * (sameSide + quantity));
        // Reducing only when even all working orders on this side together cannot flip or grow the position.
        var reducing = side == OrderSide.Sell ? current > 0m && target >= 0m : current < 0m && target <= 0m;
        return (target, reducing);
    }

    /// <summary>The checks after the audit record that refuse new exposure whatever its size: reduce-only (the bot's or the symbol's), a data stop, the end-of-day window, a no-entry window, a blackout.</summary>
    private (DenyReason Reason, string Detail)? ExposureDenial(string source, string symbol, bool reducing, DateTimeOffset now)
    {
        if (_state.TradingState == TradingState.Reducing && !reducing)
            return (DenyReason.ReducingOnly, $"reduce-only: {_state.TradingStateReason}");
        if (!reducing && _state.ReduceOnlySymbols.Count > 0 && _state.ReduceOnlySymbols.TryGetValue(symbol, out var why))
            return (DenyReason.SymbolReduceOnly, $"{symbol} is reduce-only: {why}");
        if (!reducing && _state.DataStops.Count > 0 && _state.DataStops.TryGetValue(symbol, out var stop))
            return (DenyReason.DataQualityStop, $"{symbol} data stop: {stop.Reason}");
        if (!reducing && FlattensAtThisClose(source, symbol, now))
            return (DenyReason.EndOfDayWindow, "no new intraday exposure between the end-of-day flatten and the close");
        if (!reducing && _entryWindows && EntryWindowDenial(source, symbol, now) is { } window)
            return window;
        if (!reducing && !_options.Blackouts.IsEmpty && BlackoutDenial(symbol) is { } blackout)
            return blackout;
        return null;
    }

    /// <summary>What <see cref="PlaceLimit"/> would answer now (every check, in its order), journaling nothing; null when it would place.</summary>
    private DenyReason? PlacementDenial(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice)
    {
        var now = _now;
        if (DenialBeforeAudit(source, symbol, side, quantity, limitPrice, now) is { } early) return early.Reason;
        var (target, reducing) = PlacementTarget(symbol, side, quantity);
        if (ExposureDenial(source, symbol, reducing, now) is { } gate) return gate.Reason;
        return (PriceCollarDenial(symbol, limitPrice) ?? CheckOrderRisk(_options.Instruments[symbol], target, quantity, limitPrice, reducing, now))?.Reason;
    }

    /// <summary>
    /// Why no order adding exposure for <paramref name="source"/> in <paramref name="symbol"/> could be placed now, whatever
    /// its size or price (kill switch, unknown instrument, closed market, reduce-only, end-of-day window, circuit breaker,
    /// daily loss); null when only the size limits could still refuse one. Journals nothing.
    /// </summary>
    private DenyReason? NewExposureDenial(string source, string symbol)
    {
        var now = _now;
        if (_state.TradingState == TradingState.Halted) return DenyReason.TradingHalted;
        if (AnyFlatten && FlattenDenial(source, symbol) is { } flattening) return flattening.Reason;
        if (!_options.Instruments.ContainsKey(symbol)) return DenyReason.UnknownInstrument;
        if (ClosedReason(symbol, now) is not null) return DenyReason.MarketClosed;
        if (ExposureDenial(source, symbol, reducing: false, now) is { } gate) return gate.Reason;
        return _risk.CheckOpening(_state, now)?.Reason;
    }
}
