using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>Reads and writes the money side of the paper account: cash, positions, fills, last prices, id sequences.</summary>
internal static class PaperLedgerStore
{
    /// <summary>The next value of the named sequence, starting at 1; never reused, even across restarts.</summary>
    public static async Task<long> NextAsync(SqliteTransaction tx, string sequence, CancellationToken ct)
    {
        var value = await PaperSql.ScalarAsync(tx, """
            INSERT INTO sequences (name, value) VALUES ($name, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            RETURNING value;
            """, ct, ("$name", sequence)).ConfigureAwait(false);
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<decimal> CashAsync(SqliteTransaction tx, CancellationToken ct) =>
        PaperText.ParseDecimal((string)(await PaperSql.ScalarAsync(tx, "SELECT cash FROM account WHERE id = 1;", ct)
            .ConfigureAwait(false))!);

    public static Task SetCashAsync(SqliteTransaction tx, decimal cash, CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, "UPDATE account SET cash = $cash WHERE id = 1;", ct, ("$cash", PaperText.Decimal(cash)));

    public static async Task<PaperPosition> PositionAsync(SqliteTransaction tx, string symbol, CancellationToken ct)
    {
        var rows = await PaperSql.QueryAsync(tx,
            "SELECT quantity, average_price, realized_pnl, settlement_price FROM positions WHERE symbol = $symbol;", ReadPosition, ct,
            ("$symbol", symbol)).ConfigureAwait(false);
        return rows.Count == 0 ? PaperPosition.Flat : rows[0];
    }

    public static Task SavePositionAsync(SqliteTransaction tx, string symbol, PaperPosition p, CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, """
            INSERT INTO positions (symbol, quantity, average_price, realized_pnl, settlement_price)
            VALUES ($symbol, $qty, $avg, $pnl, $settle)
            ON CONFLICT (symbol) DO UPDATE SET quantity = $qty, average_price = $avg, realized_pnl = $pnl,
                settlement_price = $settle;
            """, ct,
            ("$symbol", symbol), ("$qty", PaperText.Decimal(p.Quantity)), ("$avg", PaperText.Decimal(p.AveragePrice)),
            ("$pnl", PaperText.Decimal(p.RealizedPnl)), ("$settle", PaperText.Decimal(p.SettlementPrice)));

    /// <summary>Every position row, flat ones included, by symbol.</summary>
    public static Task<List<(string Symbol, PaperPosition Position)>> PositionsAsync(SqliteTransaction tx,
        CancellationToken ct) =>
        PaperSql.QueryAsync(tx,
            "SELECT quantity, average_price, realized_pnl, settlement_price, symbol FROM positions ORDER BY symbol;",
            r => (r.GetString(4), ReadPosition(r)), ct);

    public static Task InsertFillAsync(SqliteTransaction tx, VenueFill f, CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, """
            INSERT INTO fills (trade_id, client_order_id, venue_order_id, symbol, side, quantity, price, commission, time)
            VALUES ($tid, $cid, $vid, $symbol, $side, $qty, $price, $commission, $time);
            """, ct,
            ("$tid", f.VenueTradeId), ("$cid", f.ClientOrderId), ("$vid", f.VenueOrderId), ("$symbol", f.Symbol),
            ("$side", PaperText.Enum(f.Side)), ("$qty", PaperText.Decimal(f.Quantity)), ("$price", PaperText.Decimal(f.Price)),
            ("$commission", PaperText.Decimal(f.Commission)), ("$time", PaperText.Time(f.Time)));

    /// <summary>All fills in the order they happened.</summary>
    public static Task<List<VenueFill>> FillsAsync(SqliteTransaction tx, CancellationToken ct) =>
        PaperSql.QueryAsync(tx, """
            SELECT trade_id, client_order_id, venue_order_id, symbol, side, quantity, price, commission, time
            FROM fills ORDER BY seq;
            """,
            r => new VenueFill(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                PaperText.ParseEnum<OrderSide>(r.GetString(4)), PaperText.ParseDecimal(r.GetString(5)),
                PaperText.ParseDecimal(r.GetString(6)), PaperText.ParseDecimal(r.GetString(7)),
                PaperText.ParseTime(r.GetString(8))), ct);

    public static async Task<decimal?> LastPriceAsync(SqliteTransaction tx, string symbol, CancellationToken ct) =>
        PaperText.ParseNullableDecimal((string?)await PaperSql.ScalarAsync(tx,
            "SELECT price FROM last_prices WHERE symbol = $symbol;", ct, ("$symbol", symbol)).ConfigureAwait(false));

    public static Task SetLastPriceAsync(SqliteTransaction tx, string symbol, decimal price, DateTimeOffset time,
        CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, """
            INSERT INTO last_prices (symbol, price, time) VALUES ($symbol, $price, $time)
            ON CONFLICT (symbol) DO UPDATE SET price = $price, time = $time;
            """, ct, ("$symbol", symbol), ("$price", PaperText.Decimal(price)), ("$time", PaperText.Time(time)));

    public static Task<List<(string Symbol, decimal Price)>> LastPricesAsync(SqliteTransaction tx, CancellationToken ct) =>
        PaperSql.QueryAsync(tx, "SELECT symbol, price FROM last_prices ORDER BY symbol;",
            r => (r.GetString(0), PaperText.ParseDecimal(r.GetString(1))), ct);

    private static PaperPosition ReadPosition(SqliteDataReader r) => new(
        PaperText.ParseDecimal(r.GetString(0)), PaperText.ParseDecimal(r.GetString(1)), PaperText.ParseDecimal(r.GetString(2)),
        PaperText.ParseDecimal(r.GetString(3)));
}
