using Bulwark.Core.Calendar;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class TradingHoursConfigTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Bot = """
        bots:
          - id: b1
            feed: { type: synthetic, symbols: [ { symbol: AAPL, startPrice: 100 } ] }
            instruments:
              - { symbol: AAPL }
              - { symbol: BTC, assetClass: crypto }
              - { symbol: QQQ, exchange: xnas }
            strategies:
              - { name: sma-cross, source: intraday, symbols: [AAPL] }
              - { name: sma-cross, source: overnight, symbols: [AAPL], swing: true }
        """;

    [Fact]
    public void Defaults_EnforceHoursAndFlatten_AndExchangesFollowAssetClass()
    {
        var bot = ConfigAssert.Loaded(_dir.Load(Bot)).Bots[0];
        var options = bot.TradingHours.ToOptions(bot.Strategies);

        Assert.True(options.Enforce);
        Assert.False(options.Extended);
        Assert.True(options.FlattenAtClose);
        Assert.Equal(TimeSpan.FromMinutes(5), options.FlattenBeforeClose);
        Assert.Equal(["overnight"], options.SwingSources);
        var instruments = bot.InstrumentMap();
        Assert.Equal("XNYS", instruments["AAPL"].Exchange);
        Assert.Equal("CRYPTO", instruments["BTC"].Exchange);
        Assert.Equal("XNAS", ExchangeCalendars.Get(instruments["QQQ"].Exchange).Code);
    }

    [Fact]
    public void TradingHoursSection_IsBound()
    {
        var bot = ConfigAssert.Loaded(_dir.Load(Bot + """

                tradingHours: { enforce: false, extended: true, flattenAtClose: false, flattenBeforeClose: 10m }
            """)).Bots[0];

        Assert.Equal(new TradingHoursConfig { Enforce = false, Extended = true, FlattenAtClose = false, FlattenBeforeClose = TimeSpan.FromMinutes(10) },
            bot.TradingHours);
    }

    [Fact]
    public void FlattenBeforeWeekend_IsBound_AndWithoutTheEndOfDayFlattenIsAnErrorAtItsKey()
    {
        var bot = ConfigAssert.Loaded(_dir.Load(Bot + """

                tradingHours: { flattenBeforeWeekend: true }
            """)).Bots[0];
        var alone = _dir.Load(Bot + """

                tradingHours: { flattenAtClose: false, flattenBeforeWeekend: true }
            """);

        Assert.True(bot.TradingHours.ToOptions(bot.Strategies).FlattenBeforeWeekend);
        Assert.False(ConfigAssert.Loaded(_dir.Load(Bot)).Bots[0].TradingHours.FlattenBeforeWeekend);
        ConfigAssert.HasError(alone, "bots[0].tradingHours.flattenBeforeWeekend", 11, "flattenAtClose is false");
    }

    [Fact]
    public void NoEntryWindows_AreBoundIntoTheKernelsOptions()
    {
        var bot = ConfigAssert.Loaded(_dir.Load(Bot + """

                tradingHours: { noEntriesAfterOpen: 15m, noEntriesBeforeClose: 30m }
            """)).Bots[0];

        var options = bot.TradingHours.ToOptions(bot.Strategies);
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)), (options.NoEntriesAfterOpen, options.NoEntriesBeforeClose));
        var none = ConfigAssert.Loaded(_dir.Load(Bot)).Bots[0].TradingHours;
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (none.NoEntriesAfterOpen, none.NoEntriesBeforeClose));
    }

    [Theory]
    [InlineData("noEntriesAfterOpen: -5m", "bots[0].tradingHours.noEntriesAfterOpen", "expected a duration like")]
    [InlineData("noEntriesAfterOpen: 15", "bots[0].tradingHours.noEntriesAfterOpen", "expected a duration like")]
    [InlineData("noEntriesBeforeClose: 12h", "bots[0].tradingHours.noEntriesBeforeClose", "must be at least 0 and shorter than 12h")]
    public void NoEntryWindow_NotADurationOrHalfADay_IsAnErrorAtItsKey(string value, string key, string message)
    {
        var result = _dir.Load(Bot + $$"""

                tradingHours: { {{value}} }
            """);

        ConfigAssert.HasError(result, key, 11, message);
    }

    [Fact]
    public void UnknownExchange_IsAnErrorListingTheKnownOnes()
    {
        var result = _dir.Load(Bot.Replace("exchange: xnas", "exchange: LSE", StringComparison.Ordinal));
        ConfigAssert.HasError(result, "bots[0].instruments[2].exchange", 7, "XNYS");
    }

    [Fact]
    public void CalendarOverrides_AreBoundAndApplied()
    {
        var config = ConfigAssert.Loaded(_dir.Load(Bot + """

            calendars:
              XNYS:
                closures: [ { date: 2031-03-12, name: storm } ]
                earlyCloses: [ { date: 2031-03-13, close: "12:00" } ]
            """));

        var calendar = config.BuildCalendars()["XNYS"];
        Assert.Null(calendar.SessionOn(new DateOnly(2031, 3, 12)));
        var early = calendar.SessionOn(new DateOnly(2031, 3, 13))!.Value;
        Assert.True(early.IsEarlyClose);
        Assert.Equal(new DateTimeOffset(2031, 3, 13, 12, 0, 0, TimeSpan.FromHours(-4)), early.Close);
    }

    [Fact]
    public void CalendarOverride_OnAWeekendOrWithABadDate_IsAnErrorAtItsPath()
    {
        var result = _dir.Load(Bot + """

            calendars:
              XNYS:
                closures: [ { date: 15/03/2031 } ]
              XNAS:
                closures: [ { date: 2031-03-15 } ]
              MOON: {}
            """);

        ConfigAssert.HasError(result, "calendars.XNYS.closures[0].date", 13, "a date like");
        
        ConfigAssert.HasError(result, "calendars.XNAS", 15, "Saturday");
        ConfigAssert.HasError(result, "calendars.MOON", 16, "unknown exchange");
    }
}
