using Bulwark.Core.Journal;
using Bulwark.Core.Risk;
using Dapper;

namespace Bulwark.Storage;

public sealed partial class SqliteJournal
{
    /// <summary>
    /// Saves a kernel snapshot and deletes all but the newest <see cref="SqliteJournalOptions.SnapshotsToKeep"/>, in one
    /// transaction. The snapshot may not be ahead of the journal: replaying from it would skip events.
    /// </summary>
    public async ValueTask SaveAsync(KernelSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ThrowIfReadOnly(nameof(SaveAsync));
        ArgumentNullException.ThrowIfNull(snapshot.BreakerState, nameof(snapshot) + "." + nameof(snapshot.BreakerState));
        ArgumentNullException.ThrowIfNull(snapshot.StateJson, nameof(snapshot) + "." + nameof(snapshot.StateJson));
        if (!Enum.IsDefined(snapshot.TradingState))
            throw new ArgumentException($"Snapshot at sequence {snapshot.Sequence} has an undefined trading state {(int)snapshot.TradingState}.", nameof(snapshot));
        if (snapshot.Sequence < 0 || snapshot.Sequence > LastSequence)
        {
            throw new ArgumentException(
                $"Snapshot sequence {snapshot.Sequence} is outside the journal (0..{LastSequence}); a snapshot must describe durable events.",
                nameof(snapshot));
        }

        await WithWriteTransactionAsync(nameof(SaveAsync), (connection, transaction) =>
        {
            connection.Execute("""
                INSERT INTO pipeline_snapshots (sequence, snapshot_time, trading_state, daily_pnl, consecutive_losses,
                    breaker_state, open_position_count, state_json)
                VALUES (@sequence, @time, @tradingState, @dailyPnl, @consecutiveLosses, @breakerState, @openPositionCount, @stateJson)
                """,
                new
                {
                    sequence = snapshot.Sequence,
                    time = SqliteText.FormatTime(snapshot.Time),
                    tradingState = snapshot.TradingState.ToString(),
                    dailyPnl = SqliteText.FormatDecimal(snapshot.DailyPnl),
                    consecutiveLosses = snapshot.ConsecutiveLosses,
                    breakerState = snapshot.BreakerState,
                    openPositionCount = snapshot.OpenPositionCount,
                    stateJson = snapshot.StateJson,
                },
                transaction);
            return connection.Execute("""
                DELETE FROM pipeline_snapshots WHERE id NOT IN (
                    SELECT id FROM pipeline_snapshots ORDER BY sequence DESC, id DESC LIMIT @keep)
                """,
                new { keep = _options.SnapshotsToKeep },
                transaction);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The snapshot with the highest sequence (the newest saved among equals), or null when there is none.</summary>
    public async ValueTask<KernelSnapshot?> LoadLatestAsync(CancellationToken cancellationToken)
    {
        var row = await WithConnectionAsync(connection => connection.QuerySingleOrDefault<SnapshotRow>("""
            SELECT id AS Id, sequence AS Sequence, snapshot_time AS SnapshotTime, trading_state AS TradingState,
                   daily_pnl AS DailyPnl, consecutive_losses AS ConsecutiveLosses, breaker_state AS BreakerState,
                   open_position_count AS OpenPositionCount, state_json AS StateJson
            FROM pipeline_snapshots ORDER BY sequence DESC, id DESC LIMIT 1
            """), cancellationToken).ConfigureAwait(false);
        return row?.ToSnapshot();
    }

    /// <summary>How many snapshots the file holds. For tests and diagnostics.</summary>
    internal Task<long> CountSnapshotsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(connection => connection.ExecuteScalar<long>("SELECT count(*) FROM pipeline_snapshots"), cancellationToken);

    private sealed class SnapshotRow
    {
        public long Id { get; init; }
        public long Sequence { get; init; }
        public string SnapshotTime { get; init; } = "";
        public string TradingState { get; init; } = "";
        public string DailyPnl { get; init; } = "";
        public long ConsecutiveLosses { get; init; }
        public string BreakerState { get; init; } = "";
        public long OpenPositionCount { get; init; }
        public string StateJson { get; init; } = "";

        public KernelSnapshot ToSnapshot()
        {
            var where = $"pipeline_snapshots id {Id} (sequence {Sequence})";
            if (!Enum.GetNames<TradingState>().Contains(TradingState, StringComparer.Ordinal))
                throw new InvalidDataException($"{where}: trading_state '{TradingState}' is not a TradingState.");
            var state = Enum.Parse<TradingState>(TradingState);
            return new KernelSnapshot(
                Sequence,
                SqliteText.ParseTime(SnapshotTime, $"{where} snapshot_time"),
                state,
                SqliteText.ParseDecimal(DailyPnl, $"{where} daily_pnl"),
                checked((int)ConsecutiveLosses),
                BreakerState,
                checked((int)OpenPositionCount),
                StateJson);
        }
    }
}
