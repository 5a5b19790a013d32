using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper venue's database: the broker's side of the account. Decimals and times are invariant TEXT.
/// Versioned with PRAGMA user_version; a file from a newer version is refused rather than misread, an older one is
/// migrated in place (version 2 added the settlement price of margined positions, version 3 the cash activities,
/// version 4 the one-cancels-other group of an order and the record of the groups that filled, version 5 what slippage
/// and impact cost each fill).
/// </summary>
internal static class PaperSchema
{
    public const int Version = 5;

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS account (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            cash            TEXT NOT NULL,
            initial_cash    TEXT NOT NULL,
            created_at      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sequences (
            name            TEXT PRIMARY KEY,
            value           INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS orders (
            seq             INTEGER PRIMARY KEY,
            client_order_id TEXT NOT NULL UNIQUE,
            venue_order_id  TEXT NOT NULL UNIQUE,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            type            TEXT NOT NULL,
            time_in_force   TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            limit_price     TEXT NULL,
            stop_price      TEXT NULL,
            filled_quantity TEXT NOT NULL,
            avg_fill_price  TEXT NOT NULL,
            status          TEXT NOT NULL,
            reject_code     TEXT NOT NULL,
            reject_message  TEXT NULL,
            stop_triggered  INTEGER NOT NULL,
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            oco_group       TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_orders_symbol_status ON orders (symbol, status);
        CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status);
        CREATE TABLE IF NOT EXISTS duplicate_submissions (
            seq             INTEGER PRIMARY KEY,
            client_order_id TEXT NOT NULL,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            type            TEXT NOT NULL,
            time_in_force   TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            limit_price     TEXT NULL,
            stop_price      TEXT NULL,
            message         TEXT NOT NULL,
            received_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fills (
            seq             INTEGER PRIMARY KEY,
            trade_id        TEXT NOT NULL UNIQUE,
            client_order_id TEXT NOT NULL,
            venue_order_id  TEXT NOT NULL,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            price           TEXT NOT NULL,
            commission      TEXT NOT NULL,
            time            TEXT NOT NULL,
            slippage        TEXT NOT NULL DEFAULT '0'
        );
        CREATE TABLE IF NOT EXISTS positions (
            symbol          TEXT PRIMARY KEY,
            quantity        TEXT NOT NULL,
            average_price   TEXT NOT NULL,
            realized_pnl    TEXT NOT NULL,
            settlement_price TEXT NOT NULL DEFAULT '0'
        );
        CREATE TABLE IF NOT EXISTS cash_activities (
            seq             INTEGER PRIMARY KEY,
            activity_id     TEXT NOT NULL UNIQUE,
            kind            TEXT NOT NULL,
            symbol          TEXT NULL,
            amount          TEXT NOT NULL,
            time            TEXT NOT NULL,
            description     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS oco_filled (
            symbol          TEXT NOT NULL,
            grp             TEXT NOT NULL,
            PRIMARY KEY (symbol, grp)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS last_prices (
            symbol          TEXT PRIMARY KEY,
            price           TEXT NOT NULL,
            time            TEXT NOT NULL
        );
        """;

    /// <summary>Sets the durability pragmas on <paramref name="connection"/>; they hold for the connection's life.</summary>
    public static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
    }

    /// <summary>Creates the tables and the account row when missing; checks the version of an existing file.</summary>
    public static void Ensure(SqliteTransaction transaction, decimal initialCash, DateTimeOffset now)
    {
        var version = Convert.ToInt32(PaperSql.Scalar(transaction, "PRAGMA user_version;"),
            System.Globalization.CultureInfo.InvariantCulture);
        if (version > Version)
            throw new InvalidOperationException(
                $"The paper venue database has schema version {version}; this build knows up to {Version}.");

        if (version == 1)
            PaperSql.Execute(transaction, "ALTER TABLE positions ADD COLUMN settlement_price TEXT NOT NULL DEFAULT '0';");
        if (version is >= 1 and < 4)
            PaperSql.Execute(transaction, "ALTER TABLE orders ADD COLUMN oco_group TEXT NULL;");
        if (version is >= 1 and < 5) // fills from before are read as unslipped: what they cost was not recorded
            PaperSql.Execute(transaction, "ALTER TABLE fills ADD COLUMN slippage TEXT NOT NULL DEFAULT '0';");
        PaperSql.Execute(transaction, Ddl);
        PaperSql.Execute(transaction,
            "INSERT OR IGNORE INTO account (id, cash, initial_cash, created_at) VALUES (1, $cash, $cash, $now);",
            ("$cash", PaperText.Decimal(initialCash)), ("$now", PaperText.Time(now)));
        PaperSql.Execute(transaction, $"PRAGMA user_version = {Version};");
    }
}
