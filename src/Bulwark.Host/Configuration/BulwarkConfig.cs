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

    /// <summary>Extra closures and early closes per exchange code, for closures announced at short notice.</summary>
    public IReadOnlyDictionary<string, Bulwark.Core.Calendar.ExchangeCalendarOverrides> Calendars { get; init; } =
        new Dictionary<string, Bulwark.Core.Calendar.ExchangeCalendarOverrides>(StringComparer.Ordinal);

    /// <summary>Every calendar code with its overrides applied (built-in calendars for codes without overrides).</summary>
    public IReadOnlyDictionary<string, Bulwark.Core.Calendar.IExchangeCalendar> BuildCalendars() =>
        Calendars.ToDictionary(c => c.Key, c => Bulwark.Core.Calendar.ExchangeCalendars.Create(c.Key, c.Value), StringComparer.Ordinal);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"DataDir = {DataDir}, SnapshotEveryEvents = {SnapshotEveryEvents}, ");
        builder.AppendList(nameof(Bots), Bots);
        builder.Append(", Calendars = { ").AppendJoin(", ", Calendars.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value.Closures.Count} closures, {c.Value.EarlyCloses.Count} early closes"))).Append(" }");
        return true;
    }
}
