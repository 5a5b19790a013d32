using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Host.Configuration.Binding;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ValueKindsTests
{
    [Theory]
    [InlineData("fixedNotional", SizingMode.FixedNotional)]
    [InlineData("FIXEDNOTIONAL", SizingMode.FixedNotional)]
    [InlineData("percentofequity", SizingMode.PercentOfEquity)]
    [InlineData("FixedQuantity", SizingMode.FixedQuantity)]
    public void Enum_MatchesNamesCaseInsensitively(string text, SizingMode expected)
    {
        Assert.True(ValueKinds.Enum<SizingMode>().TryParse(text, out var mode));

        Assert.Equal(expected, mode);
    }

    [Fact]
    public void Enum_RefusesNumbersAndUnknownNames()
    {
        var kind = ValueKinds.Enum<SizingMode>();

        Assert.False(kind.TryParse("1", out _));
        Assert.False(kind.TryParse("fixed", out _));
        Assert.Equal("one of fixedQuantity, fixedNotional, percentOfEquity, riskPercent, volatility", kind.Expected);
    }

    [Fact]
    public void Load_BindsEnumsWrittenInAnyCase()
    {
        using var dir = new TempConfigDirectory();

        var config = ConfigAssert.Loaded(dir.Load(ConfigLoaderErrorTests.ValidYaml
            .Replace("instruments: [ { symbol: AAA } ]", "instruments: [ { symbol: AAA, assetClass: CRYPTO } ]", StringComparison.Ordinal)
            .Replace("sizing: { quantity: 3 }", "sizing: { mode: PercentOfEquity, useAdaptiveWeights: TRUE }", StringComparison.Ordinal)));

        var bot = config.Bots[0];
        Assert.Equal(AssetClass.Crypto, bot.Instruments[0].AssetClass);
        Assert.Equal((SizingMode.PercentOfEquity, true), (bot.Sizing.Mode, bot.Sizing.UseAdaptiveWeights));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Bool_ReadsTrueAndFalse(string text, bool expected)
    {
        Assert.True(ValueKinds.Bool.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void Bool_RefusesOtherSpellings(string text) => Assert.False(ValueKinds.Bool.TryParse(text, out _));

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("0.000001", 0.000001)]
    [InlineData("-2.5", -2.5)]
    public void Decimal_ReadsInvariantNumbers(string text, double expected)
    {
        Assert.True(ValueKinds.Decimal.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("ten")]
    public void Decimal_RefusesOtherForms(string text) => Assert.False(ValueKinds.Decimal.TryParse(text, out _));
}
