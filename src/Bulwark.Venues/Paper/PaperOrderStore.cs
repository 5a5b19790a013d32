using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>Reads and writes the order book, the record of duplicate submissions and the filled one-cancels-other groups.</summary>
internal static class PaperOrderStore
{
    private const string Columns = """
        client_order_id, venue_order_id, symbol, side, type, time_in_force, quantity, limit_price, stop_price,
        filled_quantity, avg_fill_price, status, reject_code, reject_message, stop_triggered, created_at, updated_at,
        oco_group
        """;

    private static readonly string OpenStatuses =
        $"('{nameof(OrderStatus.Accepted)}', '{nameof(OrderStatus.PartiallyFilled)}')";

    public static bool Exists(SqliteTransaction tx, string clientOrderId) =>
        PaperSql.Scalar(tx, "SELECT 1 FROM orders WHERE client_order_id = $id;", ("$id", clientOrderId))
             is not null;

    public static PaperOrder? Find(SqliteTransaction tx, string clientOrderId)
    {
        var rows = PaperSql.Query(tx, $"SELECT {Columns} FROM orders WHERE client_order_id = $id;", Read,
            ("$id", clientOrderId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Open orders of <paramref name="symbol"/>, oldest first (the order they were accepted in).</summary>
    public static List<PaperOrder> OpenForSymbol(SqliteTransaction tx, string symbol) =>
        PaperSql.Query(tx,
            $"SELECT {Columns} FROM orders WHERE symbol = $symbol AND status IN {OpenStatuses} ORDER BY seq;",
            Read, ("$symbol", symbol));

    public static List<PaperOrder> List(SqliteTransaction tx, bool openOnly) =>
        PaperSql.Query(tx,
            $"SELECT {Columns} FROM orders {(openOnly ? $"WHERE status IN {OpenStatuses}" : "")} ORDER BY seq;",
            Read);

    public static void Insert(SqliteTransaction tx, PaperOrder o) =>
        PaperSql.Execute(tx, $"""
            INSERT INTO orders ({Columns}) VALUES ($cid, $vid, $symbol, $side, $type, $tif, $qty, $limit, $stop,
                $filled, $avg, $status, $code, $message, $triggered, $created, $updated, $oco);
            """,
            ("$cid", o.ClientOrderId), ("$vid", o.VenueOrderId), ("$symbol", o.Symbol),
            ("$side", PaperText.Enum(o.Side)), ("$type", PaperText.Enum(o.Type)), ("$tif", PaperText.Enum(o.TimeInForce)),
            ("$qty", PaperText.Decimal(o.Quantity)), ("$limit", PaperText.Decimal(o.LimitPrice)),
            ("$stop", PaperText.Decimal(o.StopPrice)), ("$filled", PaperText.Decimal(o.FilledQuantity)),
            ("$avg", PaperText.Decimal(o.AverageFillPrice)), ("$status", PaperText.Enum(o.Status)),
            ("$code", PaperText.Enum(o.RejectCode)), ("$message", o.RejectMessage), ("$triggered", o.StopTriggered ? 1 : 0),
            ("$created", PaperText.Time(o.CreatedAt)), ("$updated", PaperText.Time(o.UpdatedAt)), ("$oco", o.OcoGroup));

    /// <summary>Writes back what matching and canceling change: fills, status, the stop trigger, the update time.</summary>
    public static void Update(SqliteTransaction tx, PaperOrder o)
    {
        var changed = PaperSql.Execute(tx, """
            UPDATE orders SET filled_quantity = $filled, avg_fill_price = $avg, status = $status,
                stop_triggered = $triggered, updated_at = $updated
            WHERE client_order_id = $cid;
            """,
            ("$filled", PaperText.Decimal(o.FilledQuantity)), ("$avg", PaperText.Decimal(o.AverageFillPrice)),
            ("$status", PaperText.Enum(o.Status)), ("$triggered", o.StopTriggered ? 1 : 0),
            ("$updated", PaperText.Time(o.UpdatedAt)), ("$cid", o.ClientOrderId));
        if (changed != 1) throw new InvalidOperationException($"Order {o.ClientOrderId} vanished from the paper venue.");
    }

    public static bool IsOcoGroupFilled(SqliteTransaction tx, string symbol, string group) =>
        PaperSql.Scalar(tx, "SELECT 1 FROM oco_filled WHERE symbol = $symbol AND grp = $grp;",
            ("$symbol", symbol), ("$grp", group)) is not null;

    public static void RecordOcoGroupFilled(SqliteTransaction tx, string symbol, string group) =>
        PaperSql.Execute(tx, "INSERT OR IGNORE INTO oco_filled (symbol, grp) VALUES ($symbol, $grp);",
            ("$symbol", symbol), ("$grp", group));

    public static void InsertDuplicate(SqliteTransaction tx, OrderRequest r, string message, DateTimeOffset now) =>
        PaperSql.Execute(tx, """
            INSERT INTO duplicate_submissions (client_order_id, symbol, side, type, time_in_force, quantity,
                limit_price, stop_price, message, received_at)
            VALUES ($cid, $symbol, $side, $type, $tif, $qty, $limit, $stop, $message, $now);
            """,
            ("$cid", r.ClientOrderId), ("$symbol", r.Symbol ?? ""), ("$side", PaperText.Enum(r.Side)),
            ("$type", PaperText.Enum(r.Type)), ("$tif", PaperText.Enum(r.TimeInForce)),
            ("$qty", PaperText.Decimal(r.Quantity)), ("$limit", PaperText.Decimal(r.LimitPrice)),
            ("$stop", PaperText.Decimal(r.StopPrice)), ("$message", message), ("$now", PaperText.Time(now)));

    /// <summary>Each recorded duplicate submission as a rejected order with the id it tried to reuse.</summary>
    public static List<VenueOrder> ListDuplicates(SqliteTransaction tx) =>
        PaperSql.Query(tx, """
            SELECT seq, client_order_id, symbol, side, type, time_in_force, quantity, limit_price, stop_price,
                message, received_at
            FROM duplicate_submissions ORDER BY seq;
            """,
            r =>
            {
                var at = PaperText.ParseTime(r.GetString(10));
                return new VenueOrder(
                    r.GetString(1), PaperIds.Duplicate(r.GetInt64(0)), r.GetString(2),
                    ParseEnumOrDefault<OrderSide>(r.GetString(3)), ParseEnumOrDefault<OrderType>(r.GetString(4)),
                    ParseEnumOrDefault<TimeInForce>(r.GetString(5)), PaperText.ParseDecimal(r.GetString(6)),
                    PaperText.ParseNullableDecimal(r.NullableString(7)), PaperText.ParseNullableDecimal(r.NullableString(8)),
                    0m, 0m, OrderStatus.Rejected, VenueRejectCode.DuplicateClientOrderId, r.GetString(9), at, at);
            });

    private static PaperOrder Read(SqliteDataReader r) => new()
    {
        ClientOrderId = r.GetString(0),
        VenueOrderId = r.GetString(1),
        Symbol = r.GetString(2),
        Side = PaperText.ParseEnum<OrderSide>(r.GetString(3)),
        Type = PaperText.ParseEnum<OrderType>(r.GetString(4)),
        TimeInForce = PaperText.ParseEnum<TimeInForce>(r.GetString(5)),
        Quantity = PaperText.ParseDecimal(r.GetString(6)),
        LimitPrice = PaperText.ParseNullableDecimal(r.NullableString(7)),
        StopPrice = PaperText.ParseNullableDecimal(r.NullableString(8)),
        FilledQuantity = PaperText.ParseDecimal(r.GetString(9)),
        AverageFillPrice = PaperText.ParseDecimal(r.GetString(10)),
        Status = PaperText.ParseEnum<OrderStatus>(r.GetString(11)),
        RejectCode = PaperText.ParseEnum<VenueRejectCode>(r.GetString(12)),
        RejectMessage = r.NullableString(13),
        StopTriggered = r.GetInt64(14) != 0,
        CreatedAt = PaperText.ParseTime(r.GetString(15)),
        UpdatedAt = PaperText.ParseTime(r.GetString(16)),
        OcoGroup = r.NullableString(17),
    };

    // A duplicate submission may carry enum values the venue does not support; it is recorded as it came.
    private static T ParseEnumOrDefault<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text, out var value) ? value : default;
}
