using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>The supertrend: bands that only tighten, a trend that turns on a close beyond the band, and its line.</summary>
public sealed class SupertrendTests
{
    [Fact]
    public void TheLine_TrailsTheClosesAndJumpsToTheOtherBandWhenTheTrendTurns()
    {
        var supertrend = new Supertrend(2, 1m);
        (decimal High, decimal Low, decimal Close)[] bars = [(10m, 8m, 9m), (11m, 9m, 10m), (13m, 11m, 12.5m), (12m, 10m, 10m), (10m, 8m, 9m), (12m, 10m, 11.5m)];
        var read = bars.Select((b, t) =>
        {
            supertrend.Update(IndicatorData.ToBar(b, t));
            return supertrend.IsReady ? (supertrend.Line, supertrend.GetOutput(1)) : ((decimal, decimal)?)null;
        }).ToArray();
        // bar 1: ATR(2) 2, midpoint 10: bands 12 and 8, a downtrend to start, the line on the upper band.
        // bar 2: ATR 2.5, midpoint 12: the upper band keeps 12 (14.5 is not lower), the lower rises to 9.5; 12.5 > 12 turns up.
        // bar 3: ATR 2.5, midpoint 11: the last close was above the upper band, so it takes 13.5; the lower keeps 9.5 (8.5
        // is not higher); 10 >= 9.5 stays up. bar 4: ATR 2.25, midpoint 9: the upper falls to 11.25; 9 < 9.5 turns down.
        // bar 5: ATR 2.625, midpoint 11: the last close (9) was below the lower band, so it takes 8.375; 11.5 > 11.25 turns up.
        Assert.Equal([null, (12m, -1m), (9.5m, 1m), (9.5m, 1m), (11.25m, -1m), (8.375m, 1m)], read);
        Assert.Equal((11.25m, 8.375m, true), (supertrend.Upper, supertrend.Lower, supertrend.IsUp));
        Assert.Equal(supertrend.Line, supertrend.GetOutput(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => supertrend.GetOutput(2));
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheChartingFormulation() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, Gen.Choose(1, 40).Select(k => k / 10m).ToArbitrary(), (c, k) =>
        {
            var expected = Charted(c.Bars, c.Period, k);
            var supertrend = new Supertrend(c.Period, k);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                supertrend.Update(IndicatorData.ToBar(c.Bars[t], t));
                Assert.Equal(expected[t].HasValue, supertrend.IsReady);
                if (expected[t] is not { } e) continue;
                IndicatorData.Close(e.Line, supertrend.Line, $"line at {t}");
                Assert.True(e.Up == supertrend.IsUp, $"direction at {t}");
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheBands_OnlyTighten_AndTheTrendTurnsOnlyOnACloseBeyondOne() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, Gen.Choose(1, 40).Select(k => k / 10m).ToArbitrary(), (c, k) =>
        {
            var supertrend = new Supertrend(c.Period, k);
            var (upper, lower, up, previousClose, ready) = (0m, 0m, false, 0m, false);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                supertrend.Update(IndicatorData.ToBar(c.Bars[t], t));
                var close = c.Bars[t].Close;
                if (ready)
                {
                    // The upper band rises only on the bar after a close above it, the lower falls only after one below.
                    Assert.True(supertrend.Upper <= upper || previousClose > upper, $"the upper band rose at {t}");
                    Assert.True(supertrend.Lower >= lower || previousClose < lower, $"the lower band fell at {t}");
                    if (supertrend.IsUp != up) Assert.True(up ? close < supertrend.Lower : close > supertrend.Upper, $"a turn without a close beyond the band at {t}");
                    else Assert.True(up ? close >= supertrend.Line : close <= supertrend.Line, $"the close crossed the line without a turn at {t}");
                }
                (upper, lower, up, previousClose, ready) = (supertrend.Upper, supertrend.Lower, supertrend.IsUp, close, supertrend.IsReady);
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 3)]
    [InlineData(10, 0)]
    [InlineData(10, -1)]
    public void Constructor_WithBadParameters_Throws(int period, int multiplier) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Supertrend(period, multiplier));

    /// <summary>
    /// The supertrend as charting scripts write it, the direction read from whether the last line was the upper band (a
    /// downtrend then) rather than kept; the scripts' bands start from zero, which this one does not copy: a lower band
    /// below zero on the first bar would stay at zero there.
    /// </summary>
    private static (decimal Line, bool Up)?[] Charted((decimal High, decimal Low, decimal Close)[] bars, int n, decimal k)
    {
        var atr = NaiveIndicators.Atr(bars, n);
        var result = new (decimal Line, bool Up)?[bars.Length];
        decimal upper = 0m, lower = 0m, line = 0m;
        for (var t = 0; t < bars.Length; t++)
        {
            if (atr[t] is not { } range) continue;
            var (high, low, close) = bars[t];
            var previousClose = t > 0 ? bars[t - 1].Close : 0m;
            var basicUpper = ((high + low) / 2m) + (k * range);
            var basicLower = ((high + low) / 2m) - (k * range);
            var started = t > 0 && result[t - 1] is not null;
            var newUpper = !started || basicUpper < upper || previousClose > upper ? basicUpper : upper;
            var newLower = !started || basicLower > lower || previousClose < lower ? basicLower : lower;
            var up = started && (line == upper ? close > newUpper : close >= newLower);
            (upper, lower) = (newUpper, newLower);
            line = up ? lower : upper;
            result[t] = (line, up);
        }
        return result;
    }
}
