using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>A built strategy says every parameter it runs with, given or default, in the form --param takes.</summary>
public sealed class StrategyParametersEffectiveTests
{
    private static StrategyBuildResult Build(string name, params (string Key, string Value)[] parameters) =>
        StrategyCatalog.Build(name, "s1", ["AAA"], parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    [Fact]
    public void Defaults_AreListedInTheOrderTheStrategyReadsThem()
    {
        Assert.Equal([new("period", "10"), new("trendPeriod", "none"), new("trendAverage", "sma"), new("stopLossPercent", "none"), new("trailingStopPercent", "none"), new("takeProfitPercent", "none"),
            new("stopLossAtr", "none"), new("trailingStopAtr", "none"), new("takeProfitAtr", "none"), new("atrPeriod", "14"), new("trailFrom", "close"),
            new("breakEvenPercent", "none"), new("trailActivationPercent", "none"), new("scaleOutPercent", "none"), new("scaleOutSteps", "1"),
            new("maxHoldDays", "none"), new("maxHoldSessions", "none"), new("minAdx", "none"), new("maxAdx", "none"), new("diFilter", "none"), new("adxSlope", "none"), new("adxSlopeBars", "1"),
            new("adxPeriod", "14"), new("minVolumeRatio", "none"), new("maxVolumeRatio", "none"), new KeyValuePair<string, string>("volumePeriod", "20")],
            Build("sma-cross").Parameters);
        Assert.Equal(["fastShort", "fastLong", "trendShort", "trendLong", "allowShort", "trendPeriod", "trendAverage", "stopLossPercent", "trailingStopPercent", "takeProfitPercent",
            "stopLossAtr", "trailingStopAtr", "takeProfitAtr", "atrPeriod", "trailFrom", "breakEvenPercent", "trailActivationPercent", "scaleOutPercent", "scaleOutSteps", "maxHoldDays", "maxHoldSessions", "minAdx", "maxAdx", "diFilter", "adxSlope", "adxSlopeBars", "adxPeriod",
            "minVolumeRatio", "maxVolumeRatio", "volumePeriod"], Build("ema-cloud").Parameters.Keys);
    }

    [Fact]
    public void GivenValues_ReplaceDefaults_NullsReadAsTheirWord_EnumsAndBooleansInLowerCase()
    {
        var grid = Build("grid", ("LEVELS", "7"), ("spacingPercent", " 0.50 "), ("allowShort", "False")).Parameters;
        Assert.Equal("7", grid["levels"]); // the strategy's spelling, whatever the case given
        Assert.Equal("0.50", grid["spacingPercent"]);
        Assert.Equal("false", grid["allowShort"]);
        Assert.Equal(("last", "none", "auto"), (grid["center"], grid["upperBound"], grid["maxInventory"]));

        var hmm = Build("hmm-regime", ("bearish", "SHORT")).Parameters;
        Assert.Equal(("short", "auto", "3"), (hmm["bearish"], hmm["adfLags"], hmm["restarts"]));
    }

    [Fact]
    public void TheListedParameters_BuildTheSameStrategyAgain()
    {
        var first = Build("grid", ("levels", "3"), ("atrMultiple", "1.5"), ("spacingPercent", "off"), ("sizeScale", "1.25"));
        var again = StrategyCatalog.Build("grid", "s1", ["AAA"], first.Parameters);

        Assert.True(again.Ok, string.Join("; ", again.Problems));
        Assert.Equal(first.Parameters, again.Parameters);
    }

    [Fact]
    public void AGridGivenNoSpacing_SaysTheSpacingItRunsWith_AndThatBuildsTheSameGrid()
    {
        var first = Build("grid");
        Assert.Equal(("1", "off"), (first.Parameters["spacingPercent"], first.Parameters["atrMultiple"]));

        var again = StrategyCatalog.Build("grid", "s1", ["AAA"], first.Parameters);
        Assert.True(again.Ok, string.Join("; ", again.Problems));
        Assert.Equal(first.Parameters, again.Parameters);
        Assert.Equal("off", Build("grid", ("atrMultiple", "2")).Parameters["spacingPercent"]); // ATR spacing: no percentage
    }
}
