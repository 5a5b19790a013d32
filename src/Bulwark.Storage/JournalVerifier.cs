using Dapper;

namespace Bulwark.Storage;

/// <summary>
/// Checks a journal file record by record without changing it (it opens the file read-only, so it can run while the
/// bot writes): SQLite's own page checks, then for each event its sequence continuity from 1, checksum, format
/// version and that the payload decodes to the type it claims. Stops at the first bad record and names it. A journal
/// whose creation a kill cut off before its first event is sound and empty (<see cref="JournalVerifyResult.Unfinished"/>).
/// </summary>
public static class JournalVerifier
{
    public static Task<JournalVerifyResult> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The journal path is empty.", nameof(path));
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"There is no journal at '{fullPath}' to verify.", fullPath);
        return Task.Run(() => Verify(fullPath, cancellationToken), cancellationToken);
    }

    private static JournalVerifyResult Verify(string path, CancellationToken cancellationToken)
    {
        try
        {
            return VerifyRecords(path, cancellationToken);
        }
        catch (JournalSchemaException) when (SqliteJournal.IsUnfinishedNewFile(path))
        {
            return new JournalVerifyResult(0, true, 0, null, null) { Unfinished = true };
        }
    }

    private static JournalVerifyResult VerifyRecords(string path, CancellationToken cancellationToken)
    {
        using var connection = SqliteConnections.OpenReader(path, new SqliteJournalOptions().BusyTimeout);
        return SqliteConnections.Translate(path, () =>
        {
            SqliteJournal.RequireCurrentSchema(connection, path);
            using var transaction = connection.BeginTransaction(deferred: true); // one consistent snapshot of the file
            var lastSequence = connection.ExecuteScalar<long>("SELECT coalesce(max(sequence), 0) FROM events", transaction: transaction);

            var pageCheck = connection.Query<string>("PRAGMA quick_check", transaction: transaction).ToList();
            if (pageCheck is not ["ok"])
                return new JournalVerifyResult(0, false, lastSequence, null, "SQLite quick_check failed: " + string.Join("; ", pageCheck));

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT sequence, type, format_version, payload, checksum FROM events ORDER BY sequence";
            using var reader = command.ExecuteReader();
            long checkedCount = 0;
            var expected = 1L;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sequence = reader.GetInt64(0);
                if (sequence != expected)
                {
                    return new JournalVerifyResult(checkedCount, false, lastSequence, expected,
                        $"record {expected} is missing (the next record is {sequence})");
                }
                string? problem;
                try
                {
                    _ = StoredEventReader.Read(reader).TryDecode(out problem);
                }
                catch (JournalCorruptException ex)
                {
                    problem = ex.Reason;
                }
                if (problem is not null) return new JournalVerifyResult(checkedCount, false, lastSequence, sequence, problem);
                checkedCount++;
                expected++;
            }
            return new JournalVerifyResult(checkedCount, true, lastSequence, null, null);
        });
    }
}
