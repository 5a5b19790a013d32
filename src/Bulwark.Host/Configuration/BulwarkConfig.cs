using System.Globalization;
using System.Text;

namespace Bulwark.Host.Configuration;

/// <summary>
/// The whole of <c>bulwark.yaml</c>: where state lives and the bots to run. <see cref="ToString"/> prints
/// everything except secrets, for a "show the configuration" view.
/// </summary>
public sealed record BulwarkConfig
{
    /// <summary>
    /// Directory for journals and snapshots, as a full path. A relative value in the file is resolved
    /// against the file's directory. The CLI's <c>--data-dir</c> overrides it.
    /// </summary>
    public string DataDir { get; init; } = ".bulwark";

    /// <summary>Take a kernel snapshot after this many events.</summary>
    public int SnapshotEveryEvents { get; init; } = 5000;

    public IReadOnlyList<BotConfig> Bots { get; init; } = [];

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"DataDir = {DataDir}, SnapshotEveryEvents = {SnapshotEveryEvents}, ");
        builder.AppendList(nameof(Bots), Bots);
        return true;
    }
}
