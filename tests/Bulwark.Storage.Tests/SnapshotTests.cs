using Bulwark.Core.Journal;
using Bulwark.Core.Risk;
using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private static KernelSnapshot Snapshot(long sequence, decimal dailyPnl = -1234.567890123456789m) => new(
        sequence,
        new DateTimeOffset(2024, 3, 4, 16, 0, 0, TimeSpan.FromHours(-5)).AddTicks(sequence),
        TradingState.Reducing,
        dailyPnl,
        ConsecutiveLosses: 3,
        BreakerState: "open until 2024-03-04T17:00:00Z",
        OpenPositionCount: 2,
        StateJson: $$$"""{"sequence":{{{sequence}}},"positions":{"AAPL":"40.000"}}""");

    private async Task<SqliteJournal> OpenWithEventsAsync(int events, SqliteJournalOptions? options = null)
    {
        var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), options ?? new SqliteJournalOptions(), _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, events), Ct);
        return journal;
    }

    [Fact]
    public async Task LoadLatest_WhenNoneSaved_ReturnsNull()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        Assert.Null(await journal.LoadLatestAsync(Ct));
    }

    [Fact]
    public async Task SaveThenLoad_RoundTripsEveryFieldWithFullDecimalPrecision()
    {
        await using var journal = await OpenWithEventsAsync(5);
        var snapshot = Snapshot(5);

        await journal.SaveAsync(snapshot, Ct);

        var loaded = await journal.LoadLatestAsync(Ct);
        Assert.Equal(snapshot, loaded);
        Assert.Equal("-1234.567890123456789", RawDb.Scalar(journal.Path, "SELECT daily_pnl FROM pipeline_snapshots"));
        Assert.Equal("Reducing", RawDb.Scalar(journal.Path, "SELECT trading_state FROM pipeline_snapshots"));
    }

    [Fact]
    public async Task LoadLatest_ReturnsTheHighestSequenceNotTheLastSaved()
    {
        await using var journal = await OpenWithEventsAsync(9);

        await journal.SaveAsync(Snapshot(4), Ct);
        await journal.SaveAsync(Snapshot(9), Ct);
        await journal.SaveAsync(Snapshot(6), Ct);

        Assert.Equal(9, (await journal.LoadLatestAsync(Ct))!.Sequence);
    }

    [Fact]
    public async Task Save_KeepsOnlyTheNewestConfiguredNumber()
    {
        await using var journal = await OpenWithEventsAsync(10, new SqliteJournalOptions { SnapshotsToKeep = 3 });

        for (var sequence = 1; sequence <= 10; sequence++) await journal.SaveAsync(Snapshot(sequence), Ct);

        Assert.Equal(3, await journal.CountSnapshotsAsync(Ct));
        Assert.Equal("8,9,10", RawDb.Scalar(journal.Path, "SELECT group_concat(sequence) FROM (SELECT sequence FROM pipeline_snapshots ORDER BY sequence)"));
    }

    [Fact]
    public async Task Save_WhenSnapshotIsAheadOfTheJournal_Throws()
    {
        await using var journal = await OpenWithEventsAsync(3);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.SaveAsync(Snapshot(4), Ct).AsTask());

        Assert.Contains("outside the journal (0..3)", ex.Message);
        Assert.Null(await journal.LoadLatestAsync(Ct));
    }

    [Fact]
    public async Task Snapshot_SurvivesReopen()
    {
        var path = _dir.JournalPath();
        await using (var journal = await OpenWithEventsAsync(2))
        {
            await journal.SaveAsync(Snapshot(2, 10.50m), Ct);
        }

        await using var reopened = await SqliteJournal.OpenAsync(path, _time, Ct);

        var loaded = await reopened.LoadLatestAsync(Ct);
        Assert.Equal(Snapshot(2, 10.50m), loaded);
        Assert.Equal("10.50", loaded!.DailyPnl.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LoadLatest_WhenStoredTradingStateIsUnknown_ThrowsNamingTheRow()
    {
        await using var journal = await OpenWithEventsAsync(1);
        await journal.SaveAsync(Snapshot(1), Ct);
        RawDb.Execute(journal.Path, "UPDATE pipeline_snapshots SET trading_state = 'Panicking'");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => journal.LoadLatestAsync(Ct).AsTask());

        Assert.Contains("pipeline_snapshots id", ex.Message);
        Assert.Contains("Panicking", ex.Message);
    }
}
