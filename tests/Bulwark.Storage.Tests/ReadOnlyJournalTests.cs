using Bulwark.Core.Journal;
using Bulwark.Core.Risk;
using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class ReadOnlyJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OpenReadOnly_WhenFileIsMissing_ThrowsFileNotFoundAndCreatesNothing()
    {
        var path = _dir.JournalPath();

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteJournal.OpenReadOnlyAsync(path, _time, Ct));

        Assert.Equal(path, ex.FileName);
        Assert.Contains("no journal", ex.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task ReadOnlyReader_WhileWriterIsOpen_SeesCommittedEventsAndLaterCommits()
    {
        var path = _dir.JournalPath();
        await using var writer = await SqliteJournal.OpenAsync(path, _time, Ct);
        await writer.AppendAsync(SampleEvents.Batch(1, 4), Ct);
        await writer.SaveAsync(new KernelSnapshot(4, _time.GetUtcNow(), TradingState.Active, 1.5m, 0, "closed", 1, "{}"), Ct);

        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, _time, Ct);
        Assert.True(reader.IsReadOnly);
        Assert.Equal(4, reader.LastSequence);
        JournalAssert.SameEvents(SampleEvents.Batch(1, 4), await JournalAssert.ReadAllAsync(reader));
        Assert.Equal(4, (await reader.LoadLatestAsync(Ct))!.Sequence);

        await writer.AppendAsync(SampleEvents.Batch(5, 2), Ct);

        Assert.Equal([5L, 6L], (await JournalAssert.ReadAllAsync(reader, afterSequence: 4)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task ReadOnlyReader_WhileAnotherReaderEnumerates_WriterStillAppends()
    {
        var path = _dir.JournalPath();
        await using var writer = await SqliteJournal.OpenAsync(path, _time, Ct);
        await writer.AppendAsync(SampleEvents.Batch(1, 3), Ct);
        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, _time, Ct);

        var seen = new List<long>();
        await foreach (var e in reader.ReadAsync(0, Ct))
        {
            seen.Add(e.Sequence);
            if (e.Sequence == 1) await writer.AppendAsync(SampleEvents.Batch(4, 1), Ct); // not blocked by the open read
        }

        Assert.Equal([1L, 2L, 3L], seen); // the read saw the file as it was when it started
        Assert.Equal(4, writer.LastSequence);
    }

    [Fact]
    public async Task OpenReadOnly_AfterTheWriterClosed_ReadsEverything()
    {
        var path = _dir.JournalPath();
        await using (var writer = await SqliteJournal.OpenAsync(path, _time, Ct))
        {
            await writer.AppendAsync(SampleEvents.Batch(1, 3), Ct);
        }

        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, _time, Ct);

        Assert.Equal(3, reader.LastSequence);
        Assert.Equal(3, (await JournalAssert.ReadAllAsync(reader)).Count);
    }

    [Fact]
    public async Task ReadOnly_EveryWriteThrowsAndTheFileIsUnchanged()
    {
        var path = _dir.JournalPath();
        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();
        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, _time, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync(SampleEvents.Batch(1, 1), Ct).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.EnqueueControlCommandAsync("kill", "x", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.MarkControlCommandProcessedAsync(1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => reader.SaveReconciliationReportAsync(_time.GetUtcNow(), true, 0, "{}", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.SaveAsync(
            new KernelSnapshot(0, _time.GetUtcNow(), TradingState.Active, 0m, 0, "", 0, "{}"), Ct).AsTask());

        Assert.Equal(0L, RawDb.Scalar(path, "SELECT count(*) FROM control_commands"));
    }

    [Fact]
    public async Task OpenReadOnly_WhenFileIsASqliteDatabaseButNotAJournal_RefusesWithoutMigrating()
    {
        var path = Path.Combine(_dir.Path, "other.db");
        using (var connection = RawDb.Open(path, create: true))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE t (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenReadOnlyAsync(path, _time, Ct));

        Assert.Contains("not a Bulwark journal", ex.Message);
        Assert.Equal(0L, RawDb.Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'"));
    }

    [Fact]
    public async Task OpenReadOnly_WhenSchemaIsNewerThanThisBuild_Refuses()
    {
        var path = _dir.JournalPath();
        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();
        RawDb.Execute(path, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (50, 'future', 'x')");

        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenReadOnlyAsync(path, _time, Ct));

        Assert.Equal(50, ex.FoundVersion);
    }

    [Fact]
    public async Task OpenReadOnly_WhenSchemaIsOlderThanThisBuild_AsksToMigrateFirst()
    {
        var path = _dir.JournalPath();
        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();
        RawDb.Execute(path, "DELETE FROM schema_migrations WHERE version = $v", ("$v", SchemaMigrations.LatestVersion));

        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenReadOnlyAsync(path, _time, Ct));

        Assert.Contains("older than this build", ex.Message);
    }
}
