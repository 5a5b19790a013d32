using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    [Fact]
    public void Value_IsTheMeanOfTheLastPeriodValues_OnceReady()
    {
        var sma = new SimpleMovingAverage(3);
        var seen = new List<(bool, decimal)>();
        foreach (var v in new[] { 1m, 2m, 6m, 10m, 2m })
        {
            sma.Update(v);
            seen.Add((sma.IsReady, sma.Value));
        }
        // (1+2+6)/3, (2+6+10)/3, (6+10+2)/3
        Assert.Equal([(false, 0m), (false, 0m), (true, 3m), (true, 6m), (true, 6m)], seen);
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheNaiveWindowMean() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var expected = NaiveIndicators.Sma(c.Values, c.Period);
            var sma = new SimpleMovingAverage(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                sma.Update(c.Values[t]);
                Assert.Equal(expected[t].HasValue, sma.IsReady);
                if (expected[t] is { } e) IndicatorData.Close(e, sma.Value, $"SMA({c.Period}) at {t}");
                Assert.Equal(sma.Value, sma.GetOutput(0));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SideOf_IsTheSignOfTheValueMinusTheExactMean_OnRandomSeries() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var sma = new SimpleMovingAverage(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                sma.Update(c.Values[t]);
                var probe = c.Values[(t * 7) % c.Values.Length];
                var window = c.Values.Skip(Math.Max(0, t + 1 - c.Period)).Take(Math.Min(t + 1, c.Period)).ToArray();
                // probe > mean exactly when probe × n > sum (n > 0), with no rounded division in between.
                var expected = sma.IsReady ? Math.Sign((probe * window.Length) - window.Sum()) : 0;
                Assert.Equal(expected, sma.SideOf(probe));
                if (sma.IsReady && sma.Value != probe) Assert.Equal(Math.Sign(probe - sma.Value), sma.SideOf(probe));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SideOf_OnTheMean_IsZero_AndBeforeReady_IsZero()
    {
        var sma = new SimpleMovingAverage(3);
        sma.Update(1m);
        Assert.Equal(0, sma.SideOf(5m));
        sma.Update(2m);
        sma.Update(6m);
        Assert.Equal((0, 1, -1), (sma.SideOf(3m), sma.SideOf(3.0000001m), sma.SideOf(2.9999999m)));
    }

    [Fact]
    public void UpdateWithBar_AveragesTheClose()
    {
        var sma = new SimpleMovingAverage(2);
        sma.Update(IndicatorData.ToBar((12m, 8m, 10m), 0));
        sma.Update(IndicatorData.ToBar((30m, 15m, 20m), 1));
        Assert.Equal(15m, sma.Value);
    }

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(0));
}
