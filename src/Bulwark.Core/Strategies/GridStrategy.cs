using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Strategies;

/// <summary>
/// A grid of resting limit orders around a center: buys at levels -1..-N below it, sells at +1..+N above it.
/// <list type="bullet">
/// <item>When an order ends having filled, the same quantity goes back one level away on the other side: a filled buy at
/// level k becomes a sell at k + 1, a filled sell at k a buy at k - 1. Each level holds at most one order.</item>
/// <item>No order is placed that could, with every working grid order on its side, take the position beyond the
/// maximum inventory (or short at all when shorting is off), nor at a price outside the bounds.</item>
/// <item>When a close is outside the bounds the grid cancels its orders and stops; the inventory is kept as it is (the
/// grid does not liquidate: that is the risk controls' or the operator's call). When a close is back inside, it is
/// rebuilt around that close, taking the position over as its starting inventory. A grid not yet built whose first
/// closes are outside its bounds notes once ("GridWaiting") that it waits for a close inside them.</item>
/// <item>When the position differs from what the grid's fills imply by more than the drift tolerance (a manual trade,
/// another source, a fill the bot learned of late) the grid is rebuilt: all its orders canceled and re-placed around
/// the last close. A grid left with no resting order at all (every placement denied, or its orders canceled by the
/// end-of-day flatten) is rebuilt on the next bar too.</item>
/// <item>A build waits, journaling nothing, while the engine would refuse any new exposure in the symbol (outside the
/// session, in the end-of-day window, halted, reduce-only, circuit breaker open): it happens on the first bar it may,
/// so a blocked grid does not rebuild, and have every level denied, on every bar.</item>
/// <item>A replacement that cannot be placed when it is due (the inventory limit, or the engine would deny it) is
/// journaled as deferred; the level waits for it and it is placed on the first later bar its placement would pass,
/// asked at most once a bar. A rebuild or a stop drops what waits.</item>
/// <item>An order the venue refuses for funds (a build's or a replacement's) is deferred the same way, but tried again only
/// after the bot's next fill (any source's: it moves the cash) or <see cref="GridOptions.FundsRetryMinutes"/> later, whichever is
/// first, and a buy only once the bot's own books say it can pay (<see cref="IStrategyContext.BuyingPower"/>); while nothing
/// rests because of such refusals the grid does not rebuild on every bar either.</item>
/// <item>With <see cref="GridOptions.RecenterSteps"/> set, a grid holding no inventory whose close has moved that many
/// steps from its center is rebuilt around the close (noted as "GridRecentered"): a long-only grid follows a market
/// rising away from it instead of resting its buys ever further below. With inventory it keeps its levels.</item>
/// <item>The first build waits for the ATR (ATR spacing) and the EMA slope (bias) to be ready; it uses the configured
/// center if any, rebuilds use the last close. The bias moves the center at build time only, so it never churns orders.</item>
/// </list>
/// Grid state (center, step, which order rests at which level, the implied inventory) is journaled through grid events
/// and read back from the kernel's state, so a restarted bot continues the same grid.
/// </summary>
public sealed class GridStrategy : IStrategy
{
    private readonly HashSet<string> _symbols;
    private readonly GridOptions _options;
    private readonly SymbolMap<GridSymbolState> _bySymbol = new();

    public GridStrategy(string source, IEnumerable<string> symbols, GridOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException($"grid options: {string.Join("; ", problems.Select(p => $"{p.Key} {p.Message}"))}", nameof(options));
        Source = source;
        _options = options;
        _symbols = new HashSet<string>(symbols, StringComparer.Ordinal);
    }

    public string Source { get; }

    public bool Handles(string symbol) => _symbols.Contains(symbol);

    /// <summary>The first build waits for the ATR (<c>atrPeriod</c> bars) when it sets the spacing, and for the EMA's
    /// first change (<c>biasPeriod</c> + 1 bars) when a bias is set.</summary>
    public int BarsToFirstSignal => Math.Max(_options.AtrMultiple is null ? 1 : _options.AtrPeriod,
        _options.BiasStrength > 0m ? _options.BiasPeriod + 1 : 1);

    public void OnBar(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, _options, static (_, options) => new GridSymbolState(options));
        st.Update(bar.High, bar.Low, bar.Close);
        if (context.InstrumentOf(bar.Symbol) is not { } instrument) return;
        var grid = context.Grid(Source, bar.Symbol);

