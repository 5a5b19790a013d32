using Bulwark.Host.Configuration.Binding;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Host.Tests.Configuration;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 500)]
    [InlineData("20s", 0, 0, 20, 0)]
    [InlineData("5m", 0, 5, 0, 0)]
    [InlineData("1h", 1, 0, 0, 0)]
    [InlineData("1d", 24, 0, 0, 0)]
    [InlineData("1h30m", 1, 30, 0, 0)]
    [InlineData("1.5h", 1, 30, 0, 0)]
    [InlineData("2m0.25s", 0, 2, 0, 250)]
    [InlineData("00:00:05", 0, 0, 5, 0)]
    [InlineData("01:02:03", 1, 2, 3, 0)]
    [InlineData("1.02:00:00", 26, 0, 0, 0)]
    [InlineData(" 5s ", 0, 0, 5, 0)]
    public void TryParse_ReadsUnitsAndClockForms(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));

        Assert.Equal(new TimeSpan(0, hours, minutes, seconds, milliseconds), value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("ten")]
    [InlineData("5x")]
    [InlineData("5M")]
    [InlineData("1 h")]
    [InlineData("-5s")]
    [InlineData("")]
    [InlineData("99999999999999999999999999d")]
    [InlineData("25:00:00")]
    public void TryParse_RefusesAnythingElse(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_ReadsBackAnyClockFormDuration()
    {
        var durations = Gen.Choose(0, int.MaxValue).Select(ms => TimeSpan.FromMilliseconds(ms)).ToArbitrary();

        Prop.ForAll(durations, d => DurationParser.TryParse(d.ToString("c"), out var back) && back == d)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_ReadsAnyWholeNumberOfMilliseconds()
    {
        var counts = Gen.Choose(0, int.MaxValue).ToArbitrary();

        Prop.ForAll(counts, n => DurationParser.TryParse($"{n}ms", out var back) && back == TimeSpan.FromMilliseconds(n))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Load_BindsDurationsIntoRouterAndRisk()
    {
        using var dir = new TempConfigDirectory();

        var config = ConfigAssert.Loaded(dir.Load(ConfigLoaderErrorTests.ValidYaml
            + "    router: { submitTimeout: 00:00:10, backoff: 250ms }\n    risk: { breakerCooldown: 1h30m }\n"));

        var bot = config.Bots[0];
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250)), (bot.Router.SubmitTimeout, bot.Router.Backoff));
        Assert.Equal(TimeSpan.FromMinutes(90), bot.Risk.BreakerCooldown);
    }

    [Fact]
    public void Load_WhenTimeoutIsZero_SaysItMustBeLonger()
    {
        using var dir = new TempConfigDirectory();

        var result = dir.Load(ConfigLoaderErrorTests.ValidYaml + "    router: { submitTimeout: 0s }\n");

        ConfigAssert.HasError(result, "bots[0].router.submitTimeout", 9, "must be longer than 0");
    }
}
