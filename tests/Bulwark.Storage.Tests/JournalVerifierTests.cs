using Bulwark.Core.Journal;
using Bulwark.Storage.Tests.Support;

namespace Bulwark.Storage.Tests;

public sealed class JournalVerifierTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private async Task<string> JournalWithEventsAsync(int count)
    {
        var path = _dir.JournalPath();
        await using var journal = await SqliteJournal.OpenAsync(path, _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, count), Ct);
        return path;
    }

    [Fact]
    public async Task Verify_WhenJournalIsIntact_IsOkAndCountsEveryRecord()
    {
        var path = await JournalWithEventsAsync(40);

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.Equal(new JournalVerifyResult(40, true, 40, null, null), result);
    }

    [Fact]
    public async Task Verify_WhenJournalIsEmpty_IsOk()
    {
        var path = await JournalWithEventsAsync(0);

        Assert.Equal(new JournalVerifyResult(0, true, 0, null, null), await JournalVerifier.VerifyAsync(path, Ct));
    }

    [Fact]
    public async Task Verify_WhenPayloadByteFlipped_NamesThatSequence()
    {
        var path = await JournalWithEventsAsync(10);
        Tamper.FlipPayloadByte(path, sequence: 7);

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.False(result.Ok);
        Assert.Equal(7, result.FirstBadSequence);
        Assert.Equal(6, result.RecordsChecked);
        Assert.Contains("checksum mismatch", result.Reason);
    }

    [Fact]
    public async Task Verify_WhenMiddleRecordDeleted_NamesTheFirstMissingSequence()
    {
        var path = await JournalWithEventsAsync(10);
        RawDb.Execute(path, "DELETE FROM events WHERE sequence IN (5, 6)");

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.False(result.Ok);
        Assert.Equal(5, result.FirstBadSequence);
        Assert.Equal("record 5 is missing (the next record is 7)", result.Reason);
    }

    [Fact]
    public async Task Verify_WhenFirstRecordDeleted_NamesSequenceOne()
    {
        var path = await JournalWithEventsAsync(3);
        RawDb.Execute(path, "DELETE FROM events WHERE sequence = 1");

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.Equal(1, result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_WhenPayloadIsGarbageWithValidChecksum_ReportsThatItDoesNotDecode()
    {
        var path = await JournalWithEventsAsync(10);
        Tamper.ReplacePayloadKeepingChecksumValid(path, sequence: 4, [0xFF, 0x00, 0x7B, 0x22]);

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("does not decode", result.Reason);
    }

    [Fact]
    public async Task Verify_WhenFormatVersionIsUnknown_ReportsIt()
    {
        var path = await JournalWithEventsAsync(3);
        var payload = EventCodec.Encode(SampleEvents.At(2));
        Tamper.ReplacePayloadKeepingChecksumValid(path, sequence: 2, payload, formatVersion: EventCodec.FormatVersion + 1);

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.Equal(2, result.FirstBadSequence);
        Assert.Contains($"format version {EventCodec.FormatVersion + 1} is not known", result.Reason);
    }

    [Fact]
    public async Task Verify_WhenPayloadIsAnotherEventTypeThanTheTypeColumn_ReportsIt()
    {
        var path = await JournalWithEventsAsync(3);
        Tamper.ReplacePayloadKeepingChecksumValid(path, sequence: 3, EventCodec.Encode(SampleEvents.At(0)));

        var result = await JournalVerifier.VerifyAsync(path, Ct);

        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("but the payload is a 'BotStarted'", result.Reason);
    }

    [Fact]
    public async Task Verify_WhileTheWriterIsOpen_ReadsWithoutBlockingIt()
    {
        var path = _dir.JournalPath();
        await using var journal = await SqliteJournal.OpenAsync(path, _time, Ct);
        await journal.AppendAsync(SampleEvents.Batch(1, 5), Ct);

        var result = await JournalVerifier.VerifyAsync(path, Ct);
        await journal.AppendAsync(SampleEvents.Batch(6, 1), Ct);

        Assert.True(result.Ok);
        Assert.Equal(5, result.RecordsChecked);
    }

    [Fact]
    public async Task Verify_WhenFileIsMissing_ThrowsFileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => JournalVerifier.VerifyAsync(_dir.JournalPath("nobody"), Ct));
    }
}
