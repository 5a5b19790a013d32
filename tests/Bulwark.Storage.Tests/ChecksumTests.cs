using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Storage.Tests;

public sealed class ChecksumTests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    [InlineData("123456789", 0xE3069283u)] // the CRC-32C check value
    [InlineData("The quick brown fox jumps over the lazy dog", 0x22620404u)]
    public void Crc32C_MatchesPublishedValues(string text, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Crc32C_AgreesWithABitwiseReferenceOnAnyBytes()
    {
        Prop.ForAll<byte[]>(bytes => Crc32C.Compute(bytes) == BitwiseCrc32C(bytes))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EventChecksum_ChangesWhenAnyCoveredFieldChanges()
    {
        var payload = "{\"x\":1}"u8.ToArray();
        var baseline = EventChecksum.Compute(5, "OrderFilled", 1, payload);

        Assert.Equal(baseline, EventChecksum.Compute(5, "OrderFilled", 1, payload.ToArray()));
        Assert.NotEqual(baseline, EventChecksum.Compute(6, "OrderFilled", 1, payload));
        Assert.NotEqual(baseline, EventChecksum.Compute(5, "OrderCanceled", 1, payload));
        Assert.NotEqual(baseline, EventChecksum.Compute(5, "OrderFilled", 2, payload));
        Assert.NotEqual(baseline, EventChecksum.Compute(5, "OrderFilled", 1, "{\"x\":2}"u8.ToArray()));
        Assert.InRange(baseline, 0, uint.MaxValue);
    }

    [Fact]
    public void EventChecksum_DoesNotConfuseTypeBytesWithPayloadBytes()
    {
        // Without the type's length in the header these two would hash the same byte stream.
        Assert.NotEqual(EventChecksum.Compute(1, "AB", 1, "C"u8), EventChecksum.Compute(1, "A", 1, "BC"u8));
    }

    private static uint BitwiseCrc32C(byte[] bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }
}
