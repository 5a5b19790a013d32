using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class RateOfChangeTests
{
    [Fact]
    public void Value_IsThePercentChangeOverThePeriod()
    {
        var roc = new RateOfChange(2);
        roc.Update(100m);
        roc.Update(90m);
        Assert.False(roc.IsReady);
        roc.Update(110m);
        Assert.True(roc.IsReady);
        Assert.Equal(10m, roc.Value);
        roc.Update(72m); // against 90
        Assert.Equal(-20m, roc.GetOutput(0));
    }

    [Fact]
    public void Past_IsTheValuePeriodValuesBeforeTheLatest_EvenWhereTheChangeIsZero()
    {
        var roc = new RateOfChange(2);
        roc.Update(0m);
        roc.Update(90m);
        Assert.Equal(0m, roc.Past); // before ready
        roc.Update(110m);
        Assert.Equal((0m, 0m), (roc.Past, roc.Value)); // measured from 0: no change, but the value then was 0
        roc.Update(72m);
        Assert.Equal(90m, roc.Past);
    }

    [Fact]
    public void FromZeroOrANegativePrice_MeasuresAgainstItsSize()
    {
        var roc = new RateOfChange(1);
        roc.Update(0m);
        roc.Update(5m);
        Assert.Equal(0m, roc.Value); // no change to measure from 0
        roc.Update(-5m);
        roc.Update(-2.5m); // a spread rising from -5 to -2.5: up 50%
        Assert.Equal(50m, roc.Value);
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheChangeRecomputed() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var expected = NaiveIndicators.RateOfChange(c.Values, c.Period);
            var roc = new RateOfChange(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                roc.Update(c.Values[t]);
                Assert.Equal(expected[t].HasValue, roc.IsReady);
                if (expected[t] is { } e) Assert.Equal(e, roc.Value);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateOfChange(0));
}
