using System.CommandLine;
using Bulwark.Core.MarketData;

namespace Bulwark.Cli;

internal static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Path to bulwark.yaml (default: the embedded paper defaults)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Where journals and venue files live (default: dataDir from the config, ./.bulwark)",
        Recursive = true,
    };

    public static readonly Option<string?> Bot = new("--bot")
    {
        Description = "Only this bot (default: every bot in the configuration)",
        Recursive = true,
    };

    /// <summary>--data-time-zone: where the --data files' date-times without an offset were written.</summary>
    public static Option<string?> DataTimeZone() => new("--data-time-zone")
    {
        Description = "Time zone of the data files' date-times written without an offset, e.g. America/New_York for " +
                      "exchange-local bars (default: UTC). Dates alone and times with Z or an offset are read as written",
        HelpName = "ZONE",
    };

    /// <summary>--adjusted: prices back-adjusted by each file's Adj Close column.</summary>
    public static Option<bool> Adjusted() => new("--adjusted")
    {
        Description = "Adjust each row's prices by its Adj Close column (adjusted close / close), so splits and dividends " +
                      "are no jumps in price; volume is scaled the other way",
    };

    /// <summary>How the --data files are read: the --data-time-zone and --adjusted given.</summary>
    /// <exception cref="UsageException">The zone is not one this machine knows.</exception>
    public static CsvBarReadOptions ReadBarOptions(ParseResult parse, Option<string?> timeZone, Option<bool> adjusted) => new()
    {
        TimeZone = ReadDataTimeZone(parse, timeZone),
        Adjusted = parse.GetValue(adjusted),
    };

    /// <exception cref="UsageException">The zone is not one this machine knows.</exception>
    private static TimeZoneInfo? ReadDataTimeZone(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } id) return null;
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)) return zone;
        throw new UsageException($"{option.Name}: unknown time zone '{id}'; give an IANA name such as America/New_York, Europe/London or UTC");
    }

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output" };

    public static CliContext Context(ParseResult parse) =>
        CliContext.Load(parse.GetValue(Config), parse.GetValue(DataDir));
}
