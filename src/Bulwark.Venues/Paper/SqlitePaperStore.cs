using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>The paper account as seen through one SQLite transaction.</summary>
internal sealed class SqlitePaperStore(SqliteTransaction tx) : IPaperStore
{
    public ValueTask<bool> ExistsAsync(string clientOrderId, CancellationToken ct) =>
        new(PaperOrderStore.ExistsAsync(tx, clientOrderId, ct));

    public ValueTask<PaperOrder?> FindAsync(string clientOrderId, CancellationToken ct) =>
        new(PaperOrderStore.FindAsync(tx, clientOrderId, ct));

    public async ValueTask<IReadOnlyList<PaperOrder>> OpenForSymbolAsync(string symbol, CancellationToken ct) =>
        await PaperOrderStore.OpenForSymbolAsync(tx, symbol, ct).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<PaperOrder>> ListAsync(bool openOnly, CancellationToken ct) =>
        await PaperOrderStore.ListAsync(tx, openOnly, ct).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<PaperOrder>> OpenBuysAsync(CancellationToken ct) =>
        (await PaperOrderStore.ListAsync(tx, openOnly: true, ct).ConfigureAwait(false)).FindAll(o => o.Side == OrderSide.Buy);

    public ValueTask InsertAsync(PaperOrder order, CancellationToken ct) => new(PaperOrderStore.InsertAsync(tx, order, ct));

    public ValueTask UpdateAsync(PaperOrder order, CancellationToken ct) => new(PaperOrderStore.UpdateAsync(tx, order, ct));

    public ValueTask InsertDuplicateAsync(OrderRequest request, string message, DateTimeOffset now, CancellationToken ct) =>
        new(PaperOrderStore.InsertDuplicateAsync(tx, request, message, now, ct));

    public async ValueTask<IReadOnlyList<VenueOrder>> ListDuplicatesAsync(CancellationToken ct) =>
        await PaperOrderStore.ListDuplicatesAsync(tx, ct).ConfigureAwait(false);

    public ValueTask<long> NextAsync(string sequence, CancellationToken ct) => new(PaperLedgerStore.NextAsync(tx, sequence, ct));

    public ValueTask<decimal> CashAsync(CancellationToken ct) => new(PaperLedgerStore.CashAsync(tx, ct));

    public ValueTask SetCashAsync(decimal cash, CancellationToken ct) => new(PaperLedgerStore.SetCashAsync(tx, cash, ct));

    public ValueTask<PaperPosition> PositionAsync(string symbol, CancellationToken ct) =>
        new(PaperLedgerStore.PositionAsync(tx, symbol, ct));

    public ValueTask SavePositionAsync(string symbol, PaperPosition position, CancellationToken ct) =>
        new(PaperLedgerStore.SavePositionAsync(tx, symbol, position, ct));

    public async ValueTask<IReadOnlyList<(string Symbol, PaperPosition Position)>> PositionsAsync(CancellationToken ct) =>
        await PaperLedgerStore.PositionsAsync(tx, ct).ConfigureAwait(false);

    public ValueTask InsertFillAsync(VenueFill fill, CancellationToken ct) => new(PaperLedgerStore.InsertFillAsync(tx, fill, ct));

    public async ValueTask<IReadOnlyList<VenueFill>> FillsAsync(CancellationToken ct) =>
        await PaperLedgerStore.FillsAsync(tx, ct).ConfigureAwait(false);

    public ValueTask<decimal?> LastPriceAsync(string symbol, CancellationToken ct) =>
        new(PaperLedgerStore.LastPriceAsync(tx, symbol, ct));

    public ValueTask SetLastPriceAsync(string symbol, decimal price, DateTimeOffset time, CancellationToken ct) =>
        new(PaperLedgerStore.SetLastPriceAsync(tx, symbol, price, time, ct));

    public async ValueTask<IReadOnlyList<(string Symbol, decimal Price)>> LastPricesAsync(CancellationToken ct) =>
        await PaperLedgerStore.LastPricesAsync(tx, ct).ConfigureAwait(false);
}
