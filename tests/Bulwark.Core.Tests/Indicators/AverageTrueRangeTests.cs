using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class AverageTrueRangeTests
{
    [Fact]
    public void Value_IsTheMeanTrueRangeThenWilderSmoothed_WithGapsMeasuredFromThePreviousClose()
    {
        var atr = new AverageTrueRange(3);
        var seen = new List<(bool, decimal)>();
        (decimal H, decimal L, decimal C)[] bars =
        [
            (10m, 8m, 9m),      // first bar: high - low = 2
            (11m, 9m, 10m),     // max(11, 9) - min(9, 9) = 2
            (12m, 10m, 11m),    // max(12, 10) - min(10, 10) = 2 -> seed (2+2+2)/3 = 2
            (15m, 12m, 14m),    // max(15, 11) - min(12, 11) = 4 -> (2*2 + 4)/3 = 8/3
            (20m, 19m, 19.5m),  // gap up: max(20, 14) - min(19, 14) = 6 -> (8/3*2 + 6)/3 = 34/9
        ];
        foreach (var (h, l, c) in bars)
        {
            atr.Update(h, l, c);
            seen.Add((atr.IsReady, atr.Value));
        }
        Assert.Equal([(false, 0m), (false, 0m), (true, 2m)], seen[..3]);
        IndicatorData.Close(8m / 3m, seen[3].Item2, "ATR after the 4th bar");
        IndicatorData.Close(34m / 9m, seen[4].Item2, "ATR after the gap");
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheClosedFormOfClassicTrueRanges() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, c =>
        {
            var expected = NaiveIndicators.Atr(c.Bars, c.Period);
            var atr = new AverageTrueRange(c.Period);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                atr.Update(in bar);
                Assert.Equal(expected[t].HasValue, atr.IsReady);
                if (expected[t] is { } e) IndicatorData.Close(e, atr.Value, $"ATR({c.Period}) at {t}");
                Assert.Equal(atr.Value, atr.GetOutput(0));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new AverageTrueRange(3).Update(9m, 10m, 9.5m));

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AverageTrueRange(0));
}
