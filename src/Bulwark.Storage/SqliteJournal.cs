using Bulwark.Core.Journal;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bulwark.Storage;

/// <summary>
/// A bot's durable journal: one SQLite file holding its events, kernel snapshots, reconciliation reports and the
/// operators' control-command queue. Open it with <see cref="OpenAsync(string, TimeProvider, CancellationToken)"/>
/// in the bot (one long-lived write connection, WAL, synchronous=FULL) or with
/// <see cref="OpenReadOnlyAsync(string, TimeProvider, CancellationToken)"/> in another process that only reads.
/// Safe to call from several threads; calls on the write connection are serialised.
/// </summary>
public sealed partial class SqliteJournal : IEventJournal, ISnapshotStore
{
    private readonly TimeProvider _time;
    private readonly SqliteJournalOptions _options;
    private readonly SqliteConnection _connection;
    private readonly EventInsertCommand? _events;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSequence;
    private bool _disposed;

    private SqliteJournal(string path, TimeProvider time, SqliteJournalOptions options, SqliteConnection connection,
        EventInsertCommand? events, long lastSequence)
    {
        Path = path;
        _time = time;
        _options = options;
        _connection = connection;
        _events = events;
        _lastSequence = lastSequence;
    }

    /// <summary>The journal file's full path.</summary>
    public string Path { get; }

    /// <summary>True when opened with <see cref="OpenReadOnlyAsync(string, TimeProvider, CancellationToken)"/>: every write throws.</summary>
    public bool IsReadOnly => _events is null;

    /// <summary>The last durable sequence (0 when empty). Read at open; a read-only journal does not see later appends here.</summary>
    public long LastSequence => Volatile.Read(ref _lastSequence);

    /// <summary>
    /// Opens the journal for writing, creating the file and its directory if needed (unless
    /// <see cref="SqliteJournalOptions.CreateIfMissing"/> is false), and applies pending schema migrations.
    /// </summary>
    public static Task<SqliteJournal> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        OpenAsync(path, new SqliteJournalOptions(), time, cancellationToken);

