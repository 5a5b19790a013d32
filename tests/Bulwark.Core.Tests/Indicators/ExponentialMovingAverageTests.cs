using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    [Fact]
    public void Value_IsSeededWithTheSimpleMeanThenSmoothed()
    {
        var ema = new ExponentialMovingAverage(3); // factor 2/(3+1) = 0.5
        var seen = new List<(bool, decimal)>();
        foreach (var v in new[] { 2m, 4m, 6m, 8m, 4m })
        {
            ema.Update(v);
            seen.Add((ema.IsReady, ema.Value));
        }
        // seed (2+4+6)/3 = 4; 4 + 0.5*(8-4) = 6; 6 + 0.5*(4-6) = 5
        Assert.Equal([(false, 0m), (false, 0m), (true, 4m), (true, 6m), (true, 5m)], seen);
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheClosedFormWeightedSum() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var expected = NaiveIndicators.Ema(c.Values, c.Period);
            var ema = new ExponentialMovingAverage(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                ema.Update(c.Values[t]);
                Assert.Equal(expected[t].HasValue, ema.IsReady);
                if (expected[t] is { } e) IndicatorData.Close(e, ema.Value, $"EMA({c.Period}) at {t}");
                Assert.Equal(ema.Value, ema.GetOutput(0));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void PeriodOne_FollowsTheInput()
    {
        var ema = new ExponentialMovingAverage(1);
        ema.Update(IndicatorData.CloseBar(7m, 0));
        ema.Update(IndicatorData.CloseBar(3m, 1));
        Assert.Equal(3m, ema.Value);
    }

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(0));
}
