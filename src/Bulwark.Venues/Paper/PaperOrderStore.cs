using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>Reads and writes the order book and the record of duplicate submissions.</summary>
internal static class PaperOrderStore
{
    private const string Columns = """
        client_order_id, venue_order_id, symbol, side, type, time_in_force, quantity, limit_price, stop_price,
        filled_quantity, avg_fill_price, status, reject_code, reject_message, stop_triggered, created_at, updated_at
        """;

    private static readonly string OpenStatuses =
        $"('{nameof(OrderStatus.Accepted)}', '{nameof(OrderStatus.PartiallyFilled)}')";

    public static async Task<bool> ExistsAsync(SqliteTransaction tx, string clientOrderId, CancellationToken ct) =>
        await PaperSql.ScalarAsync(tx, "SELECT 1 FROM orders WHERE client_order_id = $id;", ct, ("$id", clientOrderId))
            .ConfigureAwait(false) is not null;

    public static async Task<PaperOrder?> FindAsync(SqliteTransaction tx, string clientOrderId, CancellationToken ct)
    {
        var rows = await PaperSql.QueryAsync(tx, $"SELECT {Columns} FROM orders WHERE client_order_id = $id;", Read, ct,
            ("$id", clientOrderId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Open orders of <paramref name="symbol"/>, oldest first (the order they were accepted in).</summary>
    public static Task<List<PaperOrder>> OpenForSymbolAsync(SqliteTransaction tx, string symbol, CancellationToken ct) =>
        PaperSql.QueryAsync(tx,
            $"SELECT {Columns} FROM orders WHERE symbol = $symbol AND status IN {OpenStatuses} ORDER BY seq;",
            Read, ct, ("$symbol", symbol));

    public static Task<List<PaperOrder>> ListAsync(SqliteTransaction tx, bool openOnly, CancellationToken ct) =>
        PaperSql.QueryAsync(tx,
            $"SELECT {Columns} FROM orders {(openOnly ? $"WHERE status IN {OpenStatuses}" : "")} ORDER BY seq;",
            Read, ct);

    public static Task InsertAsync(SqliteTransaction tx, PaperOrder o, CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, $"""
            INSERT INTO orders ({Columns}) VALUES ($cid, $vid, $symbol, $side, $type, $tif, $qty, $limit, $stop,
                $filled, $avg, $status, $code, $message, $triggered, $created, $updated);
            """, ct,
            ("$cid", o.ClientOrderId), ("$vid", o.VenueOrderId), ("$symbol", o.Symbol),
            ("$side", PaperText.Enum(o.Side)), ("$type", PaperText.Enum(o.Type)), ("$tif", PaperText.Enum(o.TimeInForce)),
            ("$qty", PaperText.Decimal(o.Quantity)), ("$limit", PaperText.Decimal(o.LimitPrice)),
            ("$stop", PaperText.Decimal(o.StopPrice)), ("$filled", PaperText.Decimal(o.FilledQuantity)),
            ("$avg", PaperText.Decimal(o.AverageFillPrice)), ("$status", PaperText.Enum(o.Status)),
            ("$code", PaperText.Enum(o.RejectCode)), ("$message", o.RejectMessage), ("$triggered", o.StopTriggered ? 1 : 0),
            ("$created", PaperText.Time(o.CreatedAt)), ("$updated", PaperText.Time(o.UpdatedAt)));

    /// <summary>Writes back what matching and canceling change: fills, status, the stop trigger, the update time.</summary>
    public static async Task UpdateAsync(SqliteTransaction tx, PaperOrder o, CancellationToken ct)
    {
        var changed = await PaperSql.ExecuteAsync(tx, """
            UPDATE orders SET filled_quantity = $filled, avg_fill_price = $avg, status = $status,
                stop_triggered = $triggered, updated_at = $updated
            WHERE client_order_id = $cid;
            """, ct,
            ("$filled", PaperText.Decimal(o.FilledQuantity)), ("$avg", PaperText.Decimal(o.AverageFillPrice)),
            ("$status", PaperText.Enum(o.Status)), ("$triggered", o.StopTriggered ? 1 : 0),
            ("$updated", PaperText.Time(o.UpdatedAt)), ("$cid", o.ClientOrderId)).ConfigureAwait(false);
        if (changed != 1) throw new InvalidOperationException($"Order {o.ClientOrderId} vanished from the paper venue.");
    }

    public static Task InsertDuplicateAsync(SqliteTransaction tx, OrderRequest r, string message, DateTimeOffset now,
        CancellationToken ct) =>
        PaperSql.ExecuteAsync(tx, """
            INSERT INTO duplicate_submissions (client_order_id, symbol, side, type, time_in_force, quantity,
                limit_price, stop_price, message, received_at)
            VALUES ($cid, $symbol, $side, $type, $tif, $qty, $limit, $stop, $message, $now);
            """, ct,
            ("$cid", r.ClientOrderId), ("$symbol", r.Symbol ?? ""), ("$side", PaperText.Enum(r.Side)),
            ("$type", PaperText.Enum(r.Type)), ("$tif", PaperText.Enum(r.TimeInForce)),
            ("$qty", PaperText.Decimal(r.Quantity)), ("$limit", PaperText.Decimal(r.LimitPrice)),
            ("$stop", PaperText.Decimal(r.StopPrice)), ("$message", message), ("$now", PaperText.Time(now)));

    /// <summary>Each recorded duplicate submission as a rejected order with the id it tried to reuse.</summary>
    public static Task<List<VenueOrder>> ListDuplicatesAsync(SqliteTransaction tx, CancellationToken ct) =>
        PaperSql.QueryAsync(tx, """
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
            }, ct);

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
    };

    // A duplicate submission may carry enum values the venue does not support; it is recorded as it came.
    private static T ParseEnumOrDefault<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text, out var value) ? value : default;
}
