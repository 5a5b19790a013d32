using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class ReconciliationReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;
    private static readonly DateTimeOffset Noon = new(2024, 3, 4, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task LoadLatest_WhenNoneSaved_ReturnsNull()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        Assert.Null(await journal.LoadLatestReconciliationReportAsync(Ct));
    }

    [Fact]
    public async Task LoadLatest_ReturnsTheLatestByReportTimeWithAllFields()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        var lateId = await journal.SaveReconciliationReportAsync(Noon.AddMinutes(5), false, 2, """{"d":["a","b"]}""", Ct);
        await journal.SaveReconciliationReportAsync(Noon, true, 0, "{}", Ct);

        var latest = await journal.LoadLatestReconciliationReportAsync(Ct);
        Assert.Equal(new ReconciliationReport(lateId, Noon.AddMinutes(5), false, 2, """{"d":["a","b"]}"""), latest);
    }

    [Fact]
    public async Task Save_KeepsOnlyTheNewestReportsByTime()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), new SqliteJournalOptions { ReconciliationReportsToKeep = 3 }, _time, Ct);

        // Saved out of time order: the oldest by time go, whatever order they were saved in.
        foreach (var minutes in new[] { 4, 1, 5, 2, 3 })
            await journal.SaveReconciliationReportAsync(Noon.AddMinutes(minutes), true, 0, $"m{minutes}", Ct);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.JournalPath()};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_json FROM reconciliation_reports ORDER BY report_time";
        var kept = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) kept.Add(reader.GetString(0));
        Assert.Equal(["m3", "m4", "m5"], kept);
        Assert.Equal(Noon.AddMinutes(5), (await journal.LoadLatestReconciliationReportAsync(Ct))!.Time);
    }

    [Fact]
    public async Task Save_WhenInSyncButHasDiscrepancies_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => journal.SaveReconciliationReportAsync(Noon, true, 1, "{}", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.SaveReconciliationReportAsync(Noon, false, -1, "{}", Ct));
    }
}
