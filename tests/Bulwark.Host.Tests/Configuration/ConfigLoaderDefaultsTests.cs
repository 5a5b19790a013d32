using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ConfigLoaderDefaultsTests
{
    private static BulwarkConfig LoadDefaults() =>
        ConfigAssert.Loaded(ConfigLoader.Load(null, TempConfigDirectory.NoEnvironment));

    [Fact]
    public void Load_WithoutPath_GivesOnePaperBotOnSyntheticFeed()
    {
        var config = LoadDefaults();

        Assert.Equal(Path.GetFullPath(".bulwark"), config.DataDir);
        Assert.Equal(5000, config.SnapshotEveryEvents);
        var bot = Assert.Single(config.Bots);
        Assert.Equal("paper-1", bot.Id);
        Assert.Equal(VenueConfig.Paper, bot.Venue.Type);
        Assert.Equal(100_000m, bot.Venue.InitialCash);
        Assert.Null(bot.Venue.ApiKey);
    }

    [Fact]
    public void Load_WithoutPath_FeedsSynthAt100WithSeed42()
    {
        var feed = LoadDefaults().Bots[0].Feed;

        Assert.Equal(FeedConfig.Synthetic, feed.Type);
        Assert.Equal(42, feed.Seed);
        Assert.Equal(TimeSpan.FromMinutes(1), feed.Interval);
        Assert.Equal(20m, feed.BarsPerSecond);
        var symbol = Assert.Single(feed.Symbols);
        Assert.Equal(("SYNTH", 100m), (symbol.Symbol, symbol.StartPrice));
        Assert.Empty(feed.Files);
    }

    [Fact]
    public void Load_WithoutPath_TradesSmaCrossWithFixedQuantity10()
    {
        var bot = LoadDefaults().Bots[0];

        var strategy = Assert.Single(bot.Strategies);
        Assert.Equal("sma-cross", strategy.Name);
        Assert.Equal("sma-cross", strategy.Source);
        Assert.Equal(["SYNTH"], strategy.Symbols);
        Assert.Equal("10", strategy.Params["period"]);
        Assert.Equal(SizingMode.FixedQuantity, bot.Sizing.Mode);
        Assert.Equal(10m, bot.Sizing.Quantity);
        var instrument = Assert.Single(bot.Instruments).ToInstrument();
        Assert.Equal(("SYNTH", AssetClass.Equity, 0.01m, "USD"), (instrument.Symbol, instrument.AssetClass, instrument.TickSize, instrument.Currency));
    }

    [Fact]
    public void Load_WithoutPath_KeepsCoreDefaultsForUnwrittenSections()
    {
        var bot = LoadDefaults().Bots[0];

        Assert.Equal(new RiskLimits(), bot.Risk);
        Assert.Equal(new Bulwark.Core.Execution.FillValidationOptions(), bot.FillValidation);
        Assert.Equal(new RouterConfig(), bot.Router);
        Assert.Equal(new CommissionConfig(), bot.Venue.Commission);
    }
}
