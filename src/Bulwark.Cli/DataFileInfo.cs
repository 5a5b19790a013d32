using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// A bar file a run read: its path as given, its symbol, how many bars it held and over what span, and the SHA-256 of
/// its bytes, so that a saved result names exactly the data that produced it (a file edited since then hashes apart).
/// </summary>
/// <param name="First">The first bar's time (null for a file with no bars).</param>
/// <param name="Last">The last bar's time.</param>
/// <param name="Sha256">The hash of the file's bytes, in lowercase hex.</param>
internal sealed record DataFileInfo(string Path, string Symbol, int Bars, DateTimeOffset? First, DateTimeOffset? Last, string Sha256)
{
    public static DataFileInfo Of(string path, string symbol, IReadOnlyList<Bar> bars) =>
        new(path, symbol, bars.Count, bars.Count > 0 ? bars[0].Time : null, bars.Count > 0 ? bars[^1].Time : null, FileHash.Of(path).Sha256);
}
