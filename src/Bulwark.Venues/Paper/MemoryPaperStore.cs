using System.Runtime.InteropServices;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper account in memory, for backtests: the bar path allocates
/// nothing while no order is open. Orders are live objects: what a unit of work changes on one is kept even if the
/// unit later fails (there is no rollback; a failure inside the venue is an invariant violation anyway).
/// Without <c>retainHistory</c> (long backtests) an order is forgotten once it can no longer trade, and fills are not
/// kept: order queries and lists see open orders only and the fill list is empty, while the used ClientOrderIds are
/// still remembered, so a repeated id is rejected as a duplicate exactly as before. The one-cancels-other groups that
/// filled are remembered either way, per symbol, as names only (a <see cref="UsedIdSet"/>, compact for names shaped
/// like ClientOrderIds), not through their orders.
/// </summary>
internal sealed class MemoryPaperStore(decimal initialCash, bool retainHistory = true, bool chargesFinancing = false,
    bool paysCashInterest = false, IReadOnlyDictionary<string, IReadOnlyList<Dividend>>? dividends = null) : IPaperStore
{

    /// <summary>Every order, or without history the open ones only.</summary>
    private readonly Dictionary<string, PaperOrder> _orders = new(StringComparer.Ordinal);

    /// <summary>Without history: every ClientOrderId ever submitted (with history, <see cref="_orders"/> knows them).</summary>
    private readonly UsedIdSet _usedIds = new();
    private readonly List<PaperOrder> _submitted = [];
    private readonly List<VenueOrder> _duplicates = [];
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly List<VenueFill> _fills = [];
    private readonly List<VenueCashActivity> _cashActivities = [];

    /// <summary>Each symbol's open orders, position and last price: one lookup (usually none) serves a bar.</summary>
    private readonly SymbolMap<SymbolBook> _books = new();
    private decimal _cash = initialCash;
    private DateTimeOffset? _latestBarTime;

    public bool Exists(string clientOrderId) =>
        retainHistory ? _orders.ContainsKey(clientOrderId) : _usedIds.Contains(clientOrderId);

    public PaperOrder? Find(string clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    public IReadOnlyList<PaperOrder> OpenForSymbol(string symbol) =>
        BookOf(symbol) is { Open.Count: > 0 } book
            ? book.Open.ToArray() // a copy: matching closes orders while it walks them
            : [];

    public IReadOnlyList<PaperOrder> List(bool openOnly) =>
        openOnly ? _submitted.FindAll(o => o.IsOpen) : [.. _submitted];

    public IReadOnlyList<PaperOrder> OpenBuys()
    {
        List<PaperOrder>? buys = null;
        foreach (var (_, book) in _books.Entries)
            foreach (var o in book.Open)
                if (o.Side == OrderSide.Buy) (buys ??= []).Add(o);
        if (buys is null) return [];
        return buys;
    }

    public void Insert(PaperOrder order)
    {
        if (!retainHistory)
        {
            if (!_usedIds.Add(order.ClientOrderId))
                throw new InvalidOperationException($"Order {order.ClientOrderId} is already in the paper venue.");
            if (!order.IsOpen) return; // rejected at once: only its id is remembered
        }
        if (!_orders.TryAdd(order.ClientOrderId, order))
            throw new InvalidOperationException($"Order {order.ClientOrderId} is already in the paper venue.");
        _submitted.Add(order);
        if (order.IsOpen) Book(order.Symbol).Open.Add(order);
    }

    public void Update(PaperOrder order)
    {
        if (!_orders.TryGetValue(order.ClientOrderId, out var stored) || !ReferenceEquals(stored, order))
            throw new InvalidOperationException($"Order {order.ClientOrderId} vanished from the paper venue.");
        if (order.IsOpen) return;
        Book(order.Symbol).Open.Remove(order);
        if (!retainHistory)
        {
            _orders.Remove(order.ClientOrderId);
            _submitted.Remove(order); // the open ones only: a short list
        }
    }

    public void InsertDuplicate(OrderRequest request, string message, DateTimeOffset now) =>
        _duplicates.Add(new VenueOrder(request.ClientOrderId, PaperIds.Duplicate(_duplicates.Count + 1), request.Symbol ?? "",
            request.Side, request.Type, request.TimeInForce, request.Quantity, request.LimitPrice, request.StopPrice,
            0m, 0m, OrderStatus.Rejected, VenueRejectCode.DuplicateClientOrderId, message, now, now));

    public IReadOnlyList<VenueOrder> ListDuplicates() => [.. _duplicates];

    public bool IsOcoGroupFilled(string symbol, string group) =>
        BookOf(symbol)?.FilledOcoGroups?.Contains(group) == true;

    public void RecordOcoGroupFilled(string symbol, string group) =>
        (Book(symbol).FilledOcoGroups ??= new()).Add(group);

    public long Next(string sequence) =>
        ++CollectionsMarshal.GetValueRefOrAddDefault(_sequences, sequence, out _); // one lookup: twice per order

    public decimal Cash() => _cash;

    public void SetCash(decimal cash) => _cash = cash;

    public PaperPosition Position(string symbol) => BookOf(symbol)?.Position ?? PaperPosition.Flat;

    public void SavePosition(string symbol, PaperPosition position)
    {
        var book = Book(symbol);
        book.Position = position;
        book.HasPosition = true;
    }

    public IReadOnlyList<(string Symbol, PaperPosition Position)> Positions() =>
        [.. _books.Entries.Where(b => b.Value.HasPosition).OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => (b.Key, b.Value.Position))];

    public void InsertFill(VenueFill fill)
    {
        if (retainHistory) _fills.Add(fill);
    }

    public IReadOnlyList<VenueFill> Fills() => [.. _fills];

    public decimal? LastPrice(string symbol) => BookOf(symbol)?.LastPrice;

    public void SetLastPrice(string symbol, decimal price, DateTimeOffset time)
    {
        var book = Book(symbol);
        book.LastPrice = price;
        book.LastBarTime = time;
        NoteBarTime(time);
    }

    /// <summary>
    /// Records <paramref name="close"/> as the last price when a bar of <paramref name="symbol"/> has nothing else
    /// to do: no open order to match, no margined position to settle, no position to finance for a new day, no
    /// interest to pay on cash for one and no dividend to pay (what <see cref="PaperBarMatching"/> would find).
    /// </summary>
    public bool TryRecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime)
    {
        var book = Book(symbol);
        if (book.Open.Count > 0) return false;
        if (instrument.InitialMargin != 0m && book.Position.Quantity != 0m) return false;
        if (chargesFinancing && book.Position.Quantity != 0m && PaperFinancing.DaysSince(book.LastBarTime, closeTime) > 0) return false;
        if (paysCashInterest && PaperFinancing.DaysSince(_latestBarTime, closeTime) > 0) return false;
        if (dividends is not null && book.Position.Quantity != 0m && dividends.TryGetValue(symbol, out var due)
            && PaperDividends.AnyDue(due, book.LastBarTime, closeTime)) return false;
        book.LastPrice = close;
        book.LastBarTime = closeTime;
        NoteBarTime(closeTime);
        return true;
    }

    public DateTimeOffset? LastBarTime(string symbol) => BookOf(symbol)?.LastBarTime;

    public DateTimeOffset? LatestBarTime() => _latestBarTime;

    public void InsertCashActivity(VenueCashActivity activity)
    {
        if (retainHistory) _cashActivities.Add(activity);
    }

    public IReadOnlyList<VenueCashActivity> CashActivities(long afterSequence) =>
        [.. _cashActivities.Where(a => a.Sequence > afterSequence)];

    public IReadOnlyDictionary<string, DateTimeOffset> LastBarTimes() =>
        _books.Entries.Where(b => b.Value.LastBarTime is not null).ToDictionary(b => b.Key, b => b.Value.LastBarTime!.Value, StringComparer.Ordinal);

    public IReadOnlyList<(string Symbol, decimal Price)> LastPrices() =>
        [.. _books.Entries.Where(b => b.Value.LastPrice is not null).OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => (b.Key, b.Value.LastPrice!.Value))];

    /// <summary>The book of <paramref name="symbol"/>, or null while nothing was recorded for it.</summary>
    private SymbolBook? BookOf(string symbol) => _books.Find(symbol);

    private void NoteBarTime(DateTimeOffset time)
    {
        if (_latestBarTime is not { } latest || time > latest) _latestBarTime = time;
    }

    /// <summary>The book of <paramref name="symbol"/>, made empty the first time.</summary>
    private SymbolBook Book(string symbol) => _books.GetOrAdd(symbol, 0, static (_, _) => new SymbolBook());

    private sealed class SymbolBook
    {
        /// <summary>Open orders, oldest first.</summary>
        public List<PaperOrder> Open { get; } = [];

        public PaperPosition Position { get; set; }

        /// <summary>True once a position was saved (a flat one included): listed by <see cref="Positions"/>.</summary>
        public bool HasPosition { get; set; }

        public decimal? LastPrice { get; set; }

        public DateTimeOffset? LastBarTime { get; set; }

        /// <summary>The names of the symbol's one-cancels-other groups that filled; null until one did.</summary>
        public UsedIdSet? FilledOcoGroups { get; set; }
    }
}
