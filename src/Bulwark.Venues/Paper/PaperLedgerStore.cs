using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>Reads and writes the money side of the paper account: cash, positions, fills, last prices, id sequences.</summary>
internal static class PaperLedgerStore
{
    /// <summary>The next value of the named sequence, starting at 1; never reused, even across restarts.</summary>
    public static long Next(SqliteTransaction tx, string sequence)
    {
        var value = PaperSql.Scalar(tx, """
            INSERT INTO sequences (name, value) VALUES ($name, 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            RETURNING value;
            """, ("$name", sequence));
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static decimal Cash(SqliteTransaction tx) =>
        PaperText.ParseDecimal((string)(PaperSql.Scalar(tx, "SELECT cash FROM account WHERE id = 1;")
            )!);

    public static void SetCash(SqliteTransaction tx, decimal cash) =>
        PaperSql.Execute(tx, "UPDATE account SET cash = $cash WHERE id = 1;", ("$cash", PaperText.Decimal(cash)));

    public static PaperPosition Position(SqliteTransaction tx, string symbol)
    {
        var rows = PaperSql.Query(tx,
            "SELECT quantity, average_price, realized_pnl, settlement_price FROM positions WHERE symbol = $symbol;", ReadPosition,
            ("$symbol", symbol));
        return rows.Count == 0 ? PaperPosition.Flat : rows[0];
    }

    public static void SavePosition(SqliteTransaction tx, string symbol, PaperPosition p) =>
        PaperSql.Execute(tx, """
            INSERT INTO positions (symbol, quantity, average_price, realized_pnl, settlement_price)
            VALUES ($symbol, $qty, $avg, $pnl, $settle)
            ON CONFLICT (symbol) DO UPDATE SET quantity = $qty, average_price = $avg, realized_pnl = $pnl,
                settlement_price = $settle;
            """,
            ("$symbol", symbol), ("$qty", PaperText.Decimal(p.Quantity)), ("$avg", PaperText.Decimal(p.AveragePrice)),
            ("$pnl", PaperText.Decimal(p.RealizedPnl)), ("$settle", PaperText.Decimal(p.SettlementPrice)));

    /// <summary>Every position row, flat ones included, by symbol.</summary>
    public static List<(string Symbol, PaperPosition Position)> Positions(SqliteTransaction tx) =>
        PaperSql.Query(tx,
            "SELECT quantity, average_price, realized_pnl, settlement_price, symbol FROM positions ORDER BY symbol;",
            r => (r.GetString(4), ReadPosition(r)));

    public static void InsertFill(SqliteTransaction tx, VenueFill f) =>
        PaperSql.Execute(tx, """
            INSERT INTO fills (trade_id, client_order_id, venue_order_id, symbol, side, quantity, price, commission, time, slippage)
            VALUES ($tid, $cid, $vid, $symbol, $side, $qty, $price, $commission, $time, $slippage);
            """,
            ("$tid", f.VenueTradeId), ("$cid", f.ClientOrderId), ("$vid", f.VenueOrderId), ("$symbol", f.Symbol),
            ("$side", PaperText.Enum(f.Side)), ("$qty", PaperText.Decimal(f.Quantity)), ("$price", PaperText.Decimal(f.Price)),
            ("$commission", PaperText.Decimal(f.Commission)), ("$time", PaperText.Time(f.Time)), ("$slippage", PaperText.Decimal(f.Slippage)));

    /// <summary>All fills in the order they happened.</summary>
    public static List<VenueFill> Fills(SqliteTransaction tx) =>
        PaperSql.Query(tx, """
            SELECT trade_id, client_order_id, venue_order_id, symbol, side, quantity, price, commission, time, slippage
            FROM fills ORDER BY seq;
            """,
            r => new VenueFill(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                PaperText.ParseEnum<OrderSide>(r.GetString(4)), PaperText.ParseDecimal(r.GetString(5)),
                PaperText.ParseDecimal(r.GetString(6)), PaperText.ParseDecimal(r.GetString(7)),
                PaperText.ParseTime(r.GetString(8))) { Slippage = PaperText.ParseDecimal(r.GetString(9)) });

    public static decimal? LastPrice(SqliteTransaction tx, string symbol) =>
        PaperText.ParseNullableDecimal((string?)PaperSql.Scalar(tx,
            "SELECT price FROM last_prices WHERE symbol = $symbol;", ("$symbol", symbol)));

    public static void SetLastPrice(SqliteTransaction tx, string symbol, decimal price, DateTimeOffset time) =>
        PaperSql.Execute(tx, """
            INSERT INTO last_prices (symbol, price, time) VALUES ($symbol, $price, $time)
            ON CONFLICT (symbol) DO UPDATE SET price = $price, time = $time;
            """, ("$symbol", symbol), ("$price", PaperText.Decimal(price)), ("$time", PaperText.Time(time)));

    public static Dictionary<string, DateTimeOffset> LastBarTimes(SqliteTransaction tx) =>
        PaperSql.Query(tx, "SELECT symbol, time FROM last_prices ORDER BY symbol;",
            r => (Symbol: r.GetString(0), Time: PaperText.ParseTime(r.GetString(1)))).ToDictionary(x => x.Symbol, x => x.Time, StringComparer.Ordinal);

    public static DateTimeOffset? LastBarTime(SqliteTransaction tx, string symbol) =>
        PaperSql.Scalar(tx, "SELECT time FROM last_prices WHERE symbol = $symbol;", ("$symbol", symbol)) is string time
            ? PaperText.ParseTime(time)
            : null;

    public static List<(string Symbol, decimal Price)> LastPrices(SqliteTransaction tx) =>
        PaperSql.Query(tx, "SELECT symbol, price FROM last_prices ORDER BY symbol;",
            r => (r.GetString(0), PaperText.ParseDecimal(r.GetString(1))));

    private static PaperPosition ReadPosition(SqliteDataReader r) => new(
        PaperText.ParseDecimal(r.GetString(0)), PaperText.ParseDecimal(r.GetString(1)), PaperText.ParseDecimal(r.GetString(2)),
        PaperText.ParseDecimal(r.GetString(3)));
}
