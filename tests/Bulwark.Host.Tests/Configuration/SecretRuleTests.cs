using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class SecretRuleTests : IDisposable
{
    private const string Secret = "s3cr3t-VALUE";
    private readonly TempConfigDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string WithVenue(string venue) =>
        ConfigLoaderErrorTests.ValidYaml.Replace("    venue: { type: paper }", $"    venue: {{ type: paper, {venue} }}", StringComparison.Ordinal);

    [Fact]
    public void LiteralApiKeyInFile_IsAnErrorNamingTheVariableToUse()
    {
        var result = _dir.Load(WithVenue($"apiKey: {Secret}"));

        var error = ConfigAssert.HasError(result, "bots[0].venue.apiKey", 3,
            "secrets come from the environment: set BULWARK__Bots__0__Venue__ApiKey");
        Assert.DoesNotContain(Secret, ConfigErrorFormatter.Format(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiSecret")]
    [InlineData("PASSWORD")]
    [InlineData("api_key")]
    [InlineData("sessionToken")]
    public void AnySecretNamedKeyInFile_IsAnError_EvenIfUnknown(string key)
    {
        var result = _dir.Load(WithVenue($"{key}: {Secret}"));

        Assert.Contains(result.Errors, e => e.KeyPath == $"bots[0].venue.{key}" && e.Message.StartsWith("secrets come from the environment", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void SecretNamedStrategyParamInFile_IsAnError()
    {
        var result = _dir.Load(ConfigLoaderErrorTests.ValidYaml.Replace("symbols: [AAA] }", $"symbols: [AAA], params: {{ authToken: {Secret} }} }}", StringComparison.Ordinal));

        ConfigAssert.HasError(result, "bots[0].strategies[0].params.authToken", 7,
            "secrets come from the environment: set BULWARK__Bots__0__Strategies__0__Params__AuthToken");
    }

    [Fact]
    public void SecretKeyLeftEmptyInFile_IsAccepted()
    {
        var config = ConfigAssert.Loaded(_dir.Load(WithVenue("apiKey: ")));

        Assert.Null(config.Bots[0].Venue.ApiKey);
    }

    [Fact]
    public void SecretsFromTheEnvironment_AreAccepted()
    {
        var config = ConfigAssert.Loaded(_dir.Load(ConfigLoaderErrorTests.ValidYaml, new Dictionary<string, string>
        {
            ["BULWARK__Bots__0__Venue__ApiKey"] = Secret,
            ["BULWARK__Bots__0__Venue__ApiSecret"] = Secret + "2",
            ["BULWARK__Bots__0__Strategies__0__Params__AuthToken"] = Secret + "3",
        }));

        var bot = config.Bots[0];
        Assert.Equal((Secret, Secret + "2"), (bot.Venue.ApiKey, bot.Venue.ApiSecret));
        Assert.Equal(Secret + "3", bot.Strategies[0].Params["authToken"]);
    }

    [Fact]
    public void SecretFromTheEnvironment_OverALiteralInFile_StillReportsTheLiteral()
    {
        var result = _dir.Load(WithVenue($"apiKey: {Secret}"), new Dictionary<string, string>
        {
            ["BULWARK__Bots__0__Venue__ApiKey"] = "from-env",
        });

        ConfigAssert.HasError(result, "bots[0].venue.apiKey", 3, "secrets come from the environment");
    }

    [Fact]
    public void ToString_NeverPrintsSecrets()
    {
        var bot = new BotConfig
        {
            Venue = new VenueConfig { ApiKey = Secret, ApiSecret = Secret },
            Strategies =
            [
                new StrategyConfig
                {
                    Name = "s",
                    Params = new Dictionary<string, string> { ["apiToken"] = Secret, ["period"] = "10" },
                },
            ],
        };

        var venueText = bot.Venue.ToString();
        var strategyText = bot.Strategies[0].ToString();

        Assert.DoesNotContain(Secret, venueText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, bot.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, strategyText, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", venueText, StringComparison.Ordinal);
        Assert.Contains("InitialCash = 100000", venueText, StringComparison.Ordinal);
        Assert.Contains("period = 10", strategyText, StringComparison.Ordinal);
    }
}
