using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    [Fact]
    public void Value_UsesWilderAveragesOfGainsAndLosses_ReadyAfterPeriodChanges()
    {
        var rsi = new RelativeStrengthIndex(2);
        var seen = new List<(bool Ready, decimal Value)>();
        foreach (var v in new[] { 10m, 11m, 10.5m, 12m, 12m, 11m })
        {
            rsi.Update(v);
            seen.Add((rsi.IsReady, rsi.Value));
        }
        // changes +1, -0.5, +1.5, 0, -1
        // seed: gain (1+0)/2 = 0.5, loss (0+0.5)/2 = 0.25 -> 100 * 0.5/0.75
        // then gain (0.5+1.5)/2 = 1, loss (0.25+0)/2 = 0.125 -> 100 * 1/1.125
        // then gain 0.5, loss 0.0625 -> 100 * 0.5/0.5625
        // then gain 0.25, loss (0.0625+1)/2 = 0.53125 -> 100 * 0.25/0.78125 = 32
        Assert.Equal([false, false, true, true, true, true], seen.Select(s => s.Ready));
        IndicatorData.Close(200m / 3m, seen[2].Value, "RSI at the seed");
        IndicatorData.Close(800m / 9m, seen[3].Value, "RSI after a gain");
        IndicatorData.Close(800m / 9m, seen[4].Value, "RSI after no change");
        IndicatorData.Close(32m, seen[5].Value, "RSI after a loss");
    }

    [Fact]
    public void Value_WithoutAnyLoss_Is100()
    {
        var rsi = new RelativeStrengthIndex(3);
        foreach (var v in new[] { 5m, 5m, 6m, 7m, 7m }) rsi.Update(v);
        Assert.Equal(100m, rsi.Value);
    }

    [Fact]
    public void Value_OfUnchangedPrices_Is50_NeitherOverboughtNorOversold()
    {
        var rsi = new RelativeStrengthIndex(3);
        foreach (var v in new[] { 10m, 10m, 10m, 10m }) rsi.Update(v);
        Assert.True(rsi.IsReady);
        Assert.Equal(50m, rsi.Value);
        // A gain and no loss is still 100: only no move at all reads as neutral.
        var after = new RelativeStrengthIndex(2);
        foreach (var v in new[] { 10m, 11m, 11m }) after.Update(v);
        Assert.Equal(100m, after.Value);
    }

    [Fact]
    public void Value_WithoutAnyGain_IsZero()
    {
        var rsi = new RelativeStrengthIndex(2);
        foreach (var v in new[] { 9m, 8m, 7m }) rsi.Update(v);
        Assert.True(rsi.IsReady);
        Assert.Equal(0m, rsi.Value);
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheNaiveGainShare() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var expected = NaiveIndicators.Rsi(c.Values, c.Period);
            var rsi = new RelativeStrengthIndex(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                var bar = IndicatorData.CloseBar(c.Values[t], t);
                rsi.Update(in bar);
                Assert.Equal(expected[t].HasValue, rsi.IsReady);
                if (expected[t] is { } e) IndicatorData.Close(e, rsi.Value, $"RSI({c.Period}) at {t}");
                Assert.InRange(rsi.Value, 0m, 100m);
                Assert.Equal(rsi.Value, rsi.GetOutput(0));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(0));
}
