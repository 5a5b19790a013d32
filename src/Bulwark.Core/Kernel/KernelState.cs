using System.Text.Json.Serialization;
using Bulwark.Core.Feedback;
using Bulwark.Core.Kernel.Json;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Everything a bot must remember across restarts. It is a projection of the journal: only
/// <see cref="StateProjector"/> changes it, one event at a time. Collections are sorted so iteration order,
/// and therefore every decision and every snapshot, is deterministic.
/// </summary>
public sealed class KernelState
{
    public string BotId { get; set; } = "";
    public long LastSequence { get; set; }
    public string Currency { get; set; } = Model.Money.DefaultCurrency;
    public string TradingTimeZone { get; set; } = "America/New_York";

    public TradingState TradingState { get; set; } = TradingState.Active;
    public string TradingStateReason { get; set; } = "";
    public DateTimeOffset? BreakerOpenUntil { get; set; }
    public string BreakerReason { get; set; } = "";

    public DateOnly TradingDate { get; set; }
    public decimal DailyRealizedPnl { get; set; }

    /// <summary>Orders sent to the venue (<see cref="Events.OrderSubmitted"/>) on <see cref="TradingDate"/>, of every kind.</summary>
    public long DailyOrdersSent { get; set; }

    /// <summary>How long the throttle looks back (<see cref="Risk.RiskLimits.MaxOrdersPerMinute"/>).</summary>
    public static readonly TimeSpan OrderRateWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When the orders of the last minute before the latest one were sent (<see cref="Events.OrderSubmitted"/>), oldest
    /// first: the throttle's window, journaled with the orders so a restart keeps it.
    /// </summary>
    public List<DateTimeOffset> RecentOrderTimes { get; set; } = [];

    /// <summary>Orders sent in the minute up to <paramref name="now"/> (after <paramref name="now"/> less a minute).</summary>
    public int OrdersSentInMinuteTo(DateTimeOffset now)
    {
        var from = now - OrderRateWindow;
        var count = 0;
        for (var i = RecentOrderTimes.Count - 1; i >= 0 && RecentOrderTimes[i] > from; i--) count++;
        return count;
    }

    /// <summary>When fewer than <paramref name="limit"/> orders are left in the window: the time the oldest of the last <paramref name="limit"/> turns a minute old.</summary>
    public DateTimeOffset ThrottleEndsAt(int limit) =>
        RecentOrderTimes.Count < limit ? DateTimeOffset.MinValue : RecentOrderTimes[^limit] + OrderRateWindow;

    /// <summary>Notes an order sent at <paramref name="time"/>, forgetting those more than a minute older.</summary>
    internal void NoteOrderSent(DateTimeOffset time)
    {
        var from = time - OrderRateWindow;
        var stale = 0;
        while (stale < RecentOrderTimes.Count && RecentOrderTimes[stale] <= from) stale++;
        if (stale > 0) RecentOrderTimes.RemoveRange(0, stale);
        RecentOrderTimes.Add(time);
    }
    public int ConsecutiveLosses { get; set; }
    public decimal PeakEquity { get; set; }

    /// <summary>
    /// Trading was resumed since the peak was last reset: the drawdown stop measures from the account's value at the next
    /// bar (<see cref="Events.PeakEquityReset"/>), whichever way the resume came (a running bot's queue, or a stopped bot's
    /// journal), so a restart between the two keeps it due.
    /// </summary>
    public bool PeakResetDue { get; set; }

    /// <summary>The account's value when <see cref="TradingDate"/> began (<see cref="Events.TradingDayRolledOver.OpeningValue"/>); 0 when not known.</summary>
    public decimal DayOpeningValue { get; set; }

    /// <summary>The trading day the daily loss stop last tripped on (<see cref="Events.DailyLossStopTripped"/>); it holds while that day lasts.</summary>
    public DateOnly? DailyLossStoppedOn { get; set; }

    /// <summary>Why the daily loss stop tripped, with its figures; empty before it ever did.</summary>
    public string DailyLossStopReason { get; set; } = "";

