using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel;

/// <summary>The signal pipeline: kill switch, audit record, pending/target checks, sizing, order risk, intent.</summary>
public sealed partial class BotKernel
{
    /// <summary>The pipeline; from the audit record on, what it emits follows from the signal's <see cref="SignalReceived"/>.</summary>
    /// <param name="tag">The tag of the order the signal places, if any (a time stop's exit).</param>
    private void HandleSignal(Signal signal, long enqueuedAt, DateTimeOffset now, string? tag = null)
    {
        using var cause = KeepCause();
        if (_state.TradingState == TradingState.Halted)
        {
            DenySignal(signal, DenyReason.TradingHalted, $"trading halted: {_state.TradingStateReason}", now);
            return;
        }
        if (AnyFlatten && FlattenDenial(signal.Source, signal.Symbol) is { } flattening)
        {
            DenySignal(signal, flattening.Reason, flattening.Detail, now);
            return;
        }
        if (!_options.Instruments.TryGetValue(signal.Symbol, out var instrument))
        {
            DenySignal(signal, DenyReason.UnknownInstrument, $"no instrument {signal.Symbol} in this bot", now);
            return;
        }
        if (signal.Strength is < 0m or > 1m || string.IsNullOrEmpty(signal.SignalId) || string.IsNullOrEmpty(signal.Source))
        {
            DenySignal(signal, DenyReason.InvalidSignal, "strength must be in [0, 1] with a signal id and a source", now);
            return;
        }

        if (ClosedReason(signal.Symbol, now) is { } closed)
        {
            DenySignal(signal, DenyReason.MarketClosed, closed, now);
            return;
        }

        _cause = Emit(new SignalReceived(signal) { Time = now, CorrelationId = signal.SignalId });

        // A signal targets the whole position of its symbol, so while an order from any signal is still working in
        // the symbol the target would count that order's quantity twice: denied, whatever the sources. Resting orders
        // strategies placed themselves (a grid's limits) do not block signals: they may rest for days. The signal's
        // delta is computed from the position alone, so a resting order that fills later moves the position on top.
        if (_state.HasOpenSignalOrder(signal.Symbol) || (_held.Count > 0 && _held.ContainsKey(signal.Symbol)))
        {
            DenySignal(signal, DenyReason.OrderPending, $"an order for {signal.Symbol} is still working", now);
            return;
        }
        var current = _state.PositionQuantity(signal.Symbol);
        var markBox = _marks.Find(signal.Symbol);
        var hasMark = markBox is not null;
        var mark = markBox?.Price ?? 0m;
        decimal target;
        if (signal.TargetQuantity is { } exact) target = new Quantity(exact).RoundDownToLot(instrument.LotSize).Value;
        else if (signal.Direction == SignalDirection.Flat) target = 0m;
        else
        {
            if (!hasMark)
            {
                DenySignal(signal, DenyReason.NoMarketPrice, $"no price yet for {signal.Symbol} to size with", now);
                return;
            }
            // Equity walks every position: only pay for it when the sizing mode needs it.
            var equity = _sizer.NeedsEquity ? Equity() : 0m;
            decimal? stopDistance = null;
            if (_sizer.Options.Mode == SizingMode.RiskPercent)
            {
                stopDistance = StopDistance(signal.Source, signal.Symbol, signal.Direction == SignalDirection.Long, mark, instrument, out var why, out var detail);
                if (stopDistance is null)
                {
                    DenySignal(signal, why, detail, now);
                    return;
                }
            }
            decimal? range = null;
            if (_sizer.Options.Mode == SizingMode.Volatility)
            {
                range = SizingRange(signal.Symbol, out var detail);
                if (range is null)
                {
                    DenySignal(signal, DenyReason.RangeNotReady, detail, now);
                    return;
                }
            }
            var weight = _sizer.Options.UseAdaptiveWeights ? _state.StatsFor(signal.Source).Weight : 1m;
            var size = _sizer.Size(instrument, mark, equity, signal.Strength, weight, stopDistance, range, _options.AllocationOf(signal.Source));
            if (size == 0m)
            {
                DenySignal(signal, DenyReason.ZeroQuantity, $"sized to zero at lot size {instrument.LotSize}", now);
                return;
            }
            if (_covariance is not null)
            {
                if (CappedByPortfolio(signal.Symbol, instrument, mark, size, signal.Direction == SignalDirection.Long, current, equity, out var why) is not { } capped)
                {
                    DenySignal(signal, DenyReason.PortfolioVolatilityCap, why, now);
                    return;
                }
                size = capped;
            }
            target = signal.Direction == SignalDirection.Long ? size : -size;
        }

        var delta = target - current;
        if (delta == 0m)
        {
            DenySignal(signal, DenyReason.AlreadyAtTarget, $"position {current} is already the target", now);
            return;
        }
        var reducing = Math.Abs(target) < Math.Abs(current) && (target == 0m || Math.Sign(target) == Math.Sign(current));
        // Reduce-only and the end-of-day window: the same gate, and the same words, as a strategy's own placements.
        if (ExposureDenial(signal.Source, signal.Symbol, reducing, now) is { } gate)
        {
            DenySignal(signal, gate.Reason, gate.Detail, now);
            return;
        }
        // A position is not opened or added to before its stop can be set.
        if (!reducing && _atrPeriods.Length > 0 && AtrStopNotReady(signal.Source, signal.Symbol) is { } notReady)
        {
            DenySignal(signal, DenyReason.StopNotReady, notReady, now);
            return;
        }
        if (!hasMark && !reducing)
        {
            // An exact target needs no sizing, but without a price its notional cannot be checked against the limits.
            DenySignal(signal, DenyReason.NoMarketPrice, $"no price yet for {signal.Symbol} to check the order against the limits", now);
            return;
        }

        var price = hasMark ? mark : 0m;
        var sequence = _state.OrderSequence + 1;
        var clientOrderId = ClientOrderIds.Format(OrderIdDatePrefix(), sequence);
        var side = delta > 0m ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Math.Abs(delta);
        Emit(new OrderInitialized(clientOrderId, sequence, signal.SignalId, signal.Source, signal.Symbol, side,
            OrderType.Market, TimeInForce.Gtc, quantity, null, null, price) { Time = now, CorrelationId = signal.SignalId, Tag = tag });

        var denial = CheckOrderRisk(instrument, target, quantity, price, reducing, now);
        if (denial is { } d)
        {
            Emit(new OrderDenied(clientOrderId, d.Reason, d.Detail) { Time = now, CorrelationId = clientOrderId });
            return;
        }
        var request = new OrderRequest(clientOrderId, signal.Symbol, side, OrderType.Market, TimeInForce.Gtc, quantity);
        // Both this order and the symbol's protective stop would sell (or buy back) the same position: the stop goes first.
        if (_protection.Count > 0 && HoldForProtectiveStop(clientOrderId, signal.Symbol, side, current, request, enqueuedAt, now)) return;
        EmitSubmitted(clientOrderId, now);
        _outbox.Add(new OutboxItem(OutboxKind.Submit, clientOrderId, request, enqueuedAt));
    }

