using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class AroonTests
{
    [Fact]
    public void Update_ReadsHowManyBarsAgoTheWindowsHighAndLowWereMade()
    {
        var aroon = new Aroon(4);
        (decimal H, decimal L)[] bars = [(10m, 8m), (12m, 9m), (11m, 7m), (9m, 8.5m), (9.5m, 9m), (9.2m, 9.1m), (13m, 9.3m)];
        var seen = new List<(bool, decimal, decimal, decimal)>();
        foreach (var (h, l) in bars)
        {
            aroon.Update(h, l);
            seen.Add((aroon.IsReady, aroon.Up, aroon.Down, aroon.Oscillator));
        }
        Assert.Equal(
        [
            (false, 0m, 0m, 0m),
            (false, 0m, 0m, 0m),
            (false, 0m, 0m, 0m),
            (false, 0m, 0m, 0m),
            (true, 25m, 50m, -25m),   // bars 1-5: the 12 three bars ago, the 7 two
            (true, 0m, 25m, -25m),    // bars 2-6: the 12 four bars ago (the window's first), the 7 three
            (true, 100m, 0m, 100m),   // bars 3-7: a new high this bar, the 7 four bars ago
        ], seen);
        Assert.Equal([100m, 0m, 100m], [aroon.GetOutput(0), aroon.GetOutput(1), aroon.GetOutput(2)]);
    }

    [Fact]
    public void Update_OfEqualHighsAndLows_CountsTheLatest()
    {
        var aroon = new Aroon(4);
        foreach (var (h, l) in new[] { (10m, 5m), (12m, 6m), (11m, 5m), (12m, 7m), (11m, 6m) }) aroon.Update(h, l);
        Assert.Equal((75m, 50m), (aroon.Up, aroon.Down)); // the 12 one bar ago, not three; the 5 two bars ago, not four
    }

    [Fact]
    public void Update_OnBarsThatDoNotMove_ReadsOneHundredBothWays()
    {
        var aroon = new Aroon(3);
        for (var i = 0; i < 6; i++) aroon.Update(10m, 10m);
        Assert.Equal((100m, 100m, 0m), (aroon.Up, aroon.Down, aroon.Oscillator));
    }

    /// <summary>Few distinct prices, so ties are common: each reading is the scan's, the latest of equal extremes counting.</summary>
    [Fact]
    public void Update_OnRandomBars_MatchesAScanOfEachWindow() =>
        Prop.ForAll(
            (from period in IndicatorData.Period
             from bars in Gen.ArrayOf(from low in Gen.Choose(1, 5) from range in Gen.Choose(0, 3) select ((decimal)(low + range), (decimal)low))
             select (period, bars)).ToArbitrary(),
            c =>
            {
                var aroon = new Aroon(c.period);
                for (var t = 0; t < c.bars.Length; t++)
                {
                    aroon.Update(c.bars[t].Item1, c.bars[t].Item2);
                    Assert.Equal(t >= c.period, aroon.IsReady);
                    if (!aroon.IsReady) continue;
                    var window = Enumerable.Range(t - c.period, c.period + 1).ToArray();
                    var highAge = t - window.Last(i => c.bars[i].Item1 == window.Max(j => c.bars[j].Item1));
                    var lowAge = t - window.Last(i => c.bars[i].Item2 == window.Min(j => c.bars[j].Item2));
                    Assert.Equal(100m * (c.period - highAge) / c.period, aroon.Up);
                    Assert.Equal(100m * (c.period - lowAge) / c.period, aroon.Down);
                    Assert.Equal(aroon.Up - aroon.Down, aroon.Oscillator);
                    Assert.InRange(aroon.Up, 0m, 100m);
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new Aroon(3).Update(9m, 10m));

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Aroon(0));
}
