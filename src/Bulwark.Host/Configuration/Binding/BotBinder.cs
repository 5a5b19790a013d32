using System.Globalization;
using System.Text.RegularExpressions;
using Bulwark.Core.MarketData;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds one bot and checks that its parts refer to each other correctly.</summary>
internal static partial class BotBinder
{
    public const int MaxIdLength = 24;

    public static BotConfig Bind(MappingReader bot)
    {
        var context = bot.Context;
        var id = bot.Required("id", "", ValueKinds.Text, CheckId);

        var venueReader = bot.Section("venue");
        var venue = VenueBinder.Bind(venueReader, out var financedSymbols);
        venueReader.Finish();

        var instruments = BindInstruments(bot, venue.Currency);
        IReadOnlySet<string>? known = bot.IsListOrAbsent("instruments")
            ? instruments.Select(i => i.Symbol).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal)
            : null;
        // A rate for a symbol the bot does not trade would never be charged: most likely a misspelt one, left free.
        foreach (var (symbol, source, path) in financedSymbols)
            if (known is not null && !known.Contains(symbol))
                context.Error(source, path, $"symbol '{symbol}' is not among the bot's instruments ({StrategyBinder.Describe(known)})");

        var feedReader = bot.Section("feed");
        var feed = FeedBinder.Bind(feedReader, known);
        feedReader.Finish();
        CheckDividends(venueReader, venue.Dividends, known, feed);

        var sources = new Dictionary<string, ConfigSource>(StringComparer.Ordinal);
        var strategies = bot.Sections("strategies", strategy =>
        {
            var config = StrategyBinder.Bind(strategy, known);
            if (config.Source.Length > 0 && !sources.TryAdd(config.Source, strategy.Source))
                context.Error(strategy.Source, strategy.Path,
                    $"two strategies share the source '{config.Source}'; give one of them its own 'source'");
            return config;
        });
        bot.RequireItems("strategies", "at least one strategy is required");

