using Microsoft.Data.Sqlite;

namespace Bulwark.Storage;

/// <summary>The hot path's statements, compiled once and reused for every event of every batch.</summary>
internal sealed class EventInsertCommand : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _lastSequence;
    private readonly SqliteParameter _sequence;
    private readonly SqliteParameter _recordedAt;
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _formatVersion;
    private readonly SqliteParameter _payload;
    private readonly SqliteParameter _checksum;

    public EventInsertCommand(SqliteConnection connection)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT INTO events (sequence, recorded_at, type, format_version, payload, checksum)
            VALUES ($sequence, $recordedAt, $type, $formatVersion, $payload, $checksum)
            """;
        _sequence = _insert.Parameters.Add("$sequence", SqliteType.Integer);
        _recordedAt = _insert.Parameters.Add("$recordedAt", SqliteType.Text);
        _type = _insert.Parameters.Add("$type", SqliteType.Text);
        _formatVersion = _insert.Parameters.Add("$formatVersion", SqliteType.Integer);
        _payload = _insert.Parameters.Add("$payload", SqliteType.Blob);
        _checksum = _insert.Parameters.Add("$checksum", SqliteType.Integer);

        _lastSequence = connection.CreateCommand();
        _lastSequence.CommandText = "SELECT coalesce(max(sequence), 0) FROM events";
    }

    /// <summary>The last sequence on disk, read inside <paramref name="transaction"/>.</summary>
    public long ReadLastSequence(SqliteTransaction? transaction)
    {
        _lastSequence.Transaction = transaction;
        return (long)_lastSequence.ExecuteScalar()!;
    }

    public void Insert(SqliteTransaction transaction, long sequence, string recordedAt, string type, long formatVersion,
        byte[] payload, long checksum)
    {
        _insert.Transaction = transaction;
        _sequence.Value = sequence;
        _recordedAt.Value = recordedAt;
        _type.Value = type;
        _formatVersion.Value = formatVersion;
        _payload.Value = payload;
        _checksum.Value = checksum;
        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _lastSequence.Dispose();
    }
}
