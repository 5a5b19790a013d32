using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class DonchianChannelTests
{
    [Fact]
    public void Channel_IsTheHighestHighAndLowestLowOfTheWindow_TheLatestBarIncluded()
    {
        var channel = new DonchianChannel(3);
        (decimal H, decimal L)[] bars = [(10m, 8m), (12m, 9m), (11m, 7m), (9m, 8.5m), (9.5m, 9m), (9.2m, 9.1m)];
        var seen = new List<(bool, decimal, decimal, decimal)>();
        foreach (var (h, l) in bars)
        {
            channel.Update(h, l);
            seen.Add((channel.IsReady, channel.Upper, channel.Lower, channel.Middle));
        }
        Assert.Equal(
        [
            (false, 0m, 0m, 0m),
            (false, 0m, 0m, 0m),
            (true, 12m, 7m, 9.5m),   // bars 1-3
            (true, 12m, 7m, 9.5m),   // bars 2-4: the 12 is still in
            (true, 11m, 7m, 9m),     // bars 3-5: the 12 has left
            (true, 9.5m, 8.5m, 9m),  // bars 4-6: the 7 and the 11 have left
        ], seen);
        Assert.Equal([9m, 9.5m, 8.5m], [channel.GetOutput(0), channel.GetOutput(1), channel.GetOutput(2)]);
    }

    [Fact]
    public void Update_OnRandomBars_MatchesAScanOfEachWindow() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, c =>
        {
            var expected = NaiveIndicators.Range(c.Bars, c.Period);
            var channel = new DonchianChannel(c.Period);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                channel.Update(in bar);
                Assert.Equal(expected[t].HasValue, channel.IsReady);
                if (expected[t] is var (hh, ll)) Assert.Equal((hh, ll, (hh + ll) / 2m), (channel.Upper, channel.Lower, channel.Middle));
            }
        }).QuickCheckThrowOnFailure();

    /// <summary>Few distinct prices, so ties, runs up and runs down (the queue's emptying and filling) are common.</summary>
    [Fact]
    public void Update_OnBarsWithManyTies_MatchesAScanOfEachWindow() =>
        Prop.ForAll(
            (from period in IndicatorData.Period
             from bars in Gen.ArrayOf(from low in Gen.Choose(1, 4) from range in Gen.Choose(0, 2) select ((decimal)(low + range), (decimal)low, (decimal)low))
             select (period, bars)).ToArbitrary(),
            c =>
            {
                var expected = NaiveIndicators.Range(c.bars, c.period);
                var channel = new DonchianChannel(c.period);
                for (var t = 0; t < c.bars.Length; t++)
                {
                    channel.Update(c.bars[t].Item1, c.bars[t].Item2);
                    if (expected[t] is var (hh, ll)) Assert.Equal((hh, ll), (channel.Upper, channel.Lower));
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new DonchianChannel(3).Update(9m, 10m));

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DonchianChannel(0));
}
