using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>Reads and writes the cash the paper account booked without an order (financing).</summary>
internal static class PaperCashActivityStore
{
    public static void Insert(SqliteTransaction tx, VenueCashActivity a) =>
        PaperSql.Execute(tx, """
            INSERT INTO cash_activities (seq, activity_id, kind, symbol, amount, time, description)
            VALUES ($seq, $id, $kind, $symbol, $amount, $time, $description);
            """,
            ("$seq", a.Sequence), ("$id", a.ActivityId), ("$kind", PaperText.Enum(a.Kind)), ("$symbol", a.Symbol),
            ("$amount", PaperText.Decimal(a.Amount)), ("$time", PaperText.Time(a.Time)), ("$description", a.Description));

    /// <summary>The activities after <paramref name="afterSequence"/>, oldest first.</summary>
    public static List<VenueCashActivity> After(SqliteTransaction tx, long afterSequence) =>
        PaperSql.Query(tx, """
            SELECT seq, activity_id, kind, symbol, amount, time, description
            FROM cash_activities WHERE seq > $after ORDER BY seq;
            """,
            r => new VenueCashActivity(r.GetInt64(0), r.GetString(1), PaperText.ParseEnum<CashActivityKind>(r.GetString(2)),
                r.NullableString(3), PaperText.ParseDecimal(r.GetString(4)), PaperText.ParseTime(r.GetString(5)), r.GetString(6)),
            ("$after", afterSequence));
}