    /// <summary>"{bot}-{yyyyMMdd}-" for the current trading date, built once a day.</summary>
    private string OrderIdDatePrefix()
    {
        if (_orderIdPrefixDate != _state.TradingDate || _orderIdPrefix is null)
        {
            _orderIdPrefixDate = _state.TradingDate;
            _orderIdPrefix = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{_options.BotId}-{_state.TradingDate:yyyyMMdd}-");
        }
        return _orderIdPrefix;
    }

    private void DenySignal(Signal signal, DenyReason reason, string detail, DateTimeOffset now) =>
        Emit(new SignalDenied(signal.SignalId, signal.Source, signal.Symbol, reason, detail)
        {
            Time = now,
            CorrelationId = signal.SignalId,
        });

    private void RequestCancel(string clientOrderId, string reason, DateTimeOffset now)
    {
        if (!_state.Orders.TryGetValue(clientOrderId, out var order)
            || !OrderStateMachine.TryNext(order.Status, OrderTrigger.CancelRequest, out _))
            return;
        Emit(new OrderCancelRequested(clientOrderId, reason) { Time = now, CorrelationId = clientOrderId });
        _outbox.Add(new OutboxItem(OutboxKind.Cancel, clientOrderId, null, 0));
    }

    private void OnMarketBar(in Bar bar, DateTimeOffset now)
    {
        // Before the strategies: a signal on this bar sizes its stop from the range including it.
        if (_atrPeriods.Length > 0) NoteBarForAtr(bar);
        if (_covariance is not null)
        {
            NoteBarForCovariance(bar);
            if (_sizer.Options.PortfolioVolatilityTrimPercent is not null) MeasureTrim();
        }
        // Before the bar's signals and their close fills: only a position held at the bar's start takes its extreme.
        if (_trailsFromExtremes) NoteBarForTrail(bar);
        // Before the bar sets the mark: a jump is measured from the last close.
        if (_checksBars || _state.DataStops.Count > 0) CheckBarData(bar, now);
        HandleBar(bar, now);
        if (Flattening)
        {
            // The flatten alone sends orders: the time stop, the trim and the end-of-day flatten would race it.
            ContinueFlatten(now);
            return;
        }
        // A symbol's flatten alone sends orders in that symbol; the rest of the book goes on.
        var symbolFlattens = _state.FlattenSymbols.Count > 0;
        if (symbolFlattens) ContinueFlatten(now);
        if (!symbolFlattens || !_state.FlattenSymbols.ContainsKey(bar.Symbol))
        {
            if (_maxHold.Count > 0) CheckTimeStop(bar, now);
            if (!_options.Blackouts.IsEmpty) CheckBlackoutExit(bar, now);
            if (_risk.Limits.MaxPositionLossPercent is { } lossLimit) CheckPositionLoss(bar, lossLimit, now);
            if (_trimFactor < 1d) CheckVolatilityTrim(bar, now);
        }
        CheckEndOfDay(now);
        if (_protection.Count == 0) return;
        NoteBarForProtection(bar.Symbol);
        ProtectIfDue(now);
    }

