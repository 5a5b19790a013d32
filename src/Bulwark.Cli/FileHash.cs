using System.Security.Cryptography;

namespace Bulwark.Cli;

/// <summary>A file a run read, as given, with the SHA-256 of its bytes in lowercase hex: a file edited since hashes apart.</summary>
internal sealed record FileHash(string Path, string Sha256)
{
    public static FileHash Of(string path)
    {
        using var file = File.OpenRead(path);
        return new FileHash(path, Convert.ToHexStringLower(SHA256.HashData(file)));
    }
}
