namespace Bulwark.Storage;

/// <summary>
/// What <see cref="JournalVerifier"/> found. When <see cref="Ok"/> is false, <see cref="FirstBadSequence"/> names the
/// first bad record (for a gap, the first missing sequence; null when the problem is not in one record) and
/// <see cref="Reason"/> says what is wrong.
/// </summary>
/// <param name="RecordsChecked">Records that passed every check before the first problem (all of them when Ok).</param>
/// <param name="LastSequence">The highest sequence in the file (0 when empty).</param>
public sealed record JournalVerifyResult(long RecordsChecked, bool Ok, long LastSequence, long? FirstBadSequence, string? Reason)
{
    /// <summary>
    /// A journal whose creation a kill cut off before its first event (see <see cref="SqliteJournal.IsUnfinishedNewFile"/>):
    /// nothing in it is wrong or lost, and the bot's next start finishes it.
    /// </summary>
    public bool Unfinished { get; init; }
}
