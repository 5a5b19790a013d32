using System.CommandLine;
using Bulwark.Core.MarketData;

namespace Bulwark.Cli;

/// <summary>
/// The bar data options `backtest`, `optimize` and `indicators` share: --data and how it is read (--data-time-zone,
/// --adjusted), and for runs, the part of it used (--from, --to).
/// </summary>
internal sealed class BarDataOptions
{
    /// <param name="data">The --data option of a command that reads one file, described as the command reads it.</param>
    /// <param name="window">Whether the command takes --from and --to.</param>
    public BarDataOptions(Option<string> data, bool window = true) : this((Option)data, window)
    {
    }

    /// <param name="data">The --data option of a command that reads several files (see <see cref="DataPaths"/>).</param>
    /// <param name="window">Whether the command takes --from and --to.</param>
    public BarDataOptions(Option<string[]> data, bool window = true) : this((Option)data, window)
    {
    }

    private BarDataOptions(Option data, bool window)
    {
        Data = data;
        From = window ? new Option<string?>("--from") { Description = "Use only bars from this date (yyyy-MM-dd, UTC) or ISO date-time on", HelpName = "DATE" } : null;
        To = window ? new Option<string?>("--to") { Description = "Use only bars up to this date (inclusive: the whole UTC day) or ISO date-time", HelpName = "DATE" } : null;
        WarmUp = window ? new Option<bool>("--warm-up") { Description = "Show the bars before --from to the strategies first, without trading, so their indicators are ready at --from" } : null;
    }

    /// <summary>--data FILE[,FILE] ... or DIR, as `backtest` and `optimize` take it (see <see cref="DataPaths"/>).</summary>
    /// <param name="botDefault">Whether a bot's own csv feed stands in when --data is not given (`backtest --bot`).</param>
    public static Option<string[]> Files(bool botDefault = false) => new("--data")
    {
        Description = "CSV bar files, the symbol being the file name: comma-separated, several (data/*.csv), or a directory (its .csv and .txt files)"
            + (botDefault ? ". Required, except with --bot for a bot whose feed is csv: its configured files, time zone and adjustment" : ""),
        HelpName = "FILE[,FILE]|DIR",
        Required = !botDefault,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option Data { get; }

    public Option<string?> TimeZone { get; } = new("--data-time-zone")
    {
        Description = "Time zone of the data files' date-times written without an offset, e.g. America/New_York for " +
                      "exchange-local bars (default: UTC). Dates alone and times with Z or an offset are read as written",
        HelpName = "ZONE",
    };

    public Option<bool> Adjusted { get; } = new("--adjusted")
    {
        Description = "Adjust each row's prices by its Adj Close column (adjusted close / close), so splits and dividends " +
                      "are no jumps in price; volume is scaled the other way",
    };

    public Option<string?>? From { get; }
    public Option<string?>? To { get; }
    public Option<bool>? WarmUp { get; }

    public IEnumerable<Option> All => new Option?[] { Data, TimeZone, Adjusted, From, To, WarmUp }.OfType<Option>();

    /// <summary>The files --data names, in the order given.</summary>
    /// <exception cref="UsageException">A directory holds no bar file.</exception>
    public IReadOnlyList<string> Paths(ParseResult parse) => Data switch
    {
        Option<string> one => [parse.GetValue(one)!],
        Option<string[]> many => DataPaths.Expand(parse.GetValue(many) ?? []),
        _ => throw new InvalidOperationException($"--data of an unexpected type {Data.GetType()}"),
    };

    /// <summary>Whether --data was written on the command line.</summary>
    public bool Given(ParseResult parse) => AccountOptions.Given(parse, Data);

    /// <summary>How the files are read: the zone and adjustment given, else those of <paramref name="defaults"/> (a bot's feed).</summary>
    /// <exception cref="UsageException">The zone is not one this machine knows.</exception>
    public CsvBarReadOptions ReadOptions(ParseResult parse, CsvBarReadOptions? defaults = null) => new()
    {
        TimeZone = Zone(parse) ?? defaults?.TimeZone,
        Adjusted = parse.GetValue(Adjusted) || defaults?.Adjusted == true,
    };

    /// <summary>The part of the data to use (all of it for a command without --from and --to).</summary>
    /// <exception cref="UsageException">A bound is malformed, or --from is after --to.</exception>
    public BarWindow Window(ParseResult parse) => From is null || To is null ? BarWindow.All : BarWindow.Read(parse, From, To);

    /// <summary>
    /// The files read as asked and cut to the window, for a run. Unadjusted data is checked for the jumps of a split left
    /// in it, which are named on standard error (see <see cref="PriceJumps"/>).
    /// </summary>
    /// <exception cref="UsageException">An option or a file is bad; the message names it.</exception>
    /// <param name="feed">A bot's csv feed: its files when --data is not given, and how its files are read unless
    /// --data-time-zone or --adjusted says otherwise; null for none.</param>
    public BacktestInputs Load(ParseResult parse, FeedFiles? feed = null)
    {
        var read = ReadOptions(parse, feed?.ReadAs);
        var window = Window(parse);
        var warmUp = WarmUp is not null && parse.GetValue(WarmUp);
        if (warmUp && window.From is null) throw new UsageException("--warm-up needs --from: it warms the strategies up on the bars before it");
        var all = feed is not null && !Given(parse) ? BacktestInputs.Load(feed.Files, read) : BacktestInputs.Load(Paths(parse), read);
        var inputs = all.Within(window, warmUp);
        if (!read.Adjusted) PriceJumps.Warn(inputs.Bars);
        return inputs;
    }

    private TimeZoneInfo? Zone(ParseResult parse)
    {
        if (parse.GetValue(TimeZone) is not { } id) return null;
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)) return zone;
        throw new UsageException($"{TimeZone.Name}: unknown time zone '{id}'; give an IANA name such as America/New_York, Europe/London or UTC");
    }
}
