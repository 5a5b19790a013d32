using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

/// <summary>
/// A journal whose creation a kill cut off (an empty file, the schema version table alone, or part of the migrations)
/// holds no event: a reader takes it as no journal yet, and the next writer finishes it. A database of another kind is
/// never taken for one.
/// </summary>
public sealed class UnfinishedJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private string NewFile(string? sql = null)
    {
        var path = _dir.JournalPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (sql is null) File.WriteAllBytes(path, []);
        else Create(path, sql);
        return path;
    }

    private static void Create(string path, string sql)
    {
        using var connection = RawDb.Open(path, create: true);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task AnEmptyFile_IsUnfinished_UntilAWriterFinishesItAndAppends()
    {
        var path = NewFile();
        Assert.True(SqliteJournal.IsUnfinishedNewFile(path));
        await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenReadOnlyAsync(path, _time, Ct));

        await using (var writer = await SqliteJournal.OpenAsync(path, _time, Ct))
            await writer.AppendAsync(SampleEvents.Batch(1, 2), Ct);

        Assert.False(SqliteJournal.IsUnfinishedNewFile(path));
        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, _time, Ct);
        Assert.Equal(2, reader.LastSequence);
    }

    [Fact]
    public void TheVersionTableAlone_IsUnfinished()
    {
        var path = NewFile("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
        Assert.True(SqliteJournal.IsUnfinishedNewFile(path));
    }

    [Fact]
    public async Task PartOfTheMigrations_IsUnfinishedOnlyWithoutAnEvent()
    {
        var path = _dir.JournalPath();
        await using (await SqliteJournal.OpenAsync(path, _time, Ct)) { }
        // As if the kill landed after the first migration committed: the later ones' rows are not there.
        RawDb.Execute(path, "DELETE FROM schema_migrations WHERE version > 1");
        Assert.True(SqliteJournal.IsUnfinishedNewFile(path));

        var withAnEvent = _dir.JournalPath("bot-2");
        await using (var writer = await SqliteJournal.OpenAsync(withAnEvent, _time, Ct))
            await writer.AppendAsync(SampleEvents.Batch(1, 1), Ct);
        RawDb.Execute(withAnEvent, "DELETE FROM schema_migrations WHERE version > 1");
        Assert.False(SqliteJournal.IsUnfinishedNewFile(withAnEvent)); // an event: an old journal to migrate, not an unfinished one
    }

    [Fact]
    public async Task AFinishedJournalWithNoEvents_AndAnotherDatabase_AreNotUnfinished()
    {
        var path = _dir.JournalPath();
        await using (await SqliteJournal.OpenAsync(path, _time, Ct)) { }
        Assert.False(SqliteJournal.IsUnfinishedNewFile(path));

        var other = Path.Combine(_dir.Path, "other.db");
        Create(other, "CREATE TABLE t (x INTEGER)");
        Assert.False(SqliteJournal.IsUnfinishedNewFile(other));
        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenReadOnlyAsync(other, _time, Ct));
        Assert.Contains("not a Bulwark journal", ex.Message);
    }

    [Fact]
    public async Task TheVerifier_FindsAnUnfinishedJournalSoundAndEmpty_AndStillRefusesAnotherDatabase()
    {
        foreach (var sql in new[] { null, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT" })
        {
            var path = NewFile(sql);
            var result = await JournalVerifier.VerifyAsync(path, Ct);
            Assert.Equal(new JournalVerifyResult(0, true, 0, null, null) { Unfinished = true }, result);
            File.Delete(path);
        }

        var finished = _dir.JournalPath("bot-3");
        await using (var writer = await SqliteJournal.OpenAsync(finished, _time, Ct))
            await writer.AppendAsync(SampleEvents.Batch(1, 2), Ct);
        Assert.Equal(new JournalVerifyResult(2, true, 2, null, null), await JournalVerifier.VerifyAsync(finished, Ct));

        var other = Path.Combine(_dir.Path, "other.db");
        Create(other, "CREATE TABLE t (x INTEGER)");
        await Assert.ThrowsAsync<JournalSchemaException>(() => JournalVerifier.VerifyAsync(other, Ct));
    }
}
