namespace Bulwark.Storage;

/// <summary>
/// The journal schema, as numbered steps. Never edit a released step: add a new one. Times and decimals are TEXT
/// (see <see cref="SqliteText"/>); tables are STRICT so a wrong type is refused rather than coerced.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "events", """
            CREATE TABLE events (
                sequence       INTEGER PRIMARY KEY CHECK (sequence > 0),
                recorded_at    TEXT    NOT NULL,
                type           TEXT    NOT NULL,
                format_version INTEGER NOT NULL,
                payload        BLOB    NOT NULL,
                checksum       INTEGER NOT NULL
            ) STRICT;
            """),
        new(2, "pipeline_snapshots", """
            CREATE TABLE pipeline_snapshots (
                id                  INTEGER PRIMARY KEY,
                sequence            INTEGER NOT NULL,
                snapshot_time       TEXT    NOT NULL,
                trading_state       TEXT    NOT NULL,
                daily_pnl           TEXT    NOT NULL,
                consecutive_losses  INTEGER NOT NULL,
                breaker_state       TEXT    NOT NULL,
                open_position_count INTEGER NOT NULL,
                state_json          TEXT    NOT NULL
            ) STRICT;
            CREATE INDEX ix_pipeline_snapshots_snapshot_time ON pipeline_snapshots (snapshot_time);
            CREATE INDEX ix_pipeline_snapshots_sequence ON pipeline_snapshots (sequence);
            """),
        new(3, "reconciliation_reports", """
            CREATE TABLE reconciliation_reports (
                id                INTEGER PRIMARY KEY,
                report_time       TEXT    NOT NULL,
                in_sync           INTEGER NOT NULL CHECK (in_sync IN (0, 1)),
                discrepancy_count INTEGER NOT NULL CHECK (discrepancy_count >= 0),
                report_json       TEXT    NOT NULL
            ) STRICT;
            CREATE INDEX ix_reconciliation_reports_report_time ON reconciliation_reports (report_time);
            """),
        new(4, "control_commands", """
            CREATE TABLE control_commands (
                id           INTEGER PRIMARY KEY,
                created_at   TEXT NOT NULL,
                kind         TEXT NOT NULL,
                reason       TEXT NOT NULL,
                processed_at TEXT NULL
            ) STRICT;
            CREATE INDEX ix_control_commands_pending ON control_commands (id) WHERE processed_at IS NULL;
            """),
    ];

    public static long LatestVersion => All[^1].Version;
}
