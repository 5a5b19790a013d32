using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class SqliteJournalEventsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Open_WhenNothingExists_CreatesDirectoryAndEmptyJournal()
    {
        var path = _dir.JournalPath();

        await using var journal = await SqliteJournal.OpenAsync(path, _time, Ct);

        Assert.True(File.Exists(path));
        Assert.Equal(0, journal.LastSequence);
        Assert.False(journal.IsReadOnly);
        Assert.Empty(await JournalAssert.ReadAllAsync(journal));
    }

    [Fact]
    public async Task Open_WhenMissingAndCreateIfMissingIsOff_ThrowsFileNotFoundAndCreatesNothing()
    {
        var path = _dir.JournalPath("typo");

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(
            () => SqliteJournal.OpenAsync(path, new SqliteJournalOptions { CreateIfMissing = false }, _time, Ct));

        Assert.Equal(path, ex.FileName);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task Open_SetsWalModeAndFullSynchronous()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        Assert.Equal("wal", await journal.ReadPragmaAsync("journal_mode", Ct));
        Assert.Equal("2", await journal.ReadPragmaAsync("synchronous", Ct)); // 2 = FULL
        Assert.NotEqual("0", await journal.ReadPragmaAsync("busy_timeout", Ct));
    }

    [Fact]
    public async Task Open_ForResearchOutput_SyncsLessButStaysInWalMode()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), new SqliteJournalOptions { SyncEveryCommit = false }, _time, Ct);

        Assert.Equal("wal", await journal.ReadPragmaAsync("journal_mode", Ct));
        Assert.Equal("1", await journal.ReadPragmaAsync("synchronous", Ct)); // 1 = NORMAL
    }

    [Fact]
    public async Task AppendThenRead_RoundTripsEveryKindOfSampleEvent()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        var batch = SampleEvents.Batch(1, 16);

        await journal.AppendAsync(batch, Ct);

        Assert.Equal(16, journal.LastSequence);
        var read = await JournalAssert.ReadAllAsync(journal);
        JournalAssert.SameEvents(batch, read);
        Assert.Equal(batch[2].Event, read[2].Event); // OrderInitialized: decimals keep every digit
        Assert.Equal(8, read.Select(e => e.Event.GetType()).Distinct().Count());
    }

    [Fact]
    public async Task Append_InSeveralBatches_ReadsAllInOrder()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await journal.AppendAsync(SampleEvents.Batch(1, 3), Ct);
        await journal.AppendAsync(SampleEvents.Batch(4, 1), Ct);
        await journal.AppendAsync(SampleEvents.Batch(5, 250), Ct);

        Assert.Equal(254, journal.LastSequence);
        JournalAssert.SameEvents(SampleEvents.Batch(1, 254), await JournalAssert.ReadAllAsync(journal));
    }

    [Fact]
    public async Task Read_AfterSequence_ReturnsOnlyLaterEvents()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 10), Ct);

        var read = await JournalAssert.ReadAllAsync(journal, afterSequence: 7);

        Assert.Equal([8L, 9L, 10L], read.Select(e => e.Sequence));
        Assert.Empty(await JournalAssert.ReadAllAsync(journal, afterSequence: 10));
    }

    [Fact]
    public async Task Read_WithNegativeAfterSequence_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        Assert.Throws<ArgumentOutOfRangeException>(() => journal.ReadAsync(-1, Ct));
    }

    [Fact]
    public async Task Append_WhenBatchHasAGap_ThrowsAndWritesNothingOfIt()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 2), Ct);
        var gapped = new List<JournaledEvent>(SampleEvents.Batch(3, 2)) { new(6, SampleEvents.At(6)) };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.AppendAsync(gapped, Ct).AsTask());

        Assert.Contains("sequence 6, expected 5", ex.Message);
        Assert.Equal(2, journal.LastSequence);
        Assert.Equal(2, (long)RawDb.Scalar(journal.Path, "SELECT count(*) FROM events")!);
    }

    [Fact]
    public async Task Append_WhenBatchDoesNotContinueLastSequence_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 3), Ct);

        var repeat = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.AppendAsync(SampleEvents.Batch(3, 1), Ct).AsTask());
        var skip = await Assert.ThrowsAsync<InvalidOperationException>(() => journal.AppendAsync(SampleEvents.Batch(5, 1), Ct).AsTask());

        Assert.Contains("expected 4", repeat.Message);
        Assert.Contains("expected 4", skip.Message);
        await journal.AppendAsync(SampleEvents.Batch(4, 1), Ct);
        Assert.Equal(4, journal.LastSequence);
    }

    [Fact]
    public async Task Append_EmptyBatch_ChangesNothing()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await journal.AppendAsync([], Ct);

        Assert.Equal(0, journal.LastSequence);
    }

    [Fact]
    public async Task Append_WhenCanceled_WritesNothing()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => journal.AppendAsync(SampleEvents.Batch(1, 5), new CancellationToken(canceled: true)).AsTask());

        Assert.Equal(0, journal.LastSequence);
        Assert.Empty(await JournalAssert.ReadAllAsync(journal));
    }

    [Fact]
    public async Task Append_WhenAnotherWriterAppendedMeanwhile_RefusesInsteadOfForking()
    {
        var path = _dir.JournalPath();
        await using var first = await SqliteJournal.OpenAsync(path, _time, Ct);
        await using var second = await SqliteJournal.OpenAsync(path, _time, Ct);
        await first.AppendAsync(SampleEvents.Batch(1, 2), Ct);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => second.AppendAsync(SampleEvents.Batch(1, 1), Ct).AsTask());

        Assert.Contains("another process appended", ex.Message);
        Assert.Equal(2, (long)RawDb.Scalar(path, "SELECT count(*) FROM events")!);
    }

    [Fact]
    public async Task Append_StampsRecordedAtFromTheTimeProvider()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));

        await journal.AppendAsync(SampleEvents.Batch(1, 1), Ct);

        Assert.Equal("2024-03-04T14:35:00.0000000Z", RawDb.Scalar(journal.Path, "SELECT recorded_at FROM events WHERE sequence = 1"));
        Assert.Equal("SignalReceived", RawDb.Scalar(journal.Path, "SELECT type FROM events WHERE sequence = 1"));
    }

    [Fact]
    public async Task Reopen_KeepsLastSequenceAndEvents()
    {
        var path = _dir.JournalPath();
        await using (var journal = await SqliteJournal.OpenAsync(path, _time, Ct))
        {
            await journal.AppendAsync(SampleEvents.Batch(1, 7), Ct);
        }

        await using var reopened = await SqliteJournal.OpenAsync(path, _time, Ct);

        Assert.Equal(7, reopened.LastSequence);
        JournalAssert.SameEvents(SampleEvents.Batch(1, 7), await JournalAssert.ReadAllAsync(reopened));
        await reopened.AppendAsync(SampleEvents.Batch(8, 1), Ct);
        Assert.Equal(8, reopened.LastSequence);
    }

    [Fact]
    public async Task Read_WhenAPayloadByteIsFlipped_ThrowsCorruptNamingThatSequence()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 5), Ct);
        Tamper.FlipPayloadByte(journal.Path, sequence: 3);

        var read = new List<JournaledEvent>();
        var ex = await Assert.ThrowsAsync<JournalCorruptException>(async () =>
        {
            await foreach (var e in journal.ReadAsync(0, Ct)) read.Add(e);
        });

        Assert.Equal(3, ex.Sequence);
        Assert.Contains("checksum", ex.Reason);
        Assert.Equal([1L, 2L], read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Read_WhenPayloadIsGarbageWithValidChecksum_ThrowsCorruptSayingItDoesNotDecode()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 3), Ct);
        Tamper.ReplacePayloadKeepingChecksumValid(journal.Path, sequence: 2, "{\"$type\":\"NoSuchEvent\"}"u8.ToArray());

        var ex = await Assert.ThrowsAsync<JournalCorruptException>(() => JournalAssert.ReadAllAsync(journal));

        Assert.Equal(2, ex.Sequence);
        Assert.Contains("does not decode", ex.Reason);
    }

    [Fact]
    public async Task Read_WhenAMiddleRecordIsDeleted_ThrowsCorruptNamingTheMissingSequence()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 5), Ct);
        RawDb.Execute(journal.Path, "DELETE FROM events WHERE sequence = 4");

        var ex = await Assert.ThrowsAsync<JournalCorruptException>(() => JournalAssert.ReadAllAsync(journal, afterSequence: 2));

        Assert.Equal(4, ex.Sequence);
        Assert.Contains("missing", ex.Reason);
    }

    [Fact]
    public async Task Open_WhenFileIsNotADatabase_ThrowsNamingThePath()
    {
        var path = _dir.JournalPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "this is not a database, just text that is long enough to have a header");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteJournal.OpenAsync(path, _time, Ct));

        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public async Task Open_WhenPathIsADirectory_ThrowsSayingSo()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SqliteJournal.OpenAsync(_dir.Path, _time, Ct));

        Assert.Contains("is a directory", ex.Message);
    }

    [Fact]
    public async Task Open_WithInvalidOptions_ReportsEveryProblem()
    {
        var options = new SqliteJournalOptions { SnapshotsToKeep = 0, BusyTimeout = TimeSpan.FromSeconds(-1) };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SqliteJournal.OpenAsync(_dir.JournalPath(), options, _time, Ct));

        Assert.Contains("SnapshotsToKeep", ex.Message);
        Assert.Contains("BusyTimeout", ex.Message);
    }

    [Fact]
    public async Task Append_AfterDispose_ThrowsObjectDisposed()
    {
        var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(SampleEvents.Batch(1, 1), Ct).AsTask());
    }

    [Fact]
    public void RecordsHoldingLists_AreComparedByEncoding()
    {
        // Guards JournalAssert.SameEvents: record equality alone would call these two different.
        var a = new ReconciliationCompleted(true, ["x"]) { Time = DateTimeOffset.UnixEpoch };
        var b = new ReconciliationCompleted(true, ["x"]) { Time = DateTimeOffset.UnixEpoch };

        Assert.NotEqual(a, b);
        Assert.Equal(EventCodec.Encode(a), EventCodec.Encode(b));
    }
}