        if (!GridLevels.InBounds(_options, bar.Close))
        {
            if (grid is { Active: true }) Stop(context, bar.Symbol, BoundsText(bar.Close));
            else if (grid is null && !st.WaitNoted)
            {
                // Never built: without a word, a grid whose bounds the market never enters reads as one that chose not to trade.
                st.WaitNoted = true;
                context.Note(Source, "GridWaiting", $"{bar.Symbol}: {BoundsText(bar.Close)}; the grid is built at the first close inside its bounds");
            }
            return;
        }
        if (_options.AtrMultiple is not null && !st.Atr.IsReady) return;
        if (st.Ema is not null && !st.BiasReady) return;

        if (grid is null) BuildWhenAllowed(context, instrument, st, "first build", _options.Center ?? bar.Close);
        else if (!grid.Active) BuildWhenAllowed(context, instrument, st, "the close is back inside the bounds", bar.Close);
        else if (Math.Abs(context.PositionQuantity(bar.Symbol) - grid.ImpliedInventory) > _options.DriftTolerance)
            BuildWhenAllowed(context, instrument, st, $"drift: position {context.PositionQuantity(bar.Symbol)}, the grid's fills imply {grid.ImpliedInventory}", bar.Close);
        else if (RecenterDue(context, grid, bar.Symbol, bar.Close) is { } away)
        {
            // Noted once it happens: a build the engine holds back (market closed) is tried again on the next bar.
            var center = grid.Center;
            if (BuildWhenAllowed(context, instrument, st, $"recenter: close {bar.Close} is {away} steps from the center {center}", bar.Close))
                context.Note(Source, "GridRecentered", $"{bar.Symbol}: close {bar.Close} is {away} steps from the center {center} with no inventory; rebuilt around it");
        }
        else if (grid.Slots.Count == 0 && context.OpenOrders(Source, bar.Symbol).Count == 0 && HasFundsWait(grid))
        {
            // Nothing rests because the venue refused the grid's orders for funds: rebuilding now would only be refused
            // again, on every bar. It rebuilds once every refused level is due (a fill moved the cash, or its retry time came).
            if (!grid.Deferred.Values.Any(d => d.WaitsForFunds(context.FillCount, context.Now)))
                BuildWhenAllowed(context, instrument, st, "retrying the levels the venue refused for funds", bar.Close);
        }
        else
        {
            RetryDeferred(context, grid, instrument);
            if (grid.Slots.Count == 0 && context.OpenOrders(Source, bar.Symbol).Count == 0)
                BuildWhenAllowed(context, instrument, st, "no order was resting", bar.Close);
        }
    }

    /// <summary>
    /// How many whole steps the close is from the center when that is <see cref="GridOptions.RecenterSteps"/> or more and
    /// the grid holds no inventory (nor does the position); else null.
    /// </summary>
    private decimal? RecenterDue(IStrategyContext context, IGridView grid, string symbol, decimal close)
    {
        if (_options.RecenterSteps is not { } steps || grid.Step <= 0m || grid.ImpliedInventory != 0m || context.PositionQuantity(symbol) != 0m)
            return null;
        var away = Math.Floor(Math.Abs(close - grid.Center) / grid.Step);
        return away >= steps ? away : null;
    }

    private static bool HasFundsWait(IGridView grid)
    {
        foreach (var d in grid.Deferred.Values)
            if (d.RetryAfterFills is not null) return true;
        return false;
    }

    public void OnOrderUpdate(StrategyOrderUpdate update, IStrategyContext context)
    {
        if (context.Grid(Source, update.Symbol) is not { } grid) return;
        if (update.Kind == StrategyOrderUpdateKind.Filled && update.FillQuantity > 0m)
            context.Record(new GridFillRecorded(Source, update.Symbol, update.ClientOrderId,
                update.Side == OrderSide.Buy ? update.FillQuantity : -update.FillQuantity) { Time = context.Now });
        if (!update.Final || grid.LevelOf(update.ClientOrderId) is not { } level) return;
        context.Record(new GridLevelCleared(Source, update.Symbol, level, update.ClientOrderId, update.Kind.ToString().ToLowerInvariant()) { Time = context.Now });
        if (update is { Kind: StrategyOrderUpdateKind.Rejected, RejectCode: VenueRejectCode.InsufficientFunds } && grid.Active)
        {
            // The level keeps its order, waiting for cash: tried again after the bot's next fill, or after a while.
            context.Record(new GridLevelDeferred(Source, update.Symbol, level, update.Side, update.OrderQuantity,
                $"the venue refused {update.ClientOrderId} for funds")
            {
                Time = context.Now,
                RetryAfterFills = context.FillCount,
                RetryAt = context.Now.AddMinutes(_options.FundsRetryMinutes),
            });
            return;
        }
        if (update.FilledQuantity <= 0m || !grid.Active || context.InstrumentOf(update.Symbol) is not { } instrument) return;

        // The round trip's other half, one level away, for what this order filled.
        var (side, next) = update.Side == OrderSide.Buy ? (OrderSide.Sell, level + 1) : (OrderSide.Buy, level - 1);
        if (grid.Slots.ContainsKey(next) || grid.Deferred.ContainsKey(next))
        {
            context.Note(Source, "GridLevelBusy", $"{update.Symbol}: level {next} already holds or awaits an order; no replacement for {update.ClientOrderId}");
            return;
        }
        PlaceOrDefer(context, grid, instrument, side, next, update.FilledQuantity);
    }

    /// <summary>A build adds exposure: it waits while the engine would refuse any (see the class remarks). True when it built.</summary>
    private bool BuildWhenAllowed(IStrategyContext context, Instrument instrument, GridSymbolState st, string reason, decimal anchor)
    {
        if (context.NewExposureDenial(Source, instrument.Symbol) is not null) return false;
        Build(context, instrument, st, reason, anchor);
        return true;
    }

    private void Build(IStrategyContext context, Instrument instrument, GridSymbolState st, string reason, decimal anchor)
    {
        var symbol = instrument.Symbol;
        CancelAll(context, symbol, "grid rebuilt");
        var (center, step) = CenterAndStep(instrument, anchor, st);
        context.Record(new GridBuilt(Source, symbol, center, step, _options.LevelsPerSide, context.PositionQuantity(symbol), reason) { Time = context.Now });
        var grid = context.Grid(Source, symbol)!;
        for (var d = 1; d <= _options.LevelsPerSide; d++)
        {
            var quantity = GridLevels.QuantityAt(_options, d, instrument.LotSize);
            if (quantity <= 0m) continue;
            Place(context, grid, instrument, OrderSide.Buy, -d, quantity);
            Place(context, grid, instrument, OrderSide.Sell, d, quantity);
        }
    }

    /// <summary>
    /// The grid's center and step, on the tick: a share under a dollar quotes finer than its tick above (see
    /// <see cref="Instrument.TickAt"/>), so a grid whose levels, and a replacement beyond the outermost, all stay under
    /// it is on the finer tick (a 3 % grid on a 0.45 share is 3 %, not rounded to cents); any other is on the tick, on
    /// which every level is a valid price.
    /// </summary>
    private (decimal Center, decimal Step) CenterAndStep(Instrument instrument, decimal anchor, GridSymbolState st)
    {
        var tick = instrument.TickAt(anchor);
        var levels = OnTick(tick);
        if (tick == instrument.TickSize) return levels;
        var top = GridLevels.PriceAt(levels.Center, levels.Step, _options.LevelsPerSide + 1);
        return instrument.TickAt(top) == tick ? levels : OnTick(instrument.TickSize);

        (decimal Center, decimal Step) OnTick(decimal on)
        {
            var center = GridLevels.Center(anchor, st.EmaChange, _options.BiasStrength, on);
            return (center, GridLevels.Step(_options, center, st.Atr.Value, on));
        }
    }

    /// <summary>Places and journals one level's order of a build when the price and the inventory limit allow it.</summary>
    private void Place(IStrategyContext context, IGridView grid, Instrument instrument, OrderSide side, int level, decimal quantity)
    {
        var price = GridLevels.PriceAt(grid.Center, grid.Step, level);
        if (!GridLevels.InBounds(_options, price) || !WithinInventory(context, grid, instrument, side, quantity)) return;
        TryPlace(context, instrument, side, level, quantity, price);
    }

    /// <summary>
    /// Places a replacement, or journals it as deferred when it cannot be placed now. A price outside the bounds is never
    /// placeable at this center, so it is dropped as before: only a rebuild (around a close inside them) moves the levels.
    /// </summary>
    private void PlaceOrDefer(IStrategyContext context, IGridView grid, Instrument instrument, OrderSide side, int level, decimal quantity)
    {
        var price = GridLevels.PriceAt(grid.Center, grid.Step, level);
        if (!GridLevels.InBounds(_options, price)) return;
        var blocked = Blocker(context, grid, instrument, side, quantity, price)
                      ?? (TryPlace(context, instrument, side, level, quantity, price) ? null : "denied");
        if (blocked is not null)
            context.Record(new GridLevelDeferred(Source, instrument.Symbol, level, side, quantity, blocked) { Time = context.Now });
    }

    /// <summary>Places each deferred level whose placement would now pass; one attempt per level and bar, nothing journaled for the rest.</summary>
    private void RetryDeferred(IStrategyContext context, IGridView grid, Instrument instrument)
    {
        if (grid.Deferred.Count == 0) return;
        foreach (var waiting in grid.Deferred.Values.ToArray()) // a placement removes its level from the view
        {
            if (waiting.WaitsForFunds(context.FillCount, context.Now)) continue;
            var price = GridLevels.PriceAt(grid.Center, grid.Step, waiting.Level);
            if (waiting.RetryAfterFills is not null && !BooksCanPay(context, instrument, waiting, price)) continue;
            if (Blocker(context, grid, instrument, waiting.Side, waiting.Quantity, price) is null)
                TryPlace(context, instrument, waiting.Side, waiting.Level, waiting.Quantity, price);
        }
    }

    /// <summary>
    /// Whether a buy the venue refused for funds may be asked again: false while the bot's own books say it still cannot
    /// pay (its buying power, after what this bar's earlier placements reserved, is below the level's cost), since the
    /// venue would only refuse it again. Sells, margined instruments and a context without books are always asked.
    /// </summary>
    private static bool BooksCanPay(IStrategyContext context, Instrument instrument, GridDeferral level, decimal price) =>
        level.Side != OrderSide.Buy || instrument.InitialMargin > 0m || context.BuyingPower is not { } power
        || power >= instrument.Notional(level.Quantity, price);

    /// <summary>Why an order of the grid would not be placed now (its inventory limit, or the engine's answer), or null. Journals nothing.</summary>
    private string? Blocker(IStrategyContext context, IGridView grid, Instrument instrument, OrderSide side, decimal quantity, decimal price) =>
        !WithinInventory(context, grid, instrument, side, quantity)
            ? "inventory limit"
            : context.PlacementDenial(Source, instrument.Symbol, side, quantity, price)?.ToString();

    private bool WithinInventory(IStrategyContext context, IGridView grid, Instrument instrument, OrderSide side, decimal quantity)
    {
        var openSameSide = grid.Slots.Values.Where(s => s.Side == side).Sum(s => s.Quantity);
        return GridLevels.MayAdd(_options, _options.EffectiveMaxInventory(instrument.LotSize), side,
            context.PositionQuantity(instrument.Symbol), openSameSide, quantity);
    }

    private bool TryPlace(IStrategyContext context, Instrument instrument, OrderSide side, int level, decimal quantity, decimal price)
    {
        var id = context.PlaceLimit(Source, instrument.Symbol, side, quantity, price, $"grid:{level}");
        if (id is null) return false;
        context.Record(new GridLevelPlaced(Source, instrument.Symbol, level, id, side, price, quantity) { Time = context.Now });
        return true;
    }

    private void Stop(IStrategyContext context, string symbol, string reason)
    {
        CancelAll(context, symbol, "grid stopped");
        context.Record(new GridStopped(Source, symbol, reason) { Time = context.Now });
    }

    private void CancelAll(IStrategyContext context, string symbol, string reason)
    {
        foreach (var order in context.OpenOrders(Source, symbol)) context.Cancel(Source, order.ClientOrderId, reason);
    }

    /// <summary>"close 3818.48 is above the upper bound 3800" (or below the lower one).</summary>
    private string BoundsText(decimal close) => _options.UpperBound is { } upper && close > upper
        ? $"close {close} is above the upper bound {upper}"
        : $"close {close} is below the lower bound {_options.LowerBound}";
}
