namespace Bulwark.Storage;

/// <summary>Tuning of a <see cref="SqliteJournal"/>. The defaults suit one bot on a local disk.</summary>
public sealed class SqliteJournalOptions
{
    /// <summary>How many of the newest kernel snapshots to keep; older ones are deleted on save. At least 1.</summary>
    public int SnapshotsToKeep { get; init; } = 10;

    /// <summary>
    /// How many of the newest reconciliation reports to keep (one is saved at every start and every `reconcile`); older
    /// ones are deleted on save. At least 1.
    /// </summary>
    public int ReconciliationReportsToKeep { get; init; } = 1000;

    /// <summary>
    /// Whether opening for writing may create a missing journal (and its directory). The bot wants this; the CLI
    /// queueing a command for a running bot does not, so a mistyped bot id fails instead of creating an empty journal.
    /// </summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// True (the default, for bots): every commit is fsynced before it returns (synchronous=FULL), so a power cut loses
    /// nothing acknowledged. False, for research output such as a backtest's journal: synchronous=NORMAL, which in WAL
    /// mode still survives the process crashing but may lose the last commits to a power cut, for far fewer fsyncs.
    /// </summary>
    public bool SyncEveryCommit { get; init; } = true;

    /// <summary>How long a statement waits for another process's lock (e.g. the CLI) before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        var problems = new List<string>();
        if (SnapshotsToKeep < 1)
            problems.Add($"{nameof(SqliteJournalOptions)}.{nameof(SnapshotsToKeep)} must be at least 1 (got {SnapshotsToKeep}).");
        if (ReconciliationReportsToKeep < 1)
            problems.Add($"{nameof(SqliteJournalOptions)}.{nameof(ReconciliationReportsToKeep)} must be at least 1 (got {ReconciliationReportsToKeep}).");
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
            problems.Add($"{nameof(SqliteJournalOptions)}.{nameof(BusyTimeout)} must be between 0 and {int.MaxValue} ms (got {BusyTimeout}).");
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
    }
}
