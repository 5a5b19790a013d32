using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class ControlCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Enqueue_ThenReadPending_ReturnsCommandsOldestFirstWithTheirTime()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        var killId = await journal.EnqueueControlCommandAsync("kill", "flash crash", Ct);
        _time.Advance(TimeSpan.FromSeconds(30));
        var resumeId = await journal.EnqueueControlCommandAsync("resume", "all clear", Ct);

        var pending = await journal.ReadPendingControlCommandsAsync(Ct);
        Assert.Equal(
            [
                new ControlCommand(killId, _time.GetUtcNow().AddSeconds(-30), "kill", "flash crash"),
                new ControlCommand(resumeId, _time.GetUtcNow(), "resume", "all clear"),
            ],
            pending);
    }

    [Fact]
    public async Task MarkProcessed_RemovesOnlyThatCommandFromPending()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);
        var first = await journal.EnqueueControlCommandAsync("kill", "a", Ct);
        var second = await journal.EnqueueControlCommandAsync("kill", "b", Ct);

        await journal.MarkControlCommandProcessedAsync(first, Ct);
        await journal.MarkControlCommandProcessedAsync(first, Ct); // again: no change, no error

        Assert.Equal([second], (await journal.ReadPendingControlCommandsAsync(Ct)).Select(c => c.Id));
        Assert.Equal("2024-03-04T14:30:00.0000000Z",
            RawDb.Scalar(journal.Path, "SELECT processed_at FROM control_commands WHERE id = $id", ("$id", first)));
    }

    [Fact]
    public async Task MarkProcessed_WhenIdUnknown_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => journal.MarkControlCommandProcessedAsync(42, Ct));

        Assert.Contains("no control command with id 42", ex.Message);
    }

    [Fact]
    public async Task Enqueue_WhenKindIsBlank_Throws()
    {
        await using var journal = await SqliteJournal.OpenAsync(_dir.JournalPath(), _time, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => journal.EnqueueControlCommandAsync(" ", "why", Ct));
    }

    [Fact]
    public async Task Enqueue_FromASecondOpenerWhileTheBotHoldsTheJournal_IsSeenByTheBot()
    {
        var path = _dir.JournalPath();
        await using var bot = await SqliteJournal.OpenAsync(path, _time, Ct);
        await bot.AppendAsync(SampleEvents.Batch(1, 3), Ct);

        await using (var cli = await SqliteJournal.OpenAsync(path, _time, Ct))
        {
            await cli.EnqueueControlCommandAsync("kill", "from the CLI", Ct);
        }

        var pending = Assert.Single(await bot.ReadPendingControlCommandsAsync(Ct));
        Assert.Equal("from the CLI", pending.Reason);
        await bot.AppendAsync(SampleEvents.Batch(4, 1), Ct); // the bot keeps appending afterwards
    }
}
