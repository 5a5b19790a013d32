using Bulwark.Core.Model;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper account in its own SQLite file (WAL, synchronous=FULL): every operation is one transaction behind one
/// gate, and its events are pushed only after the commit, so the sink never hears of anything the file does not hold.
/// </summary>
internal sealed class SqlitePaperStorage : IPaperStorage
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private SqlitePaperStorage(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (or creates, with <paramref name="initialCash"/>) the account file at <paramref name="dbPath"/>.</summary>
    public static async Task<SqlitePaperStorage> OpenAsync(string dbPath, decimal initialCash, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dbPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // the venue holds its one connection; closing it must release the file
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            PaperSchema.Configure(connection);
            using (var tx = connection.BeginTransaction(deferred: false))
            {
                PaperSchema.Ensure(tx, initialCash, time.GetUtcNow());
                tx.Commit();
            }
            return new SqlitePaperStorage(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<T> RunAsync<TState, T>(bool write, TState state,
        Func<IPaperStore, PaperEvents, TState, T> work, Func<IVenueEventSink?> sink,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var events = new PaperEvents();
            T result;
            using (var tx = _connection.BeginTransaction(deferred: !write))
            {
                result = work(new SqlitePaperStore(tx), events, state); // synchronous: see IPaperStore
                tx.Commit();
            }
            events.PushTo(sink());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Never: every bar is one transaction on the file, exactly as before.</summary>
    public bool TryRecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime) => false;

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
