using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// One unit of work's view of the paper account: the order book, the duplicate submissions, the filled
/// one-cancels-other groups, the ledger (cash, positions, fills, last prices) and the id sequences. The venue's rules run against this, whatever holds the data:
/// a SQLite transaction (<see cref="SqlitePaperStore"/>) or memory (<see cref="MemoryPaperStore"/>). Synchronous on
/// purpose: Microsoft.Data.Sqlite runs every command synchronously whatever method is called, so an asynchronous view
/// would only add a state machine to every call of a backtest's hot path. The storage
/// (<see cref="IPaperStorage"/>) is what waits: for the account's gate, and for cancellation before a unit starts.
/// </summary>
internal interface IPaperStore
{
    bool Exists(string clientOrderId);

    PaperOrder? Find(string clientOrderId);

    /// <summary>Open orders of <paramref name="symbol"/>, oldest first (the order they were accepted in).</summary>
    IReadOnlyList<PaperOrder> OpenForSymbol(string symbol);

    /// <summary>Orders in submission order.</summary>
    IReadOnlyList<PaperOrder> List(bool openOnly);

    /// <summary>The open buy orders of every symbol (what reserves buying power).</summary>
    IReadOnlyList<PaperOrder> OpenBuys();

    void Insert(PaperOrder order);

    /// <summary>Writes back what matching and canceling change: fills, status, the stop trigger, the update time.</summary>
    void Update(PaperOrder order);

    void InsertDuplicate(OrderRequest request, string message, DateTimeOffset now);

    /// <summary>Each recorded duplicate submission as a rejected order with the id it tried to reuse.</summary>
    IReadOnlyList<VenueOrder> ListDuplicates();

    /// <summary>Whether an order of the one-cancels-other group <paramref name="group"/> of <paramref name="symbol"/> has filled.</summary>
    bool IsOcoGroupFilled(string symbol, string group);

    /// <summary>Records that an order of the group <paramref name="group"/> of <paramref name="symbol"/> filled; again is no change.</summary>
    void RecordOcoGroupFilled(string symbol, string group);

    /// <summary>The next value of the named sequence, starting at 1; never reused.</summary>
    long Next(string sequence);

    decimal Cash();

    void SetCash(decimal cash);

    PaperPosition Position(string symbol);

    void SavePosition(string symbol, PaperPosition position);

    /// <summary>Every position, flat ones included, by symbol.</summary>
    IReadOnlyList<(string Symbol, PaperPosition Position)> Positions();

    void InsertFill(VenueFill fill);

    /// <summary>All fills in the order they happened.</summary>
    IReadOnlyList<VenueFill> Fills();

    decimal? LastPrice(string symbol);

    void SetLastPrice(string symbol, decimal price, DateTimeOffset time);

    /// <summary>The last price of each symbol, by symbol.</summary>
    IReadOnlyList<(string Symbol, decimal Price)> LastPrices();

    /// <summary>When the bar that set each symbol's last price closed, by symbol.</summary>
    IReadOnlyDictionary<string, DateTimeOffset> LastBarTimes();

    /// <summary>When the bar that set <paramref name="symbol"/>'s last price closed; null before its first bar.</summary>
    DateTimeOffset? LastBarTime(string symbol);

    /// <summary>When the latest bar of any symbol closed; null before the first bar.</summary>
    DateTimeOffset? LatestBarTime();

    void InsertCashActivity(VenueCashActivity activity);

    /// <summary>The cash activities after <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<VenueCashActivity> CashActivities(long afterSequence);
}
