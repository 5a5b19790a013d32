using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Venues;

namespace Bulwark.Backtest;

/// <summary>
/// The backtest's journal: appends are checked and counted by an in-memory journal that keeps no history, and only
/// what the result needs (each order and its fills) is kept, so a run of millions of bars holds no event list.
/// Orders are kept as values in fixed-size chunks (no per-order object, no resize copies) and found by their order
/// sequence, which a backtest's kernel hands out one by one; a ClientOrderId is kept as its day's shared prefix and its
/// number, and its signal source as an index into the few distinct sources, so the run holds no string per order. The
/// result's records (and ids) are built once, when read.
/// </summary>
internal sealed class BacktestJournal(IEventJournal? copy = null) : IEventJournal, ISnapshotStore
{
    private const int ChunkSize = 256; // entries of ~150 bytes: chunks stay off the large object heap

    private readonly InMemoryEventJournal _inner = new(retainEvents: false);
    private readonly List<string> _strategyFailures = [];
    private readonly BacktestNotices _notices = new();
    private readonly List<FinancingCharge> _charges = [];
    private readonly List<OrderEntry[]> _chunks = [];
    private int _count;
    private long _firstSequence;

    /// <summary>Only if order sequences ever arrive with a gap (not in a fresh backtest): the index by ClientOrderId.</summary>
    private Dictionary<string, int>? _byId;

    /// <summary>
    /// The orders (by index) that are not a signal's market orders, with their type and tag (a grid's level, a protective
    /// exit): few in most runs, so kept apart from the entries.
    /// </summary>
    private Dictionary<int, (OrderType Type, string? Tag)>? _kinds;

    /// <summary>The orders (by index) that were canceled.</summary>
    private HashSet<int>? _canceled;

    private List<BacktestOrder>? _result;
    private readonly CompactOrderIds _ids = new();

    /// <summary>The distinct signal sources of the orders, in the order first seen; an entry keeps its index.</summary>
    private readonly List<string> _sources = [];

    public long LastSequence => _inner.LastSequence;

    /// <summary>Orders in the order they were decided, with their fills (volume-weighted price, summed commission).</summary>
    public IReadOnlyList<BacktestOrder> Orders => _result ??= Build();

    /// <summary>Strategies that threw, as "source on symbol at time: error".</summary>
    public IReadOnlyList<string> StrategyFailures => _strategyFailures;

    /// <summary>The venue's financing charges on held positions, in the order booked (a few a day at most).</summary>
    public IReadOnlyList<FinancingCharge> FinancingCharges => _charges;

    /// <summary>Alerts, halts, breaker trips and grid stops of the run (see <see cref="BacktestNotices"/>).</summary>
    public BacktestNotices Notices => _notices;