        return new BotConfig
        {
            Id = id,
            Venue = venue,
            Feed = feed,
            Instruments = instruments,
            Strategies = strategies,
            Sizing = Finished(bot.Section("sizing"), sizing => FitsLots(sizing, PolicyBinder.Sizing(sizing), instruments)),
            Risk = Finished(bot.Section("risk"), risk => GroupsExist(risk, PolicyBinder.Risk(risk), instruments)),
            FillValidation = Finished(bot.Section("fillValidation"), PolicyBinder.FillValidation),
            Router = Finished(bot.Section("router"), PolicyBinder.Router),
            TradingHours = Finished(bot.Section("tradingHours"), PolicyBinder.TradingHours),
            DataQuality = Finished(bot.Section("dataQuality"), quality => LongerThanBars(quality, PolicyBinder.DataQuality(quality), feed)),
            Blackouts = BindBlackouts(bot, known),
        };
    }

    private static IReadOnlyList<InstrumentConfig> BindInstruments(MappingReader bot, string accountCurrency)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var instruments = bot.Sections("instruments", reader =>
        {
            var instrument = InstrumentBinder.Bind(reader, accountCurrency);
            if (instrument.Symbol.Length > 0 && !seen.Add(instrument.Symbol))
                bot.Context.Error(reader.SourceOf("symbol"), reader.PathOf("symbol"),
                    $"instrument '{instrument.Symbol}' is listed twice");
            // A pair is quoted in its last three letters: USDJPY's prices are yen, whatever its currency says.
            if (instrument.AssetClass == AssetClass.Fx && CurrencyPair.QuoteOf(instrument.Symbol) is { } quote && quote != instrument.Currency)
                bot.Context.Error(reader.SourceOf("currency"), reader.PathOf("currency"),
                    $"{instrument.Symbol} is quoted in {quote} (its last three letters), not {instrument.Currency}: give it currency: {quote}, in a bot whose venue.currency is {quote}");
            // One account, one currency: a price in another would be added to the cash as if it were the account's.
            else if (instrument.Currency != accountCurrency && InstrumentBinder.CheckCurrency(instrument.Currency) is null)
                bot.Context.Error(reader.SourceOf("currency"), reader.PathOf("currency"),
                    $"{instrument.Currency} differs from the account's {accountCurrency} (venue.currency): an account converts no currency, so its prices and PnL would be counted as {accountCurrency}; give the bot venue.currency: {instrument.Currency}, or trade it in a bot of its own");
            return instrument;
        });
        bot.RequireItems("instruments", "at least one instrument is required");
        return instruments;
    }

    /// <summary>
    /// A fixed quantity must be whole lots of every instrument: the sizer rounds each entry down to the lot, so 0.5 shares
    /// would size every entry to nothing (each signal denied, the bot never trading) and 1.5 would be 1.
    /// </summary>
    /// <summary>
    /// The dividends' symbols must be instruments (another would never be paid: most likely a misspelt one), and the
    /// feed's prices must not be adjusted, as adjusted prices already hold every dividend.
    /// </summary>
    private static void CheckDividends(MappingReader venue, DividendsConfig? dividends, IReadOnlySet<string>? known, FeedConfig feed)
    {
        if (dividends is not { } given) return;
        var (source, path) = (venue.SourceOf("dividends"), venue.PathOf("dividends"));
        var unknown = given.BySymbol.Keys.Where(s => known is not null && !known.Contains(s)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            venue.Context.Error(source, path, $"'{given.File}' gives dividends of {string.Join(", ", unknown)}, not among the bot's instruments ({StrategyBinder.Describe(known!)})");
        if (feed.Adjusted)
            venue.Context.Error(source, path, "the feed's prices are adjusted (feed.adjusted: true) and already hold every dividend; paying these too would pay each twice: give one");
    }

    /// <summary>
    /// <c>blackouts</c>: a CSV file of blackout days (see <see cref="BlackoutCsv"/>), read now so a bad row is a
    /// configuration error naming the file and line; its symbols must be instruments (or <c>*</c>), as a misspelt one would
    /// leave the real symbol trading through its event.
    /// </summary>
    private static BlackoutsConfig? BindBlackouts(MappingReader bot, IReadOnlySet<string>? known)
    {
        if (KeyFile.ReadLines(bot, "blackouts", out var full) is not { } lines) return null;
        if (BlackoutCsv.Parse(lines, out var problem) is not { } blackouts)
        {
            KeyFile.Error(bot, "blackouts", problem!.Value.In(full));
            return null;
        }
        if (known is not null && blackouts.SymbolsNotIn(known) is { Count: > 0 } unknown)
            KeyFile.Error(bot, "blackouts", $"'{full}' gives blackouts of {string.Join(", ", unknown)}, not among the bot's instruments ({StrategyBinder.Describe(known)}); give * for every symbol");
        return new BlackoutsConfig(full, blackouts);
    }

    /// <summary>
    /// A concentration limit needs groups to hold, and a group limited by name must be some instrument's group: a misspelt
    /// one would leave the real group at the default limit, or at none.
    /// </summary>
    private static RiskLimits GroupsExist(MappingReader risk, RiskLimits limits, IReadOnlyList<InstrumentConfig> instruments)
    {
        if (!limits.LimitsGroups()) return limits;
        var groups = instruments.Select(i => i.Group).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (groups.Count == 0)
        {
            var key = risk.Has("maxGroupExposurePercent") ? "maxGroupExposurePercent" : PolicyBinder.GroupLimitsKey;
            risk.Context.Error(risk.SourceOf(key), risk.PathOf(key), "no instrument is in a group (instruments[].group): the limit would hold nothing");
            return limits;
        }
        var named = risk.Section(PolicyBinder.GroupLimitsKey);
        foreach (var group in named.Keys.Where(g => !groups.Contains(g)))
            risk.Context.Error(named.SourceOf(group), named.PathOf(group),
                $"no instrument is in group '{group}'; the instruments' groups: {string.Join(", ", groups.Order(StringComparer.Ordinal))}");
        return limits;
    }

    /// <summary>A feed is quiet between its bars: a staleness limit no longer than its interval would stop every symbol between them.</summary>
    private static DataQualityOptions LongerThanBars(MappingReader reader, DataQualityOptions quality, FeedConfig feed)
    {
        if (quality.StaleAfter is { } staleAfter && staleAfter <= feed.Interval)
            reader.Context.Error(reader.SourceOf("staleAfter"), reader.PathOf("staleAfter"),
                string.Create(CultureInfo.InvariantCulture, $"{staleAfter:c} is not longer than the feed's interval ({feed.Interval:c}): every symbol would be stopped between two bars; give more than one bar's time"));
        return quality;
    }

    private static SizingOptions FitsLots(MappingReader reader, SizingOptions sizing, IReadOnlyList<InstrumentConfig> instruments)
    {
        if (sizing.Mode != SizingMode.FixedQuantity) return sizing;
        foreach (var instrument in instruments)
        {
            if (instrument.LotSize <= 0m) continue; // reported at its own key
            var entry = new Quantity(sizing.Quantity).RoundDownToLot(instrument.LotSize).Value; // what the sizer would make of it
            if (entry == sizing.Quantity) continue;
            var given = reader.Has("quantity") ? "" : " (the default)";
            reader.Context.Error(reader.SourceOf("quantity"), reader.PathOf("quantity"), string.Create(CultureInfo.InvariantCulture,
                $"{sizing.Quantity}{given} is not whole lots of {instrument.Symbol} (lotSize {instrument.LotSize}), so every entry would be {entry}; give a multiple of {instrument.LotSize}"));
            break;
        }
        return sizing;
    }

    private static T Finished<T>(MappingReader reader, Func<MappingReader, T> bind)
    {
        var value = bind(reader);
        reader.Finish();
        return value;
    }

    private static string? CheckId(string id)
    {
        if (id.Length > MaxIdLength)
            return $"must be at most {MaxIdLength} characters";
        return IdPattern().IsMatch(id)
            ? null
            : "must be lowercase letters, digits and '-', starting with a letter or digit";
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
