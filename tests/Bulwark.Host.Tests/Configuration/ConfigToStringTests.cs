using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ConfigToStringTests
{
    [Fact]
    public void ToString_OfWholeConfig_PrintsEveryPropertyWithListsExpanded()
    {
        var config = ConfigAssert.Loaded(ConfigLoader.Load(null, TempConfigDirectory.NoEnvironment));
        var bot = config.Bots[0];
        var withEveryList = config with
        {
            Bots = [bot with { Feed = bot.Feed with { Files = [new CsvFileConfig { Path = "a.csv", Symbol = "A" }] } }],
        };

        var text = withEveryList.ToString();

        var missing = ConfigProperties.All().Where(p => !text.Contains($"{p.Name} = ", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "ToString() leaves out: " + string.Join(", ", missing.Select(p => $"{p.Owner.Name}.{p.Name}")));
        Assert.Contains("Symbols = [ SYNTH ]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfWholeConfig_RedactsSecretsFromTheEnvironment()
    {
        var config = ConfigAssert.Loaded(ConfigLoader.Load(null, new Dictionary<string, string>
        {
            ["BULWARK__Bots__0__Venue__ApiKey"] = "key-VALUE-1",
            ["BULWARK__Bots__0__Strategies__0__Params__AccessToken"] = "token-VALUE-2",
        }));

        var text = config.ToString();

        Assert.DoesNotContain("VALUE", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("ApiSecret = (not set)", text, StringComparison.Ordinal);
        Assert.Contains("AccessToken = ***", text, StringComparison.Ordinal);
    }
}
