using System.CommandLine;
using Bulwark.Backtest;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Host.Configuration.Binding;

namespace Bulwark.Cli;

/// <summary>
/// `backtest --no-entries-after-open D --no-entries-before-close D`: a session's no-entry windows on history, as a bot's
/// <c>tradingHours.noEntriesAfterOpen</c> and <c>noEntriesBeforeClose</c> have them (with --bot, replacing those).
/// </summary>
internal sealed class EntryWindowOptions
{
    public Option<string?> AfterOpen { get; } = new("--no-entries-after-open")
    {
        Description = "No new entries or adds for this long after each regular open that follows a gap (e.g. 15m; denied NoEntryWindow); exits pass. Intraday bars only (with --bot: replaces tradingHours.noEntriesAfterOpen)",
        HelpName = "DURATION",
    };

    public Option<string?> BeforeClose { get; } = new("--no-entries-before-close")
    {
        Description = "No new entries or adds for this long before each regular close followed by a gap (e.g. 30m); exits pass. Intraday bars only (with --bot: replaces tradingHours.noEntriesBeforeClose)",
        HelpName = "DURATION",
    };

    public IEnumerable<Option> All => [AfterOpen, BeforeClose];

    /// <summary>
    /// <paramref name="options"/> with the windows given, the kernel enforcing hours for them (without the end-of-day flatten
    /// on a research run, whose hours were not enforced); unchanged when neither was given.
    /// </summary>
    /// <param name="bot">A configured bot's run: its hours must be enforced already (an intraday run with <c>tradingHours.enforce</c>).</param>
    /// <exception cref="UsageException">
    /// A window is not a duration in [0, 12h), the bars are daily, --no-calendar was given, or a bot's hours are not enforced.
    /// </exception>
    public BacktestOptions Apply(ParseResult parse, BacktestOptions options, IReadOnlyList<Bar> bars, bool noCalendar, bool bot = false)
    {
        var afterOpen = Read(parse, AfterOpen);
        var beforeClose = Read(parse, BeforeClose);
        if (afterOpen is null && beforeClose is null) return options;
        var given = afterOpen is not null ? AfterOpen.Name : BeforeClose.Name;
        if (noCalendar) throw new UsageException($"{given} needs the exchange's sessions: leave out --no-calendar");
        if (bars.Any(b => b.IsDaily)) throw new UsageException($"{given} needs intraday bars: a daily bar has no time of day to keep entries out of");
        if (bot && options.TradingHours is not { Enforce: true })
            throw new UsageException($"{given} needs the bot's trading hours enforced (bots[].tradingHours.enforce: true)");
        var hours = options.TradingHours is { Enforce: true } enforced ? enforced : new TradingHoursOptions { Enforce = true, FlattenAtClose = false };
        return options with
        {
            TradingHours = hours with
            {
                NoEntriesAfterOpen = afterOpen ?? hours.NoEntriesAfterOpen,
                NoEntriesBeforeClose = beforeClose ?? hours.NoEntriesBeforeClose,
            },
        };
    }

    private static TimeSpan? Read(ParseResult parse, Option<string?> option) => parse.GetValue(option) is not { } text ? null
        : DurationParser.TryParse(text, out var span) && span >= TimeSpan.Zero && span < TradingHoursOptions.MaxEntryWindow ? span
        : throw new UsageException($"{option.Name}: '{text}' is not a duration from 0 to under 12h (e.g. 15m, 1h)");
}
