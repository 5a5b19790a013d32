using Dapper;
using Microsoft.Data.Sqlite;

namespace Bulwark.Storage;

/// <summary>Brings a journal file's schema up to date, one migration per transaction.</summary>
internal static class SchemaMigrator
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        ) STRICT;
        """;

    /// <summary>The highest applied version, or 0 when the file has no schema_migrations table (e.g. a new file).</summary>
    public static long ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var hasTable = connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            transaction: transaction) > 0;
        return hasTable
            ? connection.ExecuteScalar<long?>("SELECT max(version) FROM schema_migrations", transaction: transaction) ?? 0
            : 0;
    }

    public static void ThrowIfNewer(string path, long foundVersion, long knownVersion)
    {
        if (foundVersion > knownVersion)
        {
            throw new JournalSchemaException(path, foundVersion, knownVersion,
                $"Journal '{path}' has schema version {foundVersion}, but this build of Bulwark knows versions up to " +
                $"{knownVersion}. It was written by a newer Bulwark; refusing to open it. Upgrade Bulwark to use it.");
        }
    }

    /// <summary>
    /// Applies every migration newer than the file's version. Each runs in its own IMMEDIATE transaction that re-reads
    /// the version first, so two processes opening a new file at once apply each step exactly once.
    /// </summary>
    public static void Apply(SqliteConnection connection, string path, IReadOnlyList<SchemaMigration> migrations,
        TimeProvider time)
    {
        CheckOrdered(migrations);
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        ThrowIfNewer(path, ReadVersion(connection), known);
        connection.Execute(CreateTable);

        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var current = ReadVersion(connection, transaction);
            ThrowIfNewer(path, current, known);
            if (current >= migration.Version)
            {
                transaction.Commit();
                continue;
            }
            try
            {
                connection.Execute(migration.Sql, transaction: transaction);
                connection.Execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)",
                    new { version = migration.Version, name = migration.Name, appliedAt = SqliteText.FormatTime(time.GetUtcNow()) },
                    transaction);
                transaction.Commit();
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException(
                    $"Schema migration {migration.Version} ({migration.Name}) failed on journal '{path}': {ex.Message}. " +
                    $"It was rolled back; the journal stays at schema version {current}.", ex);
            }
        }
    }

    private static void CheckOrdered(IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migrations must be numbered 1, 2, 3... without gaps; entry {i} has version {migrations[i].Version}.");
            }
        }
    }
}
