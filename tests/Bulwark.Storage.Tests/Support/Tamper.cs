namespace Bulwark.Storage.Tests.Support;

/// <summary>Damages a journal file the way a bad disk, a bug or a hand edit would.</summary>
internal static class Tamper
{
    public static void FlipPayloadByte(string path, long sequence)
    {
        var payload = (byte[])RawDb.Scalar(path, "SELECT payload FROM events WHERE sequence = $s", ("$s", sequence))!;
        payload[payload.Length / 2] ^= 0x01;
        var changed = RawDb.Execute(path, "UPDATE events SET payload = $p WHERE sequence = $s", ("$p", payload), ("$s", sequence));
        Assert.Equal(1, changed);
    }

    /// <summary>Writes <paramref name="payload"/> and a checksum that matches it, so only decoding can catch it.</summary>
    public static void ReplacePayloadKeepingChecksumValid(string path, long sequence, byte[] payload, long? formatVersion = null)
    {
        var type = (string)RawDb.Scalar(path, "SELECT type FROM events WHERE sequence = $s", ("$s", sequence))!;
        var version = formatVersion ?? (long)RawDb.Scalar(path, "SELECT format_version FROM events WHERE sequence = $s", ("$s", sequence))!;
        var checksum = EventChecksum.Compute(sequence, type, version, payload);
        var changed = RawDb.Execute(path,
            "UPDATE events SET payload = $p, checksum = $c, format_version = $v WHERE sequence = $s",
            ("$p", payload), ("$c", checksum), ("$v", version), ("$s", sequence));
        Assert.Equal(1, changed);
    }
}
