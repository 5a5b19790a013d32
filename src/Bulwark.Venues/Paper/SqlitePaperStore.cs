using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>The paper account as seen through one SQLite transaction.</summary>
internal sealed class SqlitePaperStore(SqliteTransaction tx) : IPaperStore
{
    public bool Exists(string clientOrderId) => PaperOrderStore.Exists(tx, clientOrderId);

    public PaperOrder? Find(string clientOrderId) => PaperOrderStore.Find(tx, clientOrderId);

    public IReadOnlyList<PaperOrder> OpenForSymbol(string symbol) => PaperOrderStore.OpenForSymbol(tx, symbol);

    public IReadOnlyList<PaperOrder> List(bool openOnly) => PaperOrderStore.List(tx, openOnly);

    public IReadOnlyList<PaperOrder> OpenBuys() => PaperOrderStore.List(tx, openOnly: true).FindAll(o => o.Side == OrderSide.Buy);

    public void Insert(PaperOrder order) => PaperOrderStore.Insert(tx, order);

    public void Update(PaperOrder order) => PaperOrderStore.Update(tx, order);

    public void InsertDuplicate(OrderRequest request, string message, DateTimeOffset now) =>
        PaperOrderStore.InsertDuplicate(tx, request, message, now);

    public IReadOnlyList<VenueOrder> ListDuplicates() => PaperOrderStore.ListDuplicates(tx);

    public bool IsOcoGroupFilled(string symbol, string group) => PaperOrderStore.IsOcoGroupFilled(tx, symbol, group);

    public void RecordOcoGroupFilled(string symbol, string group) => PaperOrderStore.RecordOcoGroupFilled(tx, symbol, group);

    public long Next(string sequence) => PaperLedgerStore.Next(tx, sequence);

    public decimal Cash() => PaperLedgerStore.Cash(tx);

    public void SetCash(decimal cash) => PaperLedgerStore.SetCash(tx, cash);

    public PaperPosition Position(string symbol) => PaperLedgerStore.Position(tx, symbol);

    public void SavePosition(string symbol, PaperPosition position) => PaperLedgerStore.SavePosition(tx, symbol, position);

    public IReadOnlyList<(string Symbol, PaperPosition Position)> Positions() => PaperLedgerStore.Positions(tx);

    public void InsertFill(VenueFill fill) => PaperLedgerStore.InsertFill(tx, fill);

    public IReadOnlyList<VenueFill> Fills() => PaperLedgerStore.Fills(tx);

    public decimal? LastPrice(string symbol) => PaperLedgerStore.LastPrice(tx, symbol);

    public void SetLastPrice(string symbol, decimal price, DateTimeOffset time) =>
        PaperLedgerStore.SetLastPrice(tx, symbol, price, time);

    public IReadOnlyList<(string Symbol, decimal Price)> LastPrices() => PaperLedgerStore.LastPrices(tx);

    public IReadOnlyDictionary<string, DateTimeOffset> LastBarTimes() => PaperLedgerStore.LastBarTimes(tx);

    public DateTimeOffset? LastBarTime(string symbol) => PaperLedgerStore.LastBarTime(tx, symbol);

    public DateTimeOffset? LatestBarTime() => PaperLedgerStore.LastBarTimes(tx).Values.Select(t => (DateTimeOffset?)t).Max();

    public void InsertCashActivity(VenueCashActivity activity) => PaperCashActivityStore.Insert(tx, activity);

    public IReadOnlyList<VenueCashActivity> CashActivities(long afterSequence) => PaperCashActivityStore.After(tx, afterSequence);
}