    /// <summary>Checks and keeps the batch, then hands it to the copy (a file journal) when there is one.</summary>
    public ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken)
    {
        var appended = _inner.AppendAsync(batch, cancellationToken); // throws on a sequence gap, before anything is kept
        for (var i = 0; i < batch.Count; i++) Record(batch[i].Event);
        if (copy is null) return appended;
        appended.GetAwaiter().GetResult(); // the in-memory journal completes at once
        return copy.AppendAsync(batch, cancellationToken);
    }

    public IAsyncEnumerable<JournaledEvent> ReadAsync(long afterSequence, CancellationToken cancellationToken) =>
        _inner.ReadAsync(afterSequence, cancellationToken);

    public ValueTask SaveAsync(KernelSnapshot snapshot, CancellationToken cancellationToken) =>
        _inner.SaveAsync(snapshot, cancellationToken);

    public ValueTask<KernelSnapshot?> LoadLatestAsync(CancellationToken cancellationToken) =>
        _inner.LoadLatestAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private void Record(BotEvent e)
    {
        switch (e)
        {
            case StrategyFailed s:
                _strategyFailures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{s.Source} on {s.Symbol} at {s.Time:O}: {s.Error}"));
                break;
            case OrderInitialized i:
                Add(i);
                break;
            case OrderFilled f when f.Quantity > 0m && IndexOf(f.ClientOrderId) is var index and >= 0:
                ref var o = ref Entry(index);
                var after = o.Filled + f.Quantity;
                if (o.Filled == 0m) o.FilledAt = f.FillTime;
                o.FillPrice = ((o.FillPrice * o.Filled) + (f.Price * f.Quantity)) / after; // 0 before the first fill
                o.Filled = after;
                o.Commission += f.Commission;
                o.Slippage += f.Slippage;
                o.Multiplier = f.Multiplier;
                break;
            case OrderDenied d when IndexOf(d.ClientOrderId) is var denied and >= 0:
                Entry(denied).Denied = d.Reason;
                Entry(denied).DeniedDetail = d.Detail;
                break;
            case OrderRejected r when IndexOf(r.ClientOrderId) is var rejected and >= 0:
                Entry(rejected).Rejected = r;
                break;
            case OrderCanceled c when IndexOf(c.ClientOrderId) is var canceled and >= 0:
                (_canceled ??= []).Add(canceled);
                break;
            case CashActivityRecorded { Kind: CashActivityKind.Financing or CashActivityKind.Dividend, Symbol: { } symbol } c:
                _charges.Add(new FinancingCharge(symbol, c.ActivityTime, c.Amount, c.Kind == CashActivityKind.Dividend));
                break;
            case OrderSubmitted or OrderAccepted:
                break; // the most frequent events the result takes nothing from
            case SignalDenied:
                break; // counted by reason in the kernel's state (SourceStats.DeniedByReason)
            default:
                _notices.TryRecord(e);
                break;
        }
    }

    private void Add(OrderInitialized i)
    {
        if (_count == 0) _firstSequence = i.OrderSequence;
        // Found by sequence while ids end in their order's sequence and sequences come one by one; else by a map.
        if (_byId is null && (i.OrderSequence != _firstSequence + _count
            || !ClientOrderIds.TrySequence(i.ClientOrderId, out var inId) || inId != i.OrderSequence))
            _byId = IndexAll();
        _byId?.Add(i.ClientOrderId, _count);
        if (_count % ChunkSize == 0) _chunks.Add(new OrderEntry[ChunkSize]);
        Entry(_count) = new OrderEntry(_ids.Compact(i.ClientOrderId), SourceIndex(i.Source), i.Symbol, i.Side, i.Quantity,
            i.Time, i.ExpectedPrice);
        if (i.Type != OrderType.Market || i.Tag is not null) (_kinds ??= [])[_count] = (i.Type, i.Tag);
        _count++;
        _result = null;
    }

    /// <summary>A bot has a handful of sources, usually the same string instances: a short scan, no allocation.</summary>
    private int SourceIndex(string source)
    {
        for (var i = 0; i < _sources.Count; i++)
            if (ReferenceEquals(_sources[i], source) || string.Equals(_sources[i], source, StringComparison.Ordinal)) return i;
        _sources.Add(source);
        return _sources.Count - 1;
    }

    private int IndexOf(string clientOrderId)
    {
        if (_byId is not null) return _byId.GetValueOrDefault(clientOrderId, -1);
        if (!ClientOrderIds.TrySequence(clientOrderId, out var sequence)) return -1;
        var index = sequence - _firstSequence;
        return index >= 0 && index < _count && Entry((int)index).Id.Matches(clientOrderId) ? (int)index : -1;
    }

    private Dictionary<string, int> IndexAll()
    {
        var byId = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (var i = 0; i < _count; i++) byId[Entry(i).ClientOrderId()] = i;
        return byId;
    }

    private ref OrderEntry Entry(int index) => ref _chunks[index / ChunkSize][index % ChunkSize];

    private List<BacktestOrder> Build()
    {
        var orders = new List<BacktestOrder>(_count);
        for (var i = 0; i < _count; i++)
        {
            ref var o = ref Entry(i);
            var (type, tag) = _kinds is not null && _kinds.TryGetValue(i, out var kind) ? kind : (OrderType.Market, null);
            var filled = o.Filled > 0m;
            orders.Add(new BacktestOrder(o.ClientOrderId(), o.Symbol, o.Side, o.Quantity, o.CreatedAt, o.CreatePrice,
                filled ? o.FilledAt : null, filled ? o.FillPrice : null, o.Commission)
            {
                Filled = o.Filled,
                Slippage = o.Slippage,
                Multiplier = filled ? o.Multiplier : 1m,
                Source = _sources[o.Source],
                Denied = o.Denied,
                DeniedDetail = o.DeniedDetail,
                Rejected = o.Rejected?.Detail,
                RejectCode = o.Rejected?.Code,
                Type = type,
                Tag = tag,
                Canceled = _canceled is not null && _canceled.Contains(i),
            });
        }
        return orders;
    }

    /// <summary>One order as the result needs it; filled (and so with a fill time and price) once <see cref="Filled"/> &gt; 0.</summary>
    private struct OrderEntry(CompactOrderId id, int source, string symbol, OrderSide side, decimal quantity,
        DateTimeOffset createdAt, decimal createPrice)
    {
        public readonly CompactOrderId Id = id;
        public readonly int Source = source;
        public readonly string Symbol = symbol;
        public readonly OrderSide Side = side;
        public readonly decimal Quantity = quantity;
        public readonly DateTimeOffset CreatedAt = createdAt;
        public readonly decimal CreatePrice = createPrice;
        public DateTimeOffset FilledAt;
        public decimal FillPrice;
        public decimal Filled;
        public decimal Commission;
        public decimal Slippage;
        public decimal Multiplier;
        public DenyReason? Denied;
        public string? DeniedDetail;
        public OrderRejected? Rejected; // the event itself: its code and words, with nothing more to allocate

        public readonly string ClientOrderId() => Id.ToString();
    }
}
