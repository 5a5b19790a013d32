using System.Runtime.CompilerServices;
using Bulwark.Core.Journal;

namespace Bulwark.Storage;

public sealed partial class SqliteJournal
{
    /// <summary>
    /// Group commit: the whole batch in one transaction, durable (WAL fsynced) when this returns, or nothing written
    /// and an exception. Sequences must continue <see cref="LastSequence"/> without gaps.
    /// </summary>
    public async ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfReadOnly(nameof(AppendAsync));
        if (batch.Count == 0) return;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CheckContinues(batch, _lastSequence);
            var recordedAt = SqliteText.FormatTime(_time.GetUtcNow());

            using var transaction = _connection.BeginTransaction(deferred: false);
            var onDisk = _events!.ReadLastSequence(transaction);
            if (onDisk != _lastSequence)
            {
                throw new InvalidOperationException(
                    $"Journal '{Path}' ends at sequence {onDisk} on disk but this writer expected {_lastSequence}: " +
                    "another process appended to it. Only one bot may write a journal.");
            }
            foreach (var item in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = EventCodec.TypeName(item.Event);
                var payload = EventCodec.Encode(item.Event);
                var checksum = EventChecksum.Compute(item.Sequence, type, EventCodec.FormatVersion, payload);
                _events.Insert(transaction, item.Sequence, recordedAt, type, EventCodec.FormatVersion, payload, checksum);
            }
            transaction.Commit();
            Volatile.Write(ref _lastSequence, batch[^1].Sequence);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Streams the events after <paramref name="afterSequence"/> in order, from a snapshot of the file taken when
    /// enumeration starts. Throws <see cref="JournalCorruptException"/> at the first record that is missing, fails its
    /// checksum or does not decode.
    /// </summary>
    public IAsyncEnumerable<JournaledEvent> ReadAsync(long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadFromAsync(afterSequence, cancellationToken);
    }

    private async IAsyncEnumerable<JournaledEvent> ReadFromAsync(long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Its own connection: a long replay never holds up appends, and the reader sees one consistent WAL snapshot.
        await using var connection = SqliteConnections.OpenReader(Path, _options.BusyTimeout);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, type, format_version, payload, checksum
            FROM events WHERE sequence > $after ORDER BY sequence
            """;
        command.Parameters.AddWithValue("$after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var expected = afterSequence + 1;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = StoredEventReader.Read(reader);
            if (row.Sequence != expected)
                throw new JournalCorruptException(expected, $"record {expected} is missing (the next record is {row.Sequence})");
            yield return new JournaledEvent(row.Sequence, row.Decode());
            expected++;
        }
    }

    private void CheckContinues(IReadOnlyList<JournaledEvent> batch, long lastSequence)
    {
        var expected = lastSequence + 1;
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (item.Event is null) throw new ArgumentException($"Batch entry {i} (sequence {item.Sequence}) has no event.", nameof(batch));
            if (item.Sequence != expected)
            {
                throw new InvalidOperationException(
                    $"Journal sequence gap in '{Path}': batch entry {i} has sequence {item.Sequence}, expected {expected} " +
                    $"(the journal ends at {lastSequence}). Nothing of the batch was written.");
            }
            expected++;
        }
    }
}
