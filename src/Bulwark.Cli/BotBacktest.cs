using System.CommandLine;
using Bulwark.Backtest;
using Bulwark.Core.Calendar;
using Bulwark.Host.Configuration;
using Bulwark.Host.Running;

namespace Bulwark.Cli;

/// <summary>
/// `backtest --bot ID`: the configured bot as `run` would run it, on history. Its strategies are built by the same
/// factory as `run` (same sources); its instruments, sizing (adaptive weights included), risk limits, fill validation,
/// trading hours, calendars and venue costs become the backtest's options. Account options written on the command line
/// (--cash, --commission-*, --slippage-*, --fill) override the configuration's values; --size replaces the sizing mode
/// and amount with a fixed quantity (adaptive weights stay as configured).
/// </summary>
internal static class BotBacktest
{
    /// <exception cref="UsageException">
    /// The configuration is invalid (every problem with its file, line and key), the bot is unknown (the configured
    /// ones are listed), a data file's symbol is not one of the bot's instruments, or an option is out of range.
    /// </exception>
    public static BacktestPlan Plan(ParseResult parse, string botId, BarDataOptions data, AccountOptions account, bool noCalendar)
    {
        var context = CommonOptions.Context(parse);
        var (bot, index, _) = context.Bots(botId).Single();
        var built = StrategyFactory.Build(bot, index);
        if (built.Errors.Count > 0)
            throw new UsageException("invalid configuration:\n" + string.Join('\n', ConfigErrorFormatter.FormatAll(built.Errors)));
        var instruments = bot.InstrumentMap();
        var feed = FeedFilesOf(bot);
        if (!data.Given(parse) && feed is null)
            throw new UsageException($"--data is required: bot '{bot.Id}' has a {bot.Feed.Type} feed, so it has no bar files of its own to run on");
        // Checked on the names, before any file is read: the file name is the symbol.
        if (data.Given(parse))
            foreach (var path in data.Paths(parse))
            {
                var symbol = BarFiles.SymbolOf(path);
                if (!instruments.ContainsKey(symbol))
                    throw new UsageException($"--data '{path}': its symbol '{symbol}' (the file name) is not an instrument of bot '{bot.Id}'; " +
                        $"its instruments: {string.Join(", ", instruments.Keys)}");
            }
        var inputs = data.Load(parse, feed);
        var settings = account.Read(parse, Baseline(bot));
        GroupLimitOption.RequireGroups(settings, instruments.Values.Select(i => i.Group), $"bot '{bot.Id}''s instruments[].group");
        CashRateFile.RequireCovers(settings.CashInterest, inputs.Bars);
        DividendFile.RequireUnadjusted(inputs.ReadAs.Adjusted, settings.Dividends,
            parse.GetValue(account.Dividends) is null ? $"bot '{bot.Id}''s venue.dividends" : "--dividends",
            parse.GetValue(data.Adjusted) ? "--adjusted" : $"bot '{bot.Id}''s adjusted feed");
        // A --size written out replaces the configured sizing: it must be whole lots of the bot's instruments.
        if (settings.Sizing is { } sized) BacktestInputs.CheckSizeFitsLots(sized, instruments.Values, configured: true);
        var options = settings.BacktestOptions(instruments) with
        {
            BotId = bot.Id,
            Currency = bot.Venue.Currency,
            // A sizing written on the command line replaces the mode and amount; adaptive weights stay as configured.
            // A cap on a position written on the command line caps either.
            Sizing = settings.CapPositions(settings.Sizing is { } asked
                ? asked with { UseAdaptiveWeights = bot.Sizing.UseAdaptiveWeights }
                : bot.Sizing),
            AllocationPercents = bot.AllocationPercents(),
            Risk = settings.LimitBook(bot.Risk),
            FillValidation = bot.FillValidation,
            DataQuality = bot.DataQuality,
            Blackouts = bot.Blackouts?.Blackouts,
            EnforceTradingHours = bot.TradingHours.Enforce && !noCalendar,
            TradingHours = KernelHours(bot, inputs, noCalendar),
            Calendars = context.Config.BuildCalendars(),
            WarmUpBars = inputs.WarmUp,
        };
        var title = $"bot {bot.Id} ({string.Join(", ", bot.Strategies.Select(s => s.Source))}) on {string.Join(", ", inputs.Symbols)}";
        var settingsOfStrategies = bot.Strategies.Select((s, i) => new StrategySetting(s.Source, s.Name, s.Symbols, built.Parameters[i])).ToList();
        var run = RunProvenance.Of(settingsOfStrategies, inputs) with
        {
            Config = parse.GetValue(CommonOptions.Config) is { } configPath ? FileHash.Of(configPath) : null,
        };
        return new BacktestPlan(title, bot.Id, inputs, settings, options, built.Strategies, run);
    }

