using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;

namespace Bulwark.Storage;

/// <summary>One row of the events table as read, before it is trusted.</summary>
internal readonly record struct StoredEvent(long Sequence, string Type, long FormatVersion, byte[] Payload, long Checksum)
{
    /// <summary>
    /// Checks the row and decodes it. Returns null and sets <paramref name="problem"/> when the checksum does not match,
    /// the format version is unknown, the payload does not decode, or it decodes to another type than the row says.
    /// </summary>
    public BotEvent? TryDecode(out string? problem)
    {
        var expected = EventChecksum.Compute(Sequence, Type, FormatVersion, Payload);
        if (expected != Checksum)
        {
            problem = $"checksum mismatch (stored {Checksum}, computed {expected}); the record was altered after it was written";
            return null;
        }
        if (FormatVersion != EventCodec.FormatVersion)
        {
            problem = $"format version {FormatVersion} is not known (this build reads version {EventCodec.FormatVersion})";
            return null;
        }
        BotEvent decoded;
        try
        {
            decoded = EventCodec.Decode(Payload);
        }
        catch (Exception ex)
        {
            // Any failure of the pure decoder means the bytes are not an event this build understands.
            problem = $"payload does not decode as an event ({ex.GetType().Name}: {ex.Message})";
            return null;
        }
        var decodedType = EventCodec.TypeName(decoded);
        if (decodedType != Type)
        {
            problem = $"type column says '{Type}' but the payload is a '{decodedType}'";
            return null;
        }
        problem = null;
        return decoded;
    }

    /// <summary>Like <see cref="TryDecode"/>, but throws <see cref="JournalCorruptException"/> on a bad record.</summary>
    public BotEvent Decode() =>
        TryDecode(out var problem) ?? throw new JournalCorruptException(Sequence, problem ?? "unknown problem");
}
