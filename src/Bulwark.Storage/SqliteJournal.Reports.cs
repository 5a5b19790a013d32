using Dapper;

namespace Bulwark.Storage;

public sealed partial class SqliteJournal
{
    /// <summary>
    /// Stores a reconciliation report and deletes all but the newest <see cref="SqliteJournalOptions.ReconciliationReportsToKeep"/>
    /// (by report time), in one transaction. Returns its id.
    /// </summary>
    public Task<long> SaveReconciliationReportAsync(DateTimeOffset time, bool inSync, int discrepancyCount, string reportJson,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportJson);
        ArgumentOutOfRangeException.ThrowIfNegative(discrepancyCount);
        if (inSync && discrepancyCount != 0)
            throw new ArgumentException($"A report cannot be in sync with {discrepancyCount} discrepancies.", nameof(discrepancyCount));

        return WithWriteTransactionAsync(nameof(SaveReconciliationReportAsync), (connection, transaction) =>
        {
            var id = connection.ExecuteScalar<long>("""
                INSERT INTO reconciliation_reports (report_time, in_sync, discrepancy_count, report_json)
                VALUES (@time, @inSync, @discrepancyCount, @reportJson) RETURNING id
                """,
                new { time = SqliteText.FormatTime(time), inSync = inSync ? 1 : 0, discrepancyCount, reportJson },
                transaction);
            connection.Execute("""
                DELETE FROM reconciliation_reports WHERE id NOT IN (
                    SELECT id FROM reconciliation_reports ORDER BY report_time DESC, id DESC LIMIT @keep)
                """,
                new { keep = _options.ReconciliationReportsToKeep },
                transaction);
            return id;
        }, cancellationToken);
    }

    /// <summary>The report with the latest time (the last saved among equals), or null when there is none.</summary>
    public async Task<ReconciliationReport?> LoadLatestReconciliationReportAsync(CancellationToken cancellationToken)
    {
        var row = await WithConnectionAsync(connection => connection.QuerySingleOrDefault<ReportRow>("""
            SELECT id AS Id, report_time AS ReportTime, in_sync AS InSync, discrepancy_count AS DiscrepancyCount,
                   report_json AS ReportJson
            FROM reconciliation_reports ORDER BY report_time DESC, id DESC LIMIT 1
            """), cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new ReconciliationReport(row.Id, SqliteText.ParseTime(row.ReportTime, $"reconciliation_reports id {row.Id} report_time"),
                row.InSync != 0, checked((int)row.DiscrepancyCount), row.ReportJson);
    }

    private sealed class ReportRow
    {
        public long Id { get; init; }
        public string ReportTime { get; init; } = "";
        public long InSync { get; init; }
        public long DiscrepancyCount { get; init; }
        public string ReportJson { get; init; } = "";
    }
}