    private void HandleBar(in Bar bar, DateTimeOffset now)
    {
        if (_warmUpContext is { HasNotes: true }) ReportWarmUpNotes(now);
        _marks.GetOrAdd(bar.Symbol, 0, static (_, _) => new Mark()).Price = bar.Close;
        // Only bots with margined instruments pay for the lookup: ordinary bars add no event and no work.
        if (_hasMarginedInstruments && _state.Positions.TryGetValue(bar.Symbol, out var held)
            && held.IsMargined && !held.IsFlat && held.SettlementPrice != bar.Close)
            Emit(new VariationMarginSettled(bar.Symbol, bar.Close) { Time = now });
        var equity = Equity();
        if (_risk.Limits.MaxDrawdownPercent is not null) CheckDrawdown(equity, now);
        else if (equity > _state.PeakEquity) Emit(new PeakEquityRaised(equity) { Time = now });
        if (_risk.Limits.MaxDailyLossPercent is not null) CheckDailyLoss(equity, now);
        foreach (var strategy in StrategiesFor(bar.Symbol)) RunStrategy(strategy, bar, _strategyContext, now); // an array: no enumerator allocated per bar
    }

    /// <summary>
    /// One source's bar, isolated: a strategy that throws is a bug in that strategy, not in the bot. It is journaled,
    /// alerted and switched off; the other sources (other asset classes, other models) keep trading.
    /// </summary>
    /// <param name="context">The bot's context, or the <see cref="WarmUpContext"/> for a bar of history.</param>
    private void RunStrategy(IStrategy strategy, in Bar bar, IStrategyContext context, DateTimeOffset now)
    {
        if (IsSwitchedOff(strategy)) return;
        try
        {
            strategy.OnBar(bar, context);
        }
        catch (Exception ex) when (ex is not (KernelFaultException or OutOfMemoryException))
        {
            FailStrategy(strategy, bar.Symbol, ReferenceEquals(context, _warmUpContext) ? "a warm-up bar" : "a bar", ex, now);
        }
    }

