namespace Bulwark.Storage;

/// <summary>
/// A journal record cannot be trusted: its checksum does not match, its payload does not decode, or it is missing.
/// Replaying past it would rebuild the wrong state, so reading stops here.
/// </summary>
public sealed class JournalCorruptException : Exception
{
    public JournalCorruptException(long sequence, string reason)
        : base($"Journal record {sequence} is corrupt: {reason}")
    {
        Sequence = sequence;
        Reason = reason;
    }

    public JournalCorruptException(long sequence, string reason, Exception innerException)
        : base($"Journal record {sequence} is corrupt: {reason}", innerException)
    {
        Sequence = sequence;
        Reason = reason;
    }

    /// <summary>The sequence of the bad record (for a gap, the first missing sequence).</summary>
    public long Sequence { get; }

    /// <summary>What is wrong with it, in words an operator can act on.</summary>
    public string Reason { get; }
}