    /// <inheritdoc cref="OpenAsync(string, TimeProvider, CancellationToken)"/>
    public static async Task<SqliteJournal> OpenAsync(string path, SqliteJournalOptions options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var fullPath = FullJournalPath(path);
        return await Task.Run(() => OpenForWriting(fullPath, options, time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens an existing journal for reading only, e.g. from the CLI while the bot runs. Runs no migrations and never
    /// writes. Throws <see cref="FileNotFoundException"/> when there is no file, <see cref="JournalSchemaException"/>
    /// when the file is not a journal at the schema version this build knows.
    /// </summary>
    public static Task<SqliteJournal> OpenReadOnlyAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        OpenReadOnlyAsync(path, new SqliteJournalOptions(), time, cancellationToken);

    /// <summary>
    /// As <see cref="OpenReadOnlyAsync(string, TimeProvider, CancellationToken)"/>, but null for a journal whose creation
    /// was cut off before its first event (<see cref="IsUnfinishedNewFile"/>): there is nothing in it to read yet. What
    /// every reader of a bot's journal opens it with, so none of them refuses a file the bot's next start finishes.
    /// </summary>
    public static async Task<SqliteJournal?> OpenReadOnlyIfStartedAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenReadOnlyAsync(path, time, cancellationToken).ConfigureAwait(false);
        }
        catch (JournalSchemaException) when (IsUnfinishedNewFile(path))
        {
            return null;
        }
    }

    /// <inheritdoc cref="OpenReadOnlyAsync(string, TimeProvider, CancellationToken)"/>
    public static async Task<SqliteJournal> OpenReadOnlyAsync(string path, SqliteJournalOptions options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var fullPath = FullJournalPath(path);
        return await Task.Run(() => OpenForReading(fullPath, options, time), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            _events?.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads a pragma of the write connection, e.g. "synchronous". For tests and diagnostics.</summary>
    internal async Task<string?> ReadPragmaAsync(string name, CancellationToken cancellationToken)
    {
        return await WithConnectionAsync(c => c.ExecuteScalar<string>($"PRAGMA {name}"), cancellationToken).ConfigureAwait(false);
    }

    private static string FullJournalPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The journal path is empty.", nameof(path));
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw new ArgumentException($"The journal path '{fullPath}' is a directory; give the path of the journal file.", nameof(path));
        return fullPath;
    }

    private static SqliteJournal OpenForWriting(string path, SqliteJournalOptions options, TimeProvider time)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var existed = File.Exists(path);
        if (!existed && !options.CreateIfMissing)
            throw new FileNotFoundException($"There is no journal at '{path}'. Check the data directory and bot id.", path);
        DirectorySync.CreateDurably(directory);
        var connection = SqliteConnections.OpenWriter(path, options.BusyTimeout);
        EventInsertCommand? events = null;
        try
        {
            var lastSequence = SqliteConnections.Translate(path, () =>
            {
                SchemaMigrator.ThrowIfNewer(path, SchemaMigrator.ReadVersion(connection), SchemaMigrations.LatestVersion);
                SqliteConnections.MakeDurable(connection, path, options.SyncEveryCommit);
                SchemaMigrator.Apply(connection, path, SchemaMigrations.All, time);
                events = new EventInsertCommand(connection);
                return events.ReadLastSequence(transaction: null);
            });
            if (!existed) DirectorySync.Flush(directory); // the new file's name is durable too
            return new SqliteJournal(path, time, options, connection, events, lastSequence);
        }
        catch
        {
            events?.Dispose();
            connection.Dispose();
            throw;
        }
    }

    private static SqliteJournal OpenForReading(string path, SqliteJournalOptions options, TimeProvider time)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"There is no journal at '{path}'. Check the data directory and bot id.", path);
        var connection = SqliteConnections.OpenReader(path, options.BusyTimeout);
        try
        {
            var lastSequence = SqliteConnections.Translate(path, () =>
            {
                RequireCurrentSchema(connection, path);
                return connection.ExecuteScalar<long>("SELECT coalesce(max(sequence), 0) FROM events");
            });
            return new SqliteJournal(path, time, options, connection, events: null, lastSequence);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the file at <paramref name="path"/> is a journal whose creation was cut off before it held an event: an
    /// empty database, one with only an empty schema version table, or one part-way through its migrations with no event
    /// written (a bot killed while it created its journal). The next open for writing finishes it; there is nothing in it
    /// to read, so a reader takes it as no journal yet. A database with tables of its own but no schema version is not
    /// one: opening it still says it is not a Bulwark journal.
    /// </summary>
    public static bool IsUnfinishedNewFile(string path)
    {
        using var connection = SqliteConnections.OpenReader(path, new SqliteJournalOptions().BusyTimeout);
        return SqliteConnections.Translate(path, () =>
        {
            var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList();
            var version = SchemaMigrator.ReadVersion(connection);
            if (tables.TrueForAll(t => t == "schema_migrations")) return version == 0;
            return version > 0 && version < SchemaMigrations.LatestVersion && tables.Contains("events")
                && connection.ExecuteScalar<long>("SELECT count(*) FROM events") == 0;
        });
    }

    /// <summary>A reader cannot migrate, so it needs the file at exactly the schema this build knows.</summary>
    internal static void RequireCurrentSchema(SqliteConnection connection, string path)
    {
        var known = SchemaMigrations.LatestVersion;
        var found = SchemaMigrator.ReadVersion(connection);
        if (found == 0)
        {
            throw new JournalSchemaException(path, found, known,
                $"'{path}' is not a Bulwark journal: it has no schema version (no schema_migrations table).");
        }
        SchemaMigrator.ThrowIfNewer(path, found, known);
        if (found < known)
        {
            throw new JournalSchemaException(path, found, known,
                $"Journal '{path}' has schema version {found}, older than this build's {known}. It cannot be read " +
                "without migrating; start the bot (or open the journal for writing) once with this build to upgrade it.");
        }
    }

    /// <summary>Runs <paramref name="work"/> on the connection, one caller at a time.</summary>
    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction of the write connection.</summary>
    private Task<T> WithWriteTransactionAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, T> work,
        CancellationToken cancellationToken)
    {
        ThrowIfReadOnly(operation);
        return WithConnectionAsync(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }, cancellationToken);
    }

    private void ThrowIfReadOnly(string operation)
    {
        if (IsReadOnly)
            throw new InvalidOperationException($"{operation} is not allowed: journal '{Path}' was opened read-only.");
    }
}
