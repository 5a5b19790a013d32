using System.Globalization;
using System.Text;

namespace Bulwark.Host.Configuration;

/// <summary>The market data a bot sees.</summary>
public sealed record FeedConfig
{
    public const string Synthetic = "synthetic";
    public const string Csv = "csv";

    /// <summary>Feed types the loader accepts.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } = [Synthetic, Csv];

    /// <summary><see cref="Synthetic"/> or <see cref="Csv"/>, lowercase.</summary>
    public string Type { get; init; } = Synthetic;

    /// <summary>Seed of the synthetic feed's random walk.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Bar length.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Replay pacing; 0 replays as fast as possible.</summary>
    public decimal BarsPerSecond { get; init; } = 20m;

    /// <summary>Symbols of a synthetic feed; empty for csv.</summary>
    public IReadOnlyList<SyntheticSymbolConfig> Symbols { get; init; } = [];

    /// <summary>Files of a csv feed; empty for synthetic.</summary>
    public IReadOnlyList<CsvFileConfig> Files { get; init; } = [];

    /// <summary>
    /// A csv feed's time zone id (IANA): where the files' date-times without an offset were written; null means UTC.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>A csv feed's prices adjusted by each file's Adj Close column.</summary>
    public bool Adjusted { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Type = {Type}, Seed = {Seed}, Interval = {Interval}, BarsPerSecond = {BarsPerSecond}, TimeZone = {TimeZone}, Adjusted = {Adjusted}, ");
        builder.AppendList(nameof(Symbols), Symbols).Append(", ");
        builder.AppendList(nameof(Files), Files);
        return true;
    }

    /// <summary>The symbols this feed produces bars for.</summary>
    public IEnumerable<string> FeedSymbols() =>
        Type == Csv ? Files.Select(f => f.Symbol) : Symbols.Select(s => s.Symbol);
}
