using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class EnvironmentOverrideTests : IDisposable
{
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ConfigLoadResult LoadDefaults(params (string Name, string Value)[] variables) =>
        ConfigLoader.Load(null, variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Override_OfTopLevelScalar_ReplacesTheDefault()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(("BULWARK__SnapshotEveryEvents", "100")));

        Assert.Equal(100, config.SnapshotEveryEvents);
    }

    [Fact]
    public void Override_OfListItemKeys_ReplacesThoseKeysOnly()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(
            ("BULWARK__Bots__0__Sizing__Quantity", "5"),
            ("BULWARK__Bots__0__Venue__InitialCash", "5000")));

        var bot = config.Bots[0];
        Assert.Equal((5m, 5000m), (bot.Sizing.Quantity, bot.Venue.InitialCash));
        Assert.Equal("paper-1", bot.Id);
    }

    [Fact]
    public void Override_MatchesSegmentsCaseInsensitively()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(("bulwark__BOTS__0__sizing__QUANTITY", "7")));

        Assert.Equal(7m, config.Bots[0].Sizing.Quantity);
    }

    [Fact]
    public void Override_AppliesOnTopOfTheFile()
    {
        var result = _dir.Load(ConfigLoaderErrorTests.ValidYaml, new Dictionary<string, string>
        {
            ["BULWARK__Bots__0__Sizing__Quantity"] = "4",
            ["BULWARK__Bots__0__Strategies__0__Params__Period"] = "20",
        });

        var bot = ConfigAssert.Loaded(result).Bots[0];
        Assert.Equal(4m, bot.Sizing.Quantity);
        Assert.Equal("20", bot.Strategies[0].Params["period"]);
    }

    [Fact]
    public void Override_OfAbsentSection_CreatesIt()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(("BULWARK__Bots__0__Risk__MaxDailyLoss", "500")));

        Assert.Equal(500m, config.Bots[0].Risk.MaxDailyLoss);
        Assert.Equal(25_000m, config.Bots[0].Risk.MaxOrderNotional);
    }

    [Fact]
    public void Override_AtTheNextIndex_AppendsAListItem()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(
            ("BULWARK__Bots__0__Instruments__1__Symbol", "BBB"),
            ("BULWARK__Bots__0__Strategies__0__Symbols__1", "BBB")));

        var bot = config.Bots[0];
        Assert.Equal(["SYNTH", "BBB"], bot.Instruments.Select(i => i.Symbol));
        Assert.Equal(["SYNTH", "BBB"], bot.Strategies[0].Symbols);
    }

    [Fact]
    public void Override_IsValidatedLikeTheFile_AndTheErrorNamesTheVariable()
    {
        var result = LoadDefaults(("BULWARK__Bots__0__Sizing__Quantity", "ten"));

        var error = ConfigAssert.HasError(result, "bots[0].sizing.quantity", null,
            "expected a number, got 'ten' (set by BULWARK__Bots__0__Sizing__Quantity)");
        Assert.Null(error.File);
    }

    [Fact]
    public void Override_OfUnknownKey_IsAnErrorNamingTheVariable()
    {
        var result = LoadDefaults(("BULWARK__Bots__0__Sizing__Quantiy", "5"));

        ConfigAssert.HasError(result, "bots[0].sizing.Quantiy", null,
            "unknown key 'Quantiy'; did you mean 'quantity'? (set by BULWARK__Bots__0__Sizing__Quantiy)");
    }

    [Fact]
    public void Override_OfUnknownSection_IsAnErrorNamingTheVariable()
    {
        var result = LoadDefaults(("BULWARK__Bots__0__Rsik__MaxDailyLoss", "5"));

        ConfigAssert.HasError(result, "bots[0].Rsik", null, "did you mean 'risk'? (set by BULWARK__Bots__0__Rsik__MaxDailyLoss)");
    }

    [Theory]
    [InlineData("BULWARK__Bots__3__Id", "bots", "has 1 item(s): index 3 is out of range")]
    [InlineData("BULWARK__Bots__first__Id", "bots", "is a list: expected an item index, got 'first'")]
    [InlineData("BULWARK__Bots__0__Venue", "bots[0].venue", "is a section: set its keys, as in BULWARK__Bots__0__Venue__<Key>")]
    [InlineData("BULWARK__Bots", "bots", "is a list: set its items, as in BULWARK__Bots__0")]
    [InlineData("BULWARK__DataDir__Sub", "dataDir", "is a single value, not a section or list")]
    [InlineData("BULWARK__Bots____Id", "", "has an empty key segment")]
    public void Override_ThatDoesNotFitTheTree_IsAnErrorNamingTheVariable(string variable, string keyPath, string message)
    {
        var result = LoadDefaults((variable, "x"));

        var error = ConfigAssert.HasError(result, keyPath, null, message);
        Assert.EndsWith($"(set by {variable})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_SetTwiceInDifferentCase_IsAnError()
    {
        var result = LoadDefaults(("BULWARK__SnapshotEveryEvents", "10"), ("BULWARK__SNAPSHOTEVERYEVENTS", "20"));

        ConfigAssert.HasError(result, "", null, "sets the same key as BULWARK__SNAPSHOTEVERYEVENTS; set it once (set by BULWARK__SnapshotEveryEvents)");
    }

    [Fact]
    public void Variables_WithoutThePrefix_AreIgnored()
    {
        var config = ConfigAssert.Loaded(LoadDefaults(("PATH", "/usr/bin"), ("BULWARK_HOME", "/x"), ("XBULWARK__Nope", "1")));

        Assert.Equal(5000, config.SnapshotEveryEvents);
    }
}