    /// <summary>
    /// A bar of history for the strategies to warm up on (<see cref="Commands.WarmUpBar"/>), isolated the same way as a
    /// live bar: a strategy that throws on it fails and is switched off.
    /// </summary>
    private void WarmUp(in Bar bar, DateTimeOffset now)
    {
        _warmUpContext ??= new WarmUpContext(_options.Instruments);
        _warmUpContext.Now = bar.Time;
        if (_atrPeriods.Length > 0) NoteBarForAtr(bar);
        if (_covariance is not null) NoteBarForCovariance(bar);
        foreach (var strategy in StrategiesFor(bar.Symbol)) RunStrategy(strategy, bar, _warmUpContext, now);
    }

    private WarmUpContext? _warmUpContext;

    /// <summary>
    /// At the first bar traded after a warm-up: what each strategy last noted about itself while warming up, as the notice
    /// it would have raised live, so the state it starts trading in (hmm-regime on its model or its fallback) is on record.
    /// </summary>
    private void ReportWarmUpNotes(DateTimeOffset now)
    {
        foreach (var note in _warmUpContext!.TakeNotes())
            Alert(Kernel.Events.AlertSeverity.Info, note.Code,
                $"{note.Source}: {note.Message} (while warming up, as of the bar of {note.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC)", now);
    }

    /// <summary>The strategies that trade <paramref name="symbol"/>, found once per symbol.</summary>
    private IStrategy[] StrategiesFor(string symbol) =>
        _strategiesBySymbol.GetOrAdd(symbol, _strategies, static (symbol, all) => Array.FindAll(all, s => s.Handles(symbol)));

    /// <summary>An order outcome for one source, isolated the same way as its bars.</summary>
    private void RunStrategy(IStrategy strategy, StrategyOrderUpdate update, DateTimeOffset now)
    {
        if (IsSwitchedOff(strategy)) return;
        try
        {
            strategy.OnOrderUpdate(update, _strategyContext);
        }
        catch (Exception ex) when (ex is not (KernelFaultException or OutOfMemoryException))
        {
            FailStrategy(strategy, update.Symbol, $"the {update.Kind.ToString().ToLowerInvariant()} update of {update.ClientOrderId}", ex, now);
        }
    }

    private bool IsSwitchedOff(IStrategy strategy) =>
        _state.FailedStrategies.Count > 0 && _state.FailedStrategies.Contains(strategy.Source);

    private void FailStrategy(IStrategy strategy, string symbol, string what, Exception ex, DateTimeOffset now)
    {
        var error = $"{ex.GetType().Name}: {ex.Message}";
        Emit(new StrategyFailed(strategy.Source, symbol, error) { Time = now });
        Alert(Events.AlertSeverity.Critical, "StrategyFailed",
            $"strategy '{strategy.Source}' threw on {what} of {symbol} and is switched off until resume: {error}", now);
    }

    /// <summary>
    /// Cash plus positions at their last mark (at cost, or a margined position's last settlement, when no mark has
    /// been seen). A margined position counts the margin it holds plus any variation not yet settled.
    /// </summary>
    public decimal Equity()
    {
        var equity = _state.Cash;
        foreach (var p in _state.Positions.Values)
        {
            if (p.IsFlat) continue;
            var price = _marks.Find(p.Symbol)?.Price ?? p.FallbackMark;
            equity += p.Value(price);
        }
        return equity;
    }
}