    /// <summary>
    /// A csv feed's files (each with its configured symbol) and how `run` reads them (time zone, adjustment): the data
    /// when --data is not given, and how --data's files are read unless --data-time-zone or --adjusted says otherwise.
    /// Null for a synthetic feed.
    /// </summary>
    private static FeedFiles? FeedFilesOf(BotConfig bot) => bot.Feed.Type != FeedConfig.Csv ? null : new FeedFiles(
        [.. bot.Feed.Files.Select(f => (f.Path, f.Symbol))],
        new Core.MarketData.CsvBarReadOptions
        {
            // The configuration's loader checked the zone.
            TimeZone = bot.Feed.TimeZone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null,
            Adjusted = bot.Feed.Adjusted,
        });

    /// <summary>The account as the bot's venue configures it; the fill mode is the paper venue's (next open).</summary>
    private static AccountSettings Baseline(BotConfig bot) =>
        new(bot.Venue.InitialCash, bot.Sizing.Quantity, bot.Venue.Commission.PerFill, BacktestFill.NextOpen, 1m, 0m)
        {
            Costs = new TradingCosts(bot.Venue.Commission.PerShare, bot.Venue.Commission.PercentOfNotional,
                bot.Venue.Commission.MinimumPerFill, bot.Venue.SlippageBps, 0m) { MaximumPercent = bot.Venue.Commission.MaximumPercentOfNotional, ImpactPercent = bot.Venue.ImpactPercent },
            AllowShort = bot.Venue.AllowShort,
            LimitFill = bot.Venue.LimitFill,
            MaxVolumeParticipation = bot.Venue.MaxVolumeParticipation,
            FinancingLong = new FinancingSide(bot.Venue.Financing.LongPercent,
                bot.Venue.Financing.Symbols.ToDictionary(s => s.Key, s => s.Value.LongPercent, StringComparer.Ordinal)),
            FinancingShort = new FinancingSide(bot.Venue.Financing.ShortPercent,
                bot.Venue.Financing.Symbols.ToDictionary(s => s.Key, s => s.Value.ShortPercent, StringComparer.Ordinal)),
            CashInterest = Venues.Paper.CashRates.Fixed(bot.Venue.Financing.CashPercent),
            CashInterestFree = bot.Venue.Financing.CashFreeBalance,
            Dividends = bot.Venue.Dividends?.BySymbol ?? Venues.Paper.PaperVenueOptions.NoDividends,
        };

    /// <summary>
    /// The bot's trading hours in the kernel (closed-market denials, the end-of-day flatten, swing sources exempt), as
    /// `run` has them, when it enforces hours and --no-calendar is not given. Only on intraday bars: a daily bar is
    /// stamped at midnight UTC, when every exchange but crypto's is closed, so the kernel would deny every signal and
    /// never reach a flatten window; daily bars are kept to session days by the bar filter alone.
    /// </summary>
    private static TradingHoursOptions KernelHours(BotConfig bot, BacktestInputs inputs, bool noCalendar)
    {
        var intraday = inputs.Bars.All(b => !b.IsDaily);
        var hours = bot.TradingHours.ToOptions(bot.Strategies);
        return hours with { Enforce = hours.Enforce && !noCalendar && intraday };
    }
}
