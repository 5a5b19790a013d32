using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Open_OnNewFile_AppliesEveryMigrationInOrder()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), AppliedVersions(journal.Path));
        foreach (var table in new[] { "events", "pipeline_snapshots", "reconciliation_reports", "control_commands" })
            Assert.Equal(1L, RawDb.Scalar(journal.Path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", table)));
    }

    [Fact]
    public async Task Open_Twice_AppliesEachMigrationOnlyOnce()
    {
        var path = _dir.JournalPath();
        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();
        var firstAppliedAt = RawDb.Scalar(path, "SELECT group_concat(applied_at) FROM schema_migrations");
        _time.Advance(TimeSpan.FromDays(1));

        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();

        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), AppliedVersions(path));
        Assert.Equal(firstAppliedAt, RawDb.Scalar(path, "SELECT group_concat(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task Open_WhenSchemaIsNewerThanThisBuild_RefusesNamingBothVersions()
    {
        var path = _dir.JournalPath();
        await (await SqliteJournal.OpenAsync(path, _time, Ct)).DisposeAsync();
        RawDb.Execute(path, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')");

        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => SqliteJournal.OpenAsync(path, _time, Ct));

        Assert.Equal(99, ex.FoundVersion);
        Assert.Equal(SchemaMigrations.LatestVersion, ex.SupportedVersion);
        Assert.Contains("99", ex.Message);
        Assert.Contains($"up to {SchemaMigrations.LatestVersion}", ex.Message);
    }

    [Fact]
    public void Apply_FromAnOlderVersion_AppliesOnlyTheMissingMigrations()
    {
        using var connection = RawDb.Open(Path.Combine(_dir.Path, "partial.db"), create: true);
        SchemaMigrator.Apply(connection, "partial.db", SchemaMigrations.All.Take(2).ToList(), _time);
        Assert.Equal(2, SchemaMigrator.ReadVersion(connection));

        SchemaMigrator.Apply(connection, "partial.db", SchemaMigrations.All, _time);

        Assert.Equal(SchemaMigrations.LatestVersion, SchemaMigrator.ReadVersion(connection));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        Assert.Equal((long)SchemaMigrations.All.Count, command.ExecuteScalar());
    }

    [Fact]
    public void Apply_WhenAMigrationFails_RollsItBackAndKeepsTheEarlierOnes()
    {
        using var connection = RawDb.Open(Path.Combine(_dir.Path, "failing.db"), create: true);
        List<SchemaMigration> migrations =
        [
            new(1, "good", "CREATE TABLE a (x INTEGER);"),
            new(2, "bad", "CREATE TABLE b (x INTEGER); INSERT INTO no_such_table VALUES (1);"),
        ];

        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Apply(connection, "failing.db", migrations, _time));

        Assert.Contains("migration 2 (bad)", ex.Message);
        Assert.Contains("stays at schema version 1", ex.Message);
        Assert.Equal(1, SchemaMigrator.ReadVersion(connection));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'b'";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public void Apply_WhenMigrationsAreNotNumberedFromOne_Throws()
    {
        using var connection = RawDb.Open(Path.Combine(_dir.Path, "misnumbered.db"), create: true);
        List<SchemaMigration> migrations = [new(1, "a", "SELECT 1;"), new(3, "c", "SELECT 1;")];

        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Apply(connection, "misnumbered.db", migrations, _time));

        Assert.Contains("entry 1 has version 3", ex.Message);
    }

    private static List<long> AppliedVersions(string path)
    {
        using var connection = RawDb.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<long>();
        while (reader.Read()) versions.Add(reader.GetInt64(0));
        return versions;
    }
}
