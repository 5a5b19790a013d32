using Bulwark.Host.Configuration;
using Bulwark.Venues.Paper;

namespace Bulwark.Host.Tests.Configuration;

/// <summary>Each kind of error, with the key path and line it is reported at.</summary>
public sealed class ConfigLoaderErrorTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_WhenFileIsMissing_ReportsFileNotFound()
    {
        var path = Path.Combine(_dir.Directory, "absent.yaml");

        var result = ConfigLoader.Load(path, TempConfigDirectory.NoEnvironment);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ConfigError("", "file not found", path, null), error);
    }

    [Fact]
    public void Load_WhenYamlIsMalformed_ReportsSyntaxErrorWithLine()
    {
        var result = _dir.Load("""
            dataDir: ./data
            bots:
              - id: a
               venue: paper
            """);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal((_dir.ConfigPath, 4), (error.File, error.Line));
    }

    [Fact]
    public void Load_WhenFlowListIsLeftOpen_ReportsSyntaxErrorNearIt()
    {
        var result = _dir.Load("""
            dataDir: ./data
            bots: [ { id: a }
            snapshotEveryEvents: 10
            """);

        var error = Assert.Single(result.Errors);
        Assert.Contains("left unclosed", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Load_WhenInitialMarginIsNegative_ReportsItsKey()
    {
        var result = _dir.Load(ValidYaml.Replace("instruments: [ { symbol: AAA } ]",
            "instruments: [ { symbol: AAA, initialMargin: -1 } ]", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].instruments[0].initialMargin", 6, "must be >= 0");
    }

    [Fact]
    public void Load_InitialMargin_ReachesTheInstrument()
    {
        var config = ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("instruments: [ { symbol: AAA } ]",
            "instruments: [ { symbol: AAA, multiplier: 10, initialMargin: 2000 } ]", StringComparison.Ordinal)));

        var instrument = config.Bots[0].Instruments[0].ToInstrument();
        Assert.Equal((10m, 2_000m), (instrument.Multiplier, instrument.InitialMargin));
    }

    [Theory]
    [InlineData("{ symbol: AAA }", "0.01")]
    [InlineData("{ symbol: AAA, exchange: FX }", "0.00001")]     // a currency pair quotes to five places, not cents
    [InlineData("{ symbol: AAA, exchange: fx }", "0.00001")]
    [InlineData("{ symbol: AAA, exchange: FX, tickSize: 0.001 }", "0.001")]
    [InlineData("{ symbol: AAA, exchange: CRYPTO }", "0.01")]
    [InlineData("{ symbol: AAA, assetClass: fx }", "0.00001")]    // a currency pair, on the FX calendar by default
    public void Load_TickSizeNotWritten_IsACentOrATenthOfAPipOnFx(string instrument, string tick)
    {
        var config = ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("instruments: [ { symbol: AAA } ]",
            $"instruments: [ {instrument} ]", StringComparison.Ordinal)));

        var loaded = config.Bots[0].Instruments[0].ToInstrument();
        Assert.Equal(decimal.Parse(tick, System.Globalization.CultureInfo.InvariantCulture), loaded.TickSize);
        if (loaded.AssetClass == Core.Model.AssetClass.Fx) Assert.Equal("FX", loaded.Exchange);
    }

    [Fact]
    public void Load_AnInstrumentInAnotherCurrencyThanTheAccount_IsNamedWithItsLine()
    {
        var mixed = _dir.Load(ValidYaml.Replace("instruments: [ { symbol: AAA } ]", "instruments: [ { symbol: AAA, currency: JPY } ]", StringComparison.Ordinal));
        var yen = ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, currency: JPY }", StringComparison.Ordinal)));

        ConfigAssert.HasError(mixed, "bots[0].instruments[0].currency", 6,
            "JPY differs from the account's USD (venue.currency): an account converts no currency, so its prices and PnL would be counted as USD");
        Assert.Equal(("JPY", "JPY"), (yen.Bots[0].Venue.Currency, yen.Bots[0].Instruments[0].Currency));
        Assert.Equal("USD", ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Venue.Currency);
    }

    [Fact]
    public void Load_ACurrencyPairInTheCurrencyItIsNotQuotedIn_IsNamedWithItsLine()
    {
        static string Pair(string yaml, string venue, string instrument) => yaml
            .Replace("venue: { type: paper }", $"venue: {{ type: paper{venue} }}", StringComparison.Ordinal)
            .Replace("instruments: [ { symbol: AAA } ]", $"instruments: [ {{ symbol: USDJPY, assetClass: fx{instrument} }} ]", StringComparison.Ordinal)
            .Replace("symbols: [AAA]", "symbols: [USDJPY]", StringComparison.Ordinal)
            .Replace("symbols: [ { symbol: AAA } ]", "symbols: [ { symbol: USDJPY } ]", StringComparison.Ordinal);

        var inDollars = _dir.Load(Pair(ValidYaml, "", ""));
        var inYen = ConfigAssert.Loaded(_dir.Load(Pair(ValidYaml, ", currency: JPY", "")));
        var eurusd = ConfigAssert.Loaded(_dir.Load(Pair(ValidYaml, "", "").Replace("USDJPY", "EURUSD", StringComparison.Ordinal)));

        ConfigAssert.HasError(inDollars, "bots[0].instruments[0].currency", 6,
            "USDJPY is quoted in JPY (its last three letters), not USD: give it currency: JPY, in a bot whose venue.currency is JPY");
        Assert.Equal("JPY", inYen.Bots[0].Instruments[0].Currency);
        Assert.Equal("USD", eurusd.Bots[0].Instruments[0].Currency);
    }

    [Theory]
    [InlineData("0.5", "1", "0.5 is not whole lots of AAA (lotSize 1), so every entry would be 0")]
    [InlineData("150", "100", "150 is not whole lots of AAA (lotSize 100), so every entry would be 100")]
    public void Load_WhenFixedQuantityIsNotWholeLots_ReportsTheQuantity(string quantity, string lotSize, string message) =>
        ConfigAssert.HasError(_dir.Load(ValidYaml
                .Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: {quantity} }}", StringComparison.Ordinal)
                .Replace("instruments: [ { symbol: AAA } ]", $"instruments: [ {{ symbol: AAA, lotSize: {lotSize} }} ]", StringComparison.Ordinal)),
            "bots[0].sizing.quantity", 8, message);

    [Fact]
    public void Load_WhenTheDefaultQuantityIsNotWholeLots_SaysItIsTheDefault() =>
        ConfigAssert.HasError(_dir.Load(ValidYaml.Replace("    sizing: { quantity: 3 }\n", "", StringComparison.Ordinal)
                .Replace("instruments: [ { symbol: AAA } ]", "instruments: [ { symbol: AAA, lotSize: 100 } ]", StringComparison.Ordinal)),
            "bots[0].sizing.quantity", 2, "1 (the default) is not whole lots of AAA (lotSize 100)");

    [Fact]
    public void Load_FractionalQuantity_IsWholeLotsOfAFractionalLot()
    {
        var config = ConfigAssert.Loaded(_dir.Load(ValidYaml
            .Replace("sizing: { quantity: 3 }", "sizing: { quantity: 0.25 }", StringComparison.Ordinal)
            .Replace("instruments: [ { symbol: AAA } ]", "instruments: [ { symbol: AAA, assetClass: crypto, lotSize: 0.0001 } ]", StringComparison.Ordinal)));

        Assert.Equal(0.25m, config.Bots[0].Sizing.Quantity);
        // The notional modes round their own sizes; only a fixed quantity is checked against the lot.
        ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: fixedNotional, quantity: 0.5 }", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_WhenKeyIsMisspelt_SuggestsTheClosestKnownKey()
    {
        var result = _dir.Load(ValidYaml.Replace("    sizing: { quantity: 3 }", "    sizing: { quantiy: 3 }", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].sizing.quantiy", 8, "unknown key 'quantiy'; did you mean 'quantity'?");
    }

    [Fact]
    public void Load_WhenUnknownKeyIsNothingLikeAKnownOne_ListsTheKnownKeys()
    {
        var result = _dir.Load("colour: blue\n" + ValidYaml);

        ConfigAssert.HasError(result, "colour", 1, "known keys: dataDir, snapshotEveryEvents, bots");
    }

    [Fact]
    public void Load_WhenNumberIsText_SaysWhatWasExpected()
    {
        var result = _dir.Load(ValidYaml.Replace("    sizing: { quantity: 3 }", "    sizing: { quantity: ten }", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].sizing.quantity", 8, "expected a number, got 'ten'");
    }

    [Fact]
    public void Load_WhenSectionIsAValue_SaysASectionWasExpected()
    {
        var result = _dir.Load(ValidYaml.Replace("    sizing: { quantity: 3 }", "    sizing: 3", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].sizing", 8, "expected a section of keys, got '3'");
    }

    [Fact]
    public void Load_WhenListIsAValue_SaysAListWasExpected()
    {
        var result = _dir.Load(ValidYaml.Replace("symbols: [AAA] }", "symbols: AAA }", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].strategies[0].symbols", 7, "expected a list, got 'AAA'");
    }

    [Fact]
    public void AProtectiveStopOfAHundredPercentOrMore_IsRefusedWhenTheBotsStrategiesAreBuilt_NamingItsKey()
    {
        var bad = ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("symbols: [AAA] }", "symbols: [AAA], params: { stopLossPercent: 150 } }", StringComparison.Ordinal)));
        var good = ConfigAssert.Loaded(_dir.Load(ValidYaml.Replace("symbols: [AAA] }", "symbols: [AAA], params: { trailingStopPercent: 4 } }", StringComparison.Ordinal)));

        var error = Assert.Single(Bulwark.Host.Running.StrategyFactory.Build(bad.Bots[0], 0).Errors);
        Assert.Equal(("bots[0].strategies[0].params.stopLossPercent", "must be under 100 (a percent of the entry price), got 150"), (error.KeyPath, error.Message));
        var built = Bulwark.Host.Running.StrategyFactory.Build(good.Bots[0], 0);
        Assert.Equal(new Core.Risk.ProtectiveStop(null, 4m), Assert.Single(built.Strategies).Protection);
    }

    [Fact]
    public void Load_WhenQuantityIsZero_ReportsOutOfRange()
    {
        var result = _dir.Load(ValidYaml.Replace("    sizing: { quantity: 3 }", "    sizing: { quantity: 0 }", StringComparison.Ordinal));

        var error = ConfigAssert.HasError(result, "bots[0].sizing.quantity", 8, "must be > 0");
        Assert.Equal(_dir.ConfigPath, error.File);
    }

    [Theory]
    [InlineData("maxVolumeParticipation: 1.5", "bots[0].venue.maxVolumeParticipation", "must be > 0 and <= 1")]
    [InlineData("initialCash: -1", "bots[0].venue.initialCash", "must be > 0")]
    [InlineData("slippageBps: -0.5", "bots[0].venue.slippageBps", "must be >= 0")]
    [InlineData("commission: { perFill: -1 }", "bots[0].venue.commission.perFill", "must be >= 0")]
    [InlineData("impactPercent: -1", "bots[0].venue.impactPercent", "must be between 0 and 100")]
    [InlineData("commission: { maximumPercentOfNotional: 0 }", "bots[0].venue.commission.maximumPercentOfNotional", "must be > 0 and <= 100")]
    public void Load_WhenVenueValueIsOutOfRange_ReportsIt(string venueEntry, string keyPath, string message)
    {
        var result = _dir.Load(ValidYaml.Replace("    venue: { type: paper }", $"    venue: {{ type: paper, {venueEntry} }}", StringComparison.Ordinal));

        ConfigAssert.HasError(result, keyPath, 3, message);
    }

    [Fact]
    public void Load_WhenBotIdIsMissing_SaysItIsRequiredAtTheBot()
    {
        var result = _dir.Load(ValidYaml.Replace("  - id: bot-a\n    venue:", "  - venue:", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].id", 2, "is required");
    }

    [Theory]
    [InlineData("Bot-A", "lowercase letters, digits and '-'")]
    [InlineData("-bot", "starting with a letter or digit")]
    [InlineData("a-very-long-bot-name-over-24", "at most 24 characters")]
    public void Load_WhenBotIdIsInvalid_SaysWhy(string id, string message)
    {
        var result = _dir.Load(ValidYaml.Replace("id: bot-a", $"id: {id}", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].id", 2, message);
    }

    [Fact]
    public void Load_WhenTwoBotsShareAnId_ReportsTheSecondWithTheFirstLine()
    {
        var result = _dir.Load(ValidYaml + ValidYaml["bots:\n".Length..]);

        ConfigAssert.HasError(result, "bots[1].id", 9, "duplicate bot id 'bot-a' (first at line 2)");
    }

    [Fact]
    public void Load_WhenVenueTypeIsUnsupported_ListsTheSupportedOnes()
    {
        var result = _dir.Load(ValidYaml.Replace("type: paper", "type: alpaca", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].venue.type", 3, "unsupported venue type 'alpaca'; supported: paper");
    }

    [Fact]
    public void Load_WhenFeedTypeIsUnsupported_ListsTheSupportedOnes()
    {
        var result = _dir.Load(ValidYaml.Replace("type: synthetic", "type: websocket", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].feed.type", 4, "unsupported feed type 'websocket'; supported: synthetic, csv");
    }

    [Fact]
    public void Load_WhenStrategySymbolHasNoInstrument_ReportsTheSymbol()
    {
        var result = _dir.Load(ValidYaml.Replace("symbols: [AAA] }", "symbols: [AAA, ZZZ] }", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].strategies[0].symbols[1]", 7, "symbol 'ZZZ' is not among the bot's instruments (AAA)");
    }

    [Fact]
    public void Load_WhenFeedSymbolHasNoInstrument_ReportsTheSymbol()
    {
        var result = _dir.Load(ValidYaml.Replace("symbols: [ { symbol: AAA } ]", "symbols: [ { symbol: AAA }, { symbol: BBB } ]", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].feed.symbols[1].symbol", 5, "symbol 'BBB' has no instrument");
    }

    [Fact]
    public void Load_WhenCsvFileIsMissing_ReportsItsFullPath()
    {
        var result = _dir.Load(CsvYaml);

        var expected = Path.Combine(_dir.Directory, "data", "AAA.csv");
        ConfigAssert.HasError(result, "bots[0].feed.files[0].path", 5, $"file not found: {expected}");
    }

    [Fact]
    public void Load_WhenCsvFileExists_ResolvesItAgainstTheConfigDirectory()
    {
        var expected = _dir.WriteFile(Path.Combine("data", "AAA.csv"), "Date,Open,High,Low,Close,Volume\n");

        var config = ConfigAssert.Loaded(_dir.Load(CsvYaml));

        Assert.Equal(expected, Assert.Single(config.Bots[0].Feed.Files).Path);
    }

    [Fact]
    public void Load_CsvFeedTimeZone_IsKeptWhenKnown_AndAnUnknownOneIsNamedWithItsLine()
    {
        _dir.WriteFile(Path.Combine("data", "AAA.csv"), "Date,Open,High,Low,Close,Volume\n");
        var known = _dir.Load(CsvYaml.Replace("      type: csv", "      type: csv\n      timeZone: America/Chicago", StringComparison.Ordinal));
        var unknown = _dir.Load(CsvYaml.Replace("      type: csv", "      type: csv\n      timeZone: Chicago", StringComparison.Ordinal));

        Assert.Equal("America/Chicago", ConfigAssert.Loaded(known).Bots[0].Feed.TimeZone);
        Assert.False(ConfigAssert.Loaded(known).Bots[0].Feed.Adjusted);
        Assert.True(ConfigAssert.Loaded(_dir.Load(CsvYaml.Replace("      type: csv", "      type: csv\n      adjusted: true", StringComparison.Ordinal)))
            .Bots[0].Feed.Adjusted);
        ConfigAssert.HasError(unknown, "bots[0].feed.timeZone", 5, "unknown time zone 'Chicago'");
    }

    [Fact]
    public void Load_VenueAllowShort_IsReadAndANonBooleanIsNamedWithItsLine()
    {
        var cashAccount = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, allowShort: false }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, allowShort: nope }", StringComparison.Ordinal));

        Assert.False(ConfigAssert.Loaded(cashAccount).Bots[0].Venue.AllowShort);
        Assert.True(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Venue.AllowShort);
        ConfigAssert.HasError(bad, "bots[0].venue.allowShort", 3, "true or false");
    }

    [Fact]
    public void Load_VenueLimitFill_IsReadAndAnUnknownRuleIsNamedWithItsLine()
    {
        var through = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, limitFill: through }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, limitFill: thru }", StringComparison.Ordinal));

        Assert.Equal(Venues.Paper.PaperLimitFill.Through, ConfigAssert.Loaded(through).Bots[0].Venue.LimitFill);
        Assert.Equal(Venues.Paper.PaperLimitFill.Touch, ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Venue.LimitFill);
        ConfigAssert.HasError(bad, "bots[0].venue.limitFill", 3, "expected one of touch, through, got 'thru'");
    }

    [Fact]
    public void Load_VenueFinancing_IsRead_AndARateBeyondAHundredPercentOrAnUnknownKeyIsNamedWithItsLine()
    {
        var rates = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, financing: { longPercent: 5.5, shortPercent: -0.25, cashPercent: 4, cashFreeBalance: 10000 } }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("venue: { type: paper }", "venue: { type: paper, financing: { longPercent: 550, shortRate: 1, cashPercent: 101, cashFreeBalance: -1 } }", StringComparison.Ordinal));

        Assert.Equal(new FinancingConfig { LongPercent = 5.5m, ShortPercent = -0.25m, CashPercent = 4m, CashFreeBalance = 10_000m }, ConfigAssert.Loaded(rates).Bots[0].Venue.Financing);
        Assert.Equal(new FinancingConfig(), ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Venue.Financing);
        ConfigAssert.HasError(bad, "bots[0].venue.financing.longPercent", 3, "must be between -100 and 100");
        ConfigAssert.HasError(bad, "bots[0].venue.financing.cashPercent", 3, "must be between -100 and 100");
        ConfigAssert.HasError(bad, "bots[0].venue.financing.cashFreeBalance", 3, "must be >= 0");
        ConfigAssert.HasError(bad, "bots[0].venue.financing.shortRate", 3, "unknown key 'shortRate'; known keys: longPercent, shortPercent, cashPercent, cashFreeBalance, symbols");
    }

    [Fact]
    public void Load_AnInstrumentsOwnFinancing_TakesTheVenuesRateForTheSideItDoesNotGive_AndASymbolNotTradedIsNamed()
    {
        var rates = _dir.Load(ValidYaml.Replace("venue: { type: paper }",
            "venue: { type: paper, financing: { longPercent: 5, shortPercent: 1, symbols: { AAA: { shortPercent: 35 } } } }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("venue: { type: paper }",
            "venue: { type: paper, financing: { symbols: { AAA: {}, AAB: { longPercent: 1 }, BBB: 3 } } }", StringComparison.Ordinal));

        var financing = ConfigAssert.Loaded(rates).Bots[0].Venue.Financing;
        Assert.Equal(new FinancingRates(5m, 35m), financing.Symbols["AAA"]);
        Assert.Equal((5m, 1m), (financing.LongPercent, financing.ShortPercent)); // what a symbol without its own pays
        Assert.Single(financing.Symbols);
        ConfigAssert.HasError(bad, "bots[0].venue.financing.symbols.AAA", 3, "give its longPercent, its shortPercent or both");
        ConfigAssert.HasError(bad, "bots[0].venue.financing.symbols.AAB", 3, "symbol 'AAB' is not among the bot's instruments (AAA)");
        ConfigAssert.HasError(bad, "bots[0].venue.financing.symbols.BBB", 3, "expected its rates as a section of keys ({shortPercent: 35}), got");
    }

    [Fact]
    public void Load_SizingByRisk_IsRead_AndAPercentBeyondAHundredIsNamedWithItsLine()
    {
        var risk = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: riskPercent, riskPercent: 0.5 }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: riskPercent, riskPercent: 101 }", StringComparison.Ordinal));

        var sizing = ConfigAssert.Loaded(risk).Bots[0].Sizing;
        Assert.Equal((Core.Risk.SizingMode.RiskPercent, 0.5m), (sizing.Mode, sizing.RiskPercent));
        ConfigAssert.HasError(bad, "bots[0].sizing.riskPercent", 8, "must be > 0 and <= 100");
    }

    [Fact]
    public void Load_SizingByVolatility_IsRead_AndAPeriodOfNoneIsNamedWithItsLine()
    {
        var volatility = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: volatility, volatilityPercent: 0.5, volatilityPeriod: 14 }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: volatility, volatilityPeriod: 0 }", StringComparison.Ordinal));

        var sizing = ConfigAssert.Loaded(volatility).Bots[0].Sizing;
        Assert.Equal((Core.Risk.SizingMode.Volatility, 0.5m, 14), (sizing.Mode, sizing.VolatilityPercent, sizing.VolatilityPeriod));
        ConfigAssert.HasError(bad, "bots[0].sizing.volatilityPeriod", 8, "must be > 0");
    }

    [Fact]
    public void Load_ACapOnAPosition_IsRead_NoneWhenLeftOut_AndZeroIsNamedWithItsLine()
    {
        var capped = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: volatility, maxPercentOfEquity: 25 }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3, maxPercentOfEquity: 0 }", StringComparison.Ordinal));

        Assert.Equal(25m, ConfigAssert.Loaded(capped).Bots[0].Sizing.MaxPercentOfEquity);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Sizing.MaxPercentOfEquity);
        ConfigAssert.HasError(bad, "bots[0].sizing.maxPercentOfEquity", 8, "must be > 0 and <= 1000");
    }

    [Fact]
    public void Load_AGrossExposureLimit_IsRead_NoneWhenLeftOut_AndZeroIsNamedWithItsLine()
    {
        var limited = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3 }\n    risk: { maxGrossExposurePercent: 150 }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3 }\n    risk: { maxGrossExposurePercent: 0 }", StringComparison.Ordinal));

        Assert.Equal(150m, ConfigAssert.Loaded(limited).Bots[0].Risk.MaxGrossExposurePercent);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk.MaxGrossExposurePercent);
        ConfigAssert.HasError(bad, "bots[0].risk.maxGrossExposurePercent", 9, "must be > 0 and <= 10000");
    }

    [Fact]
    public void Load_AnInstrumentsMaxPosition_IsRead_NoneWhenLeftOut_AndZeroIsNamedWithItsLine()
    {
        string With(string value) => ValidYaml.Replace("instruments: [ { symbol: AAA } ]", $"instruments: [ {{ symbol: AAA, maxPosition: {value} }} ]", StringComparison.Ordinal);
        var bot = ConfigAssert.Loaded(_dir.Load(With("500"))).Bots[0];

        Assert.Equal(500m, bot.Instruments[0].MaxPosition);
        Assert.Equal(500m, bot.InstrumentMap()["AAA"].MaxPosition);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].InstrumentMap()["AAA"].MaxPosition);
        ConfigAssert.HasError(_dir.Load(With("0")), "bots[0].instruments[0].maxPosition", 6, "must be > 0");
    }

    [Fact]
    public void Load_AnInstrumentsGroup_AndTheGroupLimit_AreRead_NoneWhenLeftOut_AndBadOnesAreNamedWithTheirLines()
    {
        string With(string group, string limit) => ValidYaml
            .Replace("instruments: [ { symbol: AAA } ]", $"instruments: [ {{ symbol: AAA, group: {group} }} ]", StringComparison.Ordinal)
            .Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ maxGroupExposurePercent: {limit} }}", StringComparison.Ordinal);
        var bot = ConfigAssert.Loaded(_dir.Load(With("tech", "40"))).Bots[0];

        Assert.Equal(("tech", 40m), (bot.InstrumentMap()["AAA"].Group, bot.Risk.MaxGroupExposurePercent));
        var plain = ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0];
        Assert.Equal((null, null), (plain.InstrumentMap()["AAA"].Group, plain.Risk.MaxGroupExposurePercent));
        ConfigAssert.HasError(_dir.Load(With("\"  \"", "40")), "bots[0].instruments[0].group", 6, "must not be empty");
        ConfigAssert.HasError(_dir.Load(With("tech", "0")), "bots[0].risk.maxGroupExposurePercent", 9, "must be > 0 and <= 10000");
    }

    [Fact]
    public void Load_GroupsOwnLimits_AreRead_AndAGroupNoInstrumentIsIn_OrALimitWithNoGroups_IsNamedWithItsLine()
    {
        string With(string group, string risk) => ValidYaml
            .Replace("instruments: [ { symbol: AAA } ]", group.Length == 0 ? "instruments: [ { symbol: AAA } ]" : $"instruments: [ {{ symbol: AAA, group: {group} }} ]", StringComparison.Ordinal)
            .Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk:\n      {risk}", StringComparison.Ordinal);
        var bot = ConfigAssert.Loaded(_dir.Load(With("tech", "maxGroupExposurePercents: { tech: 12.5 }"))).Bots[0];

        Assert.Equal(12.5m, bot.Risk.MaxGroupExposurePercents.Of("tech"));
        Assert.Null(bot.Risk.MaxGroupExposurePercent);
        Assert.Equal(12.5m, bot.Risk.GroupExposureLimit("tech"));
        Assert.Equal(0, ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk.MaxGroupExposurePercents.Count);
        ConfigAssert.HasError(_dir.Load(With("tech", "maxGroupExposurePercents: { tehc: 10 }")), "bots[0].risk.maxGroupExposurePercents.tehc", 10,
            "no instrument is in group 'tehc'; the instruments' groups: tech");
        ConfigAssert.HasError(_dir.Load(With("tech", "maxGroupExposurePercents: { tech: 0 }")), "bots[0].risk.maxGroupExposurePercents.tech", 10, "must be > 0 and <= 10000");
        ConfigAssert.HasError(_dir.Load(With("", "maxGroupExposurePercent: 20")), "bots[0].risk.maxGroupExposurePercent", 10,
            "no instrument is in a group (instruments[].group): the limit would hold nothing");
        ConfigAssert.HasError(_dir.Load(With("", "maxGroupExposurePercents: { tech: 20 }")), "bots[0].risk.maxGroupExposurePercents", 10,
            "no instrument is in a group (instruments[].group)");
    }

    [Fact]
    public void Load_ThePriceCollar_IsRead_NoneWhenLeftOut_AndZeroIsNamedWithItsLine()
    {
        string With(string value) => ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ maxPriceDeviationPercent: {value} }}", StringComparison.Ordinal);

        Assert.Equal(7.5m, ConfigAssert.Loaded(_dir.Load(With("7.5"))).Bots[0].Risk.MaxPriceDeviationPercent);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk.MaxPriceDeviationPercent);
        ConfigAssert.HasError(_dir.Load(With("0")), "bots[0].risk.maxPriceDeviationPercent", 9, "must be > 0 and <= 10000");
    }

    [Fact]
    public void Load_AStrategysAllocation_IsRead_AllWhenLeftOut_AndOneOutsideItsRangeIsNamedWithItsLine()
    {
        string With(string value) => ValidYaml.Replace("strategies: [ { name: sma-cross, symbols: [AAA] } ]",
            $"strategies: [ {{ name: sma-cross, symbols: [AAA], allocationPercent: {value} }} ]", StringComparison.Ordinal);
        var bot = ConfigAssert.Loaded(_dir.Load(With("10"))).Bots[0];

        Assert.Equal(10m, bot.Strategies[0].AllocationPercent);
        Assert.Equal(10m, bot.AllocationPercents()["sma-cross"]);
        Assert.Empty(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].AllocationPercents());
        ConfigAssert.HasError(_dir.Load(With("0")), "bots[0].strategies[0].allocationPercent", 7, "must be > 0 and <= 100");
        ConfigAssert.HasError(_dir.Load(With("150")), "bots[0].strategies[0].allocationPercent", 7, "must be > 0 and <= 100");
    }

    [Fact]
    public void Load_DataQuality_IsRead_OffWhenLeftOut_AndABadValueIsNamedWithItsLine()
    {
        string With(string section) => ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    dataQuality: {section}", StringComparison.Ordinal);
        var set = ConfigAssert.Loaded(_dir.Load(With("{ maxJumpPercent: 15, staleAfter: 2m }"))).Bots[0].DataQuality;
        var off = ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].DataQuality;

        Assert.Equal((15m, TimeSpan.FromMinutes(2)), (set.MaxJumpPercent, set.StaleAfter));
        Assert.Equal((null, null), (off.MaxJumpPercent, off.StaleAfter));
        ConfigAssert.HasError(_dir.Load(With("{ maxJumpPercent: 0 }")), "bots[0].dataQuality.maxJumpPercent", 9, "must be > 0");
        ConfigAssert.HasError(_dir.Load(With("{ staleAfter: 0s }")), "bots[0].dataQuality.staleAfter", 9, "must be");
        ConfigAssert.HasError(_dir.Load(With("{ stale: 5m }")), "bots[0].dataQuality.stale", 9, "unknown");
        // The synthetic feed's bars are a minute apart by default.
        ConfigAssert.HasError(_dir.Load(With("{ staleAfter: 1m }")), "bots[0].dataQuality.staleAfter", 9,
            "00:01:00 is not longer than the feed's interval (00:01:00): every symbol would be stopped between two bars; give more than one bar's time");
    }

    [Theory]
    [InlineData("maxOpenPositions")]
    [InlineData("maxOrdersPerDay")]
    [InlineData("maxOrdersPerMinute")]
    public void Load_ACountLimit_IsRead_NoneAtZeroWhenLeftOut_AndANegativeIsNamedWithItsLine(string key)
    {
        int Read(Bulwark.Core.Risk.RiskLimits r) => key switch
        {
            "maxOpenPositions" => r.MaxOpenPositions,
            "maxOrdersPerDay" => r.MaxOrdersPerDay,
            _ => r.MaxOrdersPerMinute,
        };
        var set = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ {key}: 4 }}", StringComparison.Ordinal));
        var negative = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ {key}: -1 }}", StringComparison.Ordinal));

        Assert.Equal(4, Read(ConfigAssert.Loaded(set).Bots[0].Risk));
        Assert.Equal(0, Read(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk));
        ConfigAssert.HasError(negative, $"bots[0].risk.{key}", 9, "must be >= 0");
    }

    [Fact]
    public void Load_ACapOnTheBooksVolatility_IsRead_NoneWhenLeftOut_AndZeroIsNamedWithItsLine()
    {
        var capped = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { mode: percentOfEquity, maxPortfolioVolatilityPercent: 12, portfolioVolatilityBars: 60 }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3, maxPortfolioVolatilityPercent: 0 }", StringComparison.Ordinal));

        Assert.Equal((12m, 60), (ConfigAssert.Loaded(capped).Bots[0].Sizing.MaxPortfolioVolatilityPercent, ConfigAssert.Loaded(capped).Bots[0].Sizing.PortfolioVolatilityBars));
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Sizing.MaxPortfolioVolatilityPercent);
        ConfigAssert.HasError(bad, "bots[0].sizing.maxPortfolioVolatilityPercent", 8, "must be > 0 and <= 1000");
    }

    [Fact]
    public void Load_ACooldownAfterLoss_IsRead_NoneWhenLeftOut_AndANonDurationIsNamedWithItsLine()
    {
        var cooling = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3 }\n    risk: { cooldownAfterLoss: 4h }", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3 }\n    risk: { cooldownAfterLoss: soon }", StringComparison.Ordinal));

        Assert.Equal(TimeSpan.FromHours(4), ConfigAssert.Loaded(cooling).Bots[0].Risk.CooldownAfterLoss);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk.CooldownAfterLoss);
        ConfigAssert.HasError(bad, "bots[0].risk.cooldownAfterLoss", 9, "duration");
    }

    [Theory]
    [InlineData("maxDrawdownPercent")]
    [InlineData("maxDailyLossPercent")]
    [InlineData("maxPositionLossPercent")]
    public void Load_AStopInPercentOfTheAccount_IsRead_NoneWhenLeftOut_AndAHundredIsNamedWithItsLine(string key)
    {
        decimal? Read(Bulwark.Core.Risk.RiskLimits r) => key switch
        {
            "maxDrawdownPercent" => r.MaxDrawdownPercent,
            "maxDailyLossPercent" => r.MaxDailyLossPercent,
            _ => r.MaxPositionLossPercent,
        };
        var stopped = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ {key}: 15 }}", StringComparison.Ordinal));
        var bad = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", $"sizing: {{ quantity: 3 }}\n    risk: {{ {key}: 100 }}", StringComparison.Ordinal));

        Assert.Equal(15m, Read(ConfigAssert.Loaded(stopped).Bots[0].Risk));
        Assert.Null(Read(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Risk));
        ConfigAssert.HasError(bad, $"bots[0].risk.{key}", 9, "must be");
    }

    [Fact]
    public void Load_ATrimBackToTheVolatilityCap_IsRead_AndWithoutTheCapOrAtZeroIsNamedWithItsLine()
    {
        var trimmed = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3, maxPortfolioVolatilityPercent: 12, portfolioVolatilityTrimPercent: 25 }", StringComparison.Ordinal));
        var uncapped = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3, portfolioVolatilityTrimPercent: 25 }", StringComparison.Ordinal));
        var zero = _dir.Load(ValidYaml.Replace("sizing: { quantity: 3 }", "sizing: { quantity: 3, maxPortfolioVolatilityPercent: 12, portfolioVolatilityTrimPercent: 0 }", StringComparison.Ordinal));

        Assert.Equal(25m, ConfigAssert.Loaded(trimmed).Bots[0].Sizing.PortfolioVolatilityTrimPercent);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Sizing.PortfolioVolatilityTrimPercent);
        ConfigAssert.HasError(uncapped, "bots[0].sizing.portfolioVolatilityTrimPercent", 8, "give maxPortfolioVolatilityPercent with it");
        ConfigAssert.HasError(zero, "bots[0].sizing.portfolioVolatilityTrimPercent", 8, "must be > 0 and <= 1000");
    }

    [Fact]
    public void Load_VenueDividends_AreReadFromTheFileBesideTheConfig_AndEachBadRowIsNamedWithItsFileAndLine()
    {
        static string With(string dividends) => ValidYaml.Replace("venue: { type: paper }", $"venue: {{ type: paper, dividends: {dividends} }}", StringComparison.Ordinal);
        var file = _dir.WriteFile(Path.Combine("corp", "div.csv"), "amount,symbol,ex_date\n0.25,AAA,2024-05-10\n0.2,AAA,2024-02-09\n");
        var badRow = _dir.WriteFile("bad.csv", "symbol,ex_date,amount\nAAA,2024-02-09,0.2\nAAA,2024-02-30,0.2\n");
        var noColumn = _dir.WriteFile("nocol.csv", "symbol,date,amount\n");
        var other = _dir.WriteFile("other.csv", "symbol,ex_date,amount\nAAA,2024-02-09,0.2\nZZZ,2024-02-09,1\nYYY,2024-02-09,1\n");

        var loaded = ConfigAssert.Loaded(_dir.Load(With("corp/div.csv"))).Bots[0].Venue.Dividends!.Value;
        Assert.Equal(file, loaded.File);
        Assert.Equal([new Dividend(new DateOnly(2024, 2, 9), 0.2m), new Dividend(new DateOnly(2024, 5, 10), 0.25m)], loaded.BySymbol["AAA"]);
        Assert.Null(ConfigAssert.Loaded(_dir.Load(ValidYaml)).Bots[0].Venue.Dividends);
        ConfigAssert.HasError(_dir.Load(With("bad.csv")), "bots[0].venue.dividends", 3, $"'{badRow}' line 3: ex_date '2024-02-30' is not a date (yyyy-MM-dd)");
        ConfigAssert.HasError(_dir.Load(With("nocol.csv")), "bots[0].venue.dividends", 3, $"'{noColumn}' line 1: no 'ex_date' column");
        ConfigAssert.HasError(_dir.Load(With("none.csv")), "bots[0].venue.dividends", 3, $"file not found: {Path.Combine(_dir.Directory, "none.csv")}");
        ConfigAssert.HasError(_dir.Load(With("other.csv")), "bots[0].venue.dividends", 3,
            $"'{other}' gives dividends of YYY, ZZZ, not among the bot's instruments (AAA)");
    }

    [Fact]
    public void Load_VenueDividends_WithAnAdjustedFeed_WouldPayEachTwice_AndAreRefused()
    {
        _dir.WriteFile(Path.Combine("data", "AAA.csv"), "Date,Open,High,Low,Close,Volume\n");
        _dir.WriteFile("div.csv", "symbol,ex_date,amount\nAAA,2024-02-09,0.2\n");
        var yaml = CsvYaml.Replace("  - id: bot-a\n", "  - id: bot-a\n    venue: { dividends: div.csv }\n", StringComparison.Ordinal);
        Assert.Contains("dividends: div.csv", yaml, StringComparison.Ordinal);

        Assert.NotNull(ConfigAssert.Loaded(_dir.Load(yaml)).Bots[0].Venue.Dividends);
        ConfigAssert.HasError(_dir.Load(yaml.Replace("      type: csv", "      type: csv\n      adjusted: true", StringComparison.Ordinal)),
            "bots[0].venue.dividends", 3, "the feed's prices are adjusted (feed.adjusted: true) and already hold every dividend");
    }

    [Fact]
    public void Load_WhenSyntheticFeedHasATimeZoneOrAdjustment_SaysTheyDoNotApply()
    {
        var result = _dir.Load(ValidYaml.Replace("feed: { type: synthetic,", "feed: { type: synthetic, timeZone: UTC, adjusted: true,", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].feed.timeZone", 4, "does not apply to a synthetic feed");
        ConfigAssert.HasError(result, "bots[0].feed.adjusted", 4, "does not apply to a synthetic feed");
    }

    [Fact]
    public void Load_WhenSyntheticFeedHasFiles_SaysTheyDoNotApply()
    {
        var result = _dir.Load(ValidYaml.Replace("      symbols: [ { symbol: AAA } ]", "      symbols: [ { symbol: AAA } ]\n      files: []\n      files2: 1", StringComparison.Ordinal)
            .Replace("files: []", "files: [ { path: x.csv, symbol: AAA } ]", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].feed.files", 6, "does not apply to a synthetic feed");
        ConfigAssert.HasError(result, "bots[0].feed.files2", 7, "did you mean 'files'?");
    }

    [Fact]
    public void Load_WhenBotsAreMissing_SaysOneIsRequired()
    {
        var result = _dir.Load("dataDir: ./data\n");

        ConfigAssert.HasError(result, "bots", 1, "at least one bot is required");
    }

    [Fact]
    public void Load_WhenListItemIsNotASection_ReportsOnlyThat()
    {
        var result = _dir.Load("bots: [ paper-1 ]\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("bots[0]", "expected a section of keys, got 'paper-1'", 1), (error.KeyPath, error.Message, error.Line));
    }

    [Fact]
    public void Load_WhenKeyIsWrittenTwiceInDifferentCase_ReportsTheDuplicate()
    {
        var result = _dir.Load("dataDir: ./a\nDataDir: ./b\n" + ValidYaml);

        ConfigAssert.HasError(result, "DataDir", 2, "duplicate key 'DataDir' (first at line 1)");
    }

    [Fact]
    public void Load_WhenManyThingsAreWrong_ReportsThemAllInFileOrder()
    {
        var result = _dir.Load("""
            snapshotEveryEvents: ten
            bots:
              - id: Bad_Id
                venue: { type: alpaca }
                feed:
                  type: synthetic
                  interval: 5
                  symbols: [ { symbol: AAA } ]
                instruments: [ { symbol: AAA, tickSize: 0 } ]
                strategies: [ { name: sma-cross, symbols: [BBB] } ]
                sizing: { quantity: 0, mode: fixedQty }
                risk: { maxDailyLos: 5 }
            """);

        Assert.Equal(
            [
                "snapshotEveryEvents: expected a whole number, got 'ten'",
                "bots[0].id: must be lowercase letters, digits and '-', starting with a letter or digit",
                "bots[0].venue.type: unsupported venue type 'alpaca'; supported: paper",
                "bots[0].feed.interval: expected a duration like 500ms, 20s, 5m, 1h, 1d or hh:mm:ss, got '5'",
                "bots[0].instruments[0].tickSize: must be > 0",
                "bots[0].strategies[0].symbols[0]: symbol 'BBB' is not among the bot's instruments (AAA)",
                "bots[0].sizing.mode: expected one of fixedQuantity, fixedNotional, percentOfEquity, riskPercent, volatility, got 'fixedQty'",
                "bots[0].sizing.quantity: must be > 0",
                "bots[0].risk.maxDailyLos: unknown key 'maxDailyLos'; did you mean 'maxDailyLoss'?",
            ],
            result.Errors.Select(e => $"{e.KeyPath}: {e.Message}"));
        Assert.Equal([1, 3, 4, 7, 9, 10, 11, 11, 12], result.Errors.Select(e => e.Line ?? 0));
    }

    /// <summary>A small valid file; tests edit one line of it. Line numbers: bot at 2, venue 3, feed 4-5, strategies 7, sizing 8.</summary>
    internal const string ValidYaml = """
        bots:
          - id: bot-a
            venue: { type: paper }
            feed: { type: synthetic,
              symbols: [ { symbol: AAA } ] }
            instruments: [ { symbol: AAA } ]
            strategies: [ { name: sma-cross, symbols: [AAA] } ]
            sizing: { quantity: 3 }

        """;

    private const string CsvYaml = """
        bots:
          - id: bot-a
            feed:
              type: csv
              files: [ { path: data/AAA.csv, symbol: AAA } ]
            instruments: [ { symbol: AAA } ]
            strategies: [ { name: sma-cross, symbols: [AAA] } ]
        """;
}