    /// <summary>Why the operator asked to close everything (<see cref="Events.FlattenRequested"/>); null when no flatten is under way.</summary>
    public string? FlattenReason { get; set; }

    /// <summary>Why the operator asked for the working entries to be canceled (<see cref="Events.EntriesCancelRequested"/>); null when nothing is left to do.</summary>
    public string? CancelEntriesReason { get; set; }

    /// <summary>The journal sequence of the flatten under way: its orders' signal ids carry it.</summary>
    public long FlattenSequence { get; set; }

    /// <summary>
    /// The symbols the operator made reduce-only (<see cref="Events.SymbolReduceOnlyChanged"/>), each with why: no position
    /// is opened or added to in them until the operator lifts it, whatever the bot's trading state.
    /// </summary>
    public SortedDictionary<string, string> ReduceOnlySymbols { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The symbols whose data looks wrong (<see cref="Events.DataQualityStopped"/>): no new exposure there until it is good again.</summary>
    public SortedDictionary<string, DataStop> DataStops { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The operator's flattens of single symbols under way (<see cref="Events.FlattenRequested.Symbol"/>).</summary>
    public SortedDictionary<string, SymbolFlatten> FlattenSymbols { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the daily loss stop holds now: it tripped on the current trading day.</summary>
    [JsonIgnore]
    public bool DailyLossStopped => DailyLossStoppedOn == TradingDate;

    public decimal StartingCash { get; set; }
    public decimal Cash { get; set; }

    /// <summary>The venue's sequence of the last cash activity applied (<see cref="Events.CashActivityRecorded"/>); 0 before any.</summary>
    public long LastCashActivitySequence { get; set; }

    /// <summary>What cash activities (financing, interest) added to cash in all, signed: negative when they cost.</summary>
    public decimal CashActivityTotal { get; set; }

    /// <summary>The part of <see cref="CashActivityTotal"/> that was interest on idle cash.</summary>
    public decimal CashInterestTotal { get; set; }

    /// <summary>The part of <see cref="CashActivityTotal"/> that was dividends received (or, short, paid).</summary>
    public decimal CashDividendTotal { get; set; }

    /// <summary>
    /// The part of <see cref="CashActivityTotal"/> that financed positions held overnight: what is neither interest nor
    /// dividends (all of it in a journal from before those were booked).
    /// </summary>
    public decimal CashFinancingTotal => CashActivityTotal - CashInterestTotal - CashDividendTotal;

    /// <summary>The counter of the last ClientOrderId issued. Never reused.</summary>
    public long OrderSequence { get; set; }

    /// <summary>Positions by symbol (hash: read on every signal and fill; serialized sorted).</summary>
    [JsonConverter(typeof(SortedKeysDictionaryConverter<Position>))]
    public Dictionary<string, Position> Positions { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Open orders and recent terminal ones (hash: looked up on every venue event; serialized sorted).</summary>
    [JsonConverter(typeof(SortedKeysDictionaryConverter<Order>))]
    public Dictionary<string, Order> Orders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The highest order sequence forgotten by pruning. Terminal orders are pruned after a while; a fill later
    /// reported for one of them (a venue re-reading its history at recovery) is already applied, and is skipped.
    /// </summary>
    public long PrunedThroughSequence { get; set; }

    /// <summary>Trade ids of fills applied for orders the bot does not know (kept so a re-delivery is not applied twice).</summary>
    [JsonConverter(typeof(SortedStringSetConverter))]
    public HashSet<string> OrphanTradeIds { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SourceStats> Feedback { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last session each exchange's end-of-day flatten ran for (so a restart does not run it twice).</summary>
    public SortedDictionary<string, DateOnly> FlattenedSessions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Signal sources switched off because they threw (see <see cref="Events.StrategyFailed"/>); cleared by a resume.</summary>
    [JsonConverter(typeof(SortedStringSetConverter))]
    public HashSet<string> FailedStrategies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Grid strategies' journaled state, keyed by <see cref="GridBook.Key"/> (source and symbol).</summary>
    public SortedDictionary<string, GridBook> Grids { get; set; } = new(StringComparer.Ordinal);

    public long SignalsReceived { get; set; }
    public long SignalsDenied { get; set; }
    public long OrdersDenied { get; set; }
    public long FillCount { get; set; }
    public long DuplicateFills { get; set; }
    public long Alerts { get; set; }
    public DateTimeOffset? LastReconciledAt { get; set; }
    public bool LastReconciliationInSync { get; set; } = true;

    /// <summary>Orders that may still trade. Kept by the index below: it is read after every commit.</summary>
    public int OpenOrderCount => _liveOrders;

    public int OpenPositionCount => Positions.Values.Count(p => !p.IsFlat);

    public string BreakerState(DateTimeOffset now) =>
        BreakerOpenUntil is { } until && until > now ? $"open until {until:O}" : "closed";

    public decimal PositionQuantity(string symbol) => Positions.TryGetValue(symbol, out var p) ? p.Quantity : 0m;

    /// <summary>
    /// Live orders per symbol, all and those that came from signals: an index over <see cref="Orders"/>, rebuilt after
    /// a snapshot load. Read on every bar a strategy sees.
    /// </summary>
    private readonly SymbolMap<OpenCounts> _openBySymbol = new();

    /// <summary>Terminal orders by order sequence, oldest first (may hold ids already removed: skipped).</summary>
    private readonly PriorityQueue<string, long> _terminal = new();

    private int _terminalCount;
    private int _liveOrders;

    /// <summary>Live orders placed by strategies themselves (resting limit orders), by ClientOrderId.</summary>
    private readonly SortedDictionary<string, Order> _livePlaced = new(StringComparer.Ordinal);

    public bool HasOpenOrder(string symbol) => _openBySymbol.Find(symbol) is { All: > 0 };

    /// <summary>True while an order that came from a signal (any source) may still trade in <paramref name="symbol"/>.</summary>
    public bool HasOpenSignalOrder(string symbol) => _openBySymbol.Find(symbol) is { FromSignals: > 0 };

    /// <summary>
    /// The live orders from signals in <paramref name="symbol"/>, into <paramref name="into"/> (cleared first): a walk of the
    /// orders kept, asked only while a signal order works in a protected position.
    /// </summary>
    public void OpenSignalOrders(string symbol, List<Order> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        if (!HasOpenSignalOrder(symbol)) return;
        foreach (var o in Orders.Values)
            if (IsFromSignal(o) && o.Symbol == symbol && !o.Status.IsTerminal()) into.Add(o);
    }

    /// <summary>
    /// Whether <paramref name="order"/> came through the signal pipeline: a source's signal (untagged), or one the kernel
    /// sent for a source (a time stop's exit, a volatility trim, a blackout's exit, a loss limit's). Such an order targets the whole position, so another
    /// signal waits for it; the others are orders strategies placed themselves and protective exits.
    /// </summary>
    public static bool IsFromSignal(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Tag is null or BotKernel.TimeStopTag or BotKernel.VolatilityTrimTag or BotKernel.BlackoutTag or BotKernel.LossLimitTag;
    }

    /// <summary>The live orders <paramref name="source"/> placed itself in <paramref name="symbol"/>, oldest id first.</summary>
    public IEnumerable<Order> OpenPlacedOrders(string source, string symbol) =>
        _livePlaced.Values.Where(o => o.Source == source && o.Symbol == symbol);

    /// <summary>The live orders any source placed itself in <paramref name="symbol"/>, oldest id first.</summary>
    public IEnumerable<Order> OpenPlacedOrders(string symbol) => _livePlaced.Values.Where(o => o.Symbol == symbol);

    /// <summary>Quantity still to execute of the live strategy-placed orders (every source) in <paramref name="symbol"/> on one side.</summary>
    public decimal OpenPlacedQuantity(string symbol, Orders.OrderSide side)
    {
        var total = 0m;
        foreach (var o in _livePlaced.Values)
            if (o.Symbol == symbol && o.Side == side) total += o.LeavesQuantity;
        return total;
    }

    /// <summary>The grid of <paramref name="source"/> in <paramref name="symbol"/>, or null before its first build.</summary>
    public GridBook? GridOf(string source, string symbol) => Grids.GetValueOrDefault(GridBook.Key(source, symbol));

    /// <summary>Terminal orders currently kept in <see cref="Orders"/>.</summary>
    internal int TerminalCount => _terminalCount;

    /// <summary>Entries of the pruning queue, stale ones included (for tests: it must not grow without bound).</summary>
    internal int TerminalQueueLength => _terminal.Count;

    /// <summary>Keeps the indexes in step when an order moves between live (may still trade) and terminal.</summary>
    internal void TrackLive(Order order, bool wasLive, bool isLive)
    {
        if (wasLive == isLive) return;
        var counts = _openBySymbol.GetOrAdd(order.Symbol, 0, static (_, _) => new OpenCounts());
        var change = isLive ? 1 : -1;
        counts.All += change;
        _liveOrders += change;
        if (IsFromSignal(order)) counts.FromSignals += change;
        else if (isLive) _livePlaced[order.ClientOrderId] = order;
        else _livePlaced.Remove(order.ClientOrderId);
        if (isLive) return;
        _terminal.Enqueue(order.ClientOrderId, order.OrderSequence);
        _terminalCount++;
    }

    /// <summary>Forgets the oldest terminal orders (by sequence) until at most <paramref name="keep"/> remain.</summary>
    internal void PruneTerminal(int keep)
    {
        while (_terminalCount > keep && _terminal.TryDequeue(out var id, out _))
            RemoveTerminal(id);
    }

    internal void RemoveTerminal(string clientOrderId)
    {
        if (Orders.TryGetValue(clientOrderId, out var o) && o.Status.IsTerminal() && Orders.Remove(clientOrderId))
        {
            _terminalCount--;
            PrunedThroughSequence = Math.Max(PrunedThroughSequence, o.OrderSequence);
        }
    }

    /// <summary>
    /// After orders were removed by age (not through the queue): drops the queue's stale ids once they outnumber the
    /// terminal orders kept, so the queue does not grow with every order a long run ever ended.
    /// </summary>
    internal void CompactTerminalQueue()
    {
        if (_terminal.Count <= (2 * _terminalCount) + 1024) return;
        _terminal.Clear();
        foreach (var o in Orders.Values)
            if (o.Status.IsTerminal()) _terminal.Enqueue(o.ClientOrderId, o.OrderSequence);
    }

    internal void RebuildIndexes()
    {
        _openBySymbol.Clear();
        _livePlaced.Clear();
        _terminal.Clear();
        _terminalCount = 0;
        _liveOrders = 0;
        foreach (var o in Orders.Values)
        {
            if (o.Status.IsTerminal())
            {
                _terminal.Enqueue(o.ClientOrderId, o.OrderSequence);
                _terminalCount++;
            }
            else
            {
                TrackLive(o, wasLive: false, isLive: true);
            }
        }
    }

    /// <summary>True when this fill was applied already (live re-delivery, or a venue's history read at recovery).</summary>
    public bool IsAppliedFill(string clientOrderId, string venueTradeId)
    {
        if (Orders.TryGetValue(clientOrderId, out var o)) return o.HasTrade(venueTradeId);
        if (OrphanTradeIds.Contains(venueTradeId)) return true;
        return ClientOrderIds.TrySequence(clientOrderId, out var sequence) && sequence <= PrunedThroughSequence;
    }

    public SourceStats StatsFor(string source)
    {
        if (!Feedback.TryGetValue(source, out var s)) Feedback[source] = s = new SourceStats();
        return s;
    }

    /// <summary>A symbol's live orders: all of them, and those that came from signals (not placed by a strategy).</summary>
    private sealed class OpenCounts
    {
        public int All { get; set; }
        public int FromSignals { get; set; }
    }
}
