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
    public async Task Save_WhenInSyncButHasDiscrepancies_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => journal.SaveReconciliationReportAsync(Noon, true, 1, "{}", Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => journal.SaveReconciliationReportAsync(Noon, false, -1, "{}", Ct));
    }
}
