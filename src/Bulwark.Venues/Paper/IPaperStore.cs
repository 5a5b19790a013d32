using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// One unit of work's view of the paper account: the order book, the duplicate submissions, the ledger (cash,
/// positions, fills, last prices) and the id sequences. The venue's rules run against this, whatever holds the data:
/// a SQLite transaction (<see cref="SqlitePaperStore"/>) or memory (<see cref="MemoryPaperStore"/>, which completes
/// every call synchronously).
/// </summary>
internal interface IPaperStore
{
    ValueTask<bool> ExistsAsync(string clientOrderId, CancellationToken ct);

    ValueTask<PaperOrder?> FindAsync(string clientOrderId, CancellationToken ct);

    /// <summary>Open orders of <paramref name="symbol"/>, oldest first (the order they were accepted in).</summary>
    ValueTask<IReadOnlyList<PaperOrder>> OpenForSymbolAsync(string symbol, CancellationToken ct);

    /// <summary>Orders in submission order.</summary>
    ValueTask<IReadOnlyList<PaperOrder>> ListAsync(bool openOnly, CancellationToken ct);

    /// <summary>The open buy orders of every symbol (what reserves buying power).</summary>
    ValueTask<IReadOnlyList<PaperOrder>> OpenBuysAsync(CancellationToken ct);

    ValueTask InsertAsync(PaperOrder order, CancellationToken ct);

    /// <summary>Writes back what matching and canceling change: fills, status, the stop trigger, the update time.</summary>
    ValueTask UpdateAsync(PaperOrder order, CancellationToken ct);

    ValueTask InsertDuplicateAsync(OrderRequest request, string message, DateTimeOffset now, CancellationToken ct);

    /// <summary>Each recorded duplicate submission as a rejected order with the id it tried to reuse.</summary>
    ValueTask<IReadOnlyList<VenueOrder>> ListDuplicatesAsync(CancellationToken ct);

    /// <summary>The next value of the named sequence, starting at 1; never reused.</summary>
    ValueTask<long> NextAsync(string sequence, CancellationToken ct);

    ValueTask<decimal> CashAsync(CancellationToken ct);

    ValueTask SetCashAsync(decimal cash, CancellationToken ct);

    ValueTask<PaperPosition> PositionAsync(string symbol, CancellationToken ct);

    ValueTask SavePositionAsync(string symbol, PaperPosition position, CancellationToken ct);

    /// <summary>Every position, flat ones included, by symbol.</summary>
    ValueTask<IReadOnlyList<(string Symbol, PaperPosition Position)>> PositionsAsync(CancellationToken ct);

    ValueTask InsertFillAsync(VenueFill fill, CancellationToken ct);

    /// <summary>All fills in the order they happened.</summary>
    ValueTask<IReadOnlyList<VenueFill>> FillsAsync(CancellationToken ct);

    ValueTask<decimal?> LastPriceAsync(string symbol, CancellationToken ct);

    ValueTask SetLastPriceAsync(string symbol, decimal price, DateTimeOffset time, CancellationToken ct);

    /// <summary>The last price of each symbol, by symbol.</summary>
    ValueTask<IReadOnlyList<(string Symbol, decimal Price)>> LastPricesAsync(CancellationToken ct);
}
