using System.Buffers.Binary;
using System.Numerics;

namespace Bulwark.Storage;

/// <summary>
/// CRC-32C (Castagnoli). Uses <see cref="BitOperations.Crc32C(uint, ulong)"/>, which runs on the CPU's CRC
/// instruction where there is one (SSE4.2, ARMv8) and falls back to a table in the runtime otherwise.
/// </summary>
internal static class Crc32C
{
    /// <summary>The standard CRC-32C of <paramref name="data"/> (initial value and final XOR all ones).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>Feeds <paramref name="data"/> into a running, not yet finalised, CRC state.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (var b in data) state = BitOperations.Crc32C(state, b);
        return state;
    }
}
