using System.Buffers.Binary;
using System.Text;

namespace Bulwark.Storage;

/// <summary>
/// The checksum of one stored event: CRC-32C over its sequence, format version, type name and payload, so a
/// record moved to another sequence, relabelled or altered no longer matches.
/// </summary>
internal static class EventChecksum
{
    private const int MaxStackTypeBytes = 256;

    public static long Compute(long sequence, string type, long formatVersion, ReadOnlySpan<byte> payload)
    {
        var typeByteCount = Encoding.UTF8.GetByteCount(type);
        Span<byte> header = stackalloc byte[sizeof(long) + sizeof(long) + sizeof(int)];
        BinaryPrimitives.WriteInt64LittleEndian(header, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(header[sizeof(long)..], formatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[(2 * sizeof(long))..], typeByteCount);

        Span<byte> typeBytes = typeByteCount <= MaxStackTypeBytes ? stackalloc byte[MaxStackTypeBytes] : new byte[typeByteCount];
        typeBytes = typeBytes[..Encoding.UTF8.GetBytes(type, typeBytes)];

        var state = Crc32C.Append(uint.MaxValue, header);
        state = Crc32C.Append(state, typeBytes);
        state = Crc32C.Append(state, payload);
        return ~state;
    }
}
