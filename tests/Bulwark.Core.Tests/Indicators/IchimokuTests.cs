using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class IchimokuTests
{
    [Fact]
    public void Update_ReadsTheMidpointsAndTheCloudMadeDisplacementBarsBefore()
    {
        var ichimoku = new Ichimoku(1, 2, 3, 1);
        (decimal H, decimal L)[] bars = [(11m, 9m), (13m, 10m), (12m, 10.5m), (12m, 10m), (14m, 11m)];
        var seen = new List<(bool, decimal, decimal, decimal, decimal, decimal, decimal)>();
        foreach (var (h, l) in bars)
        {
            ichimoku.Update(h, l);
            seen.Add((ichimoku.IsReady, ichimoku.Conversion, ichimoku.Base, ichimoku.SpanA, ichimoku.SpanB, ichimoku.LeadA, ichimoku.LeadB));
        }
        Assert.Equal(
        [
            (false, 0m, 0m, 0m, 0m, 0m, 0m),
            (false, 0m, 0m, 0m, 0m, 0m, 0m),
            (false, 0m, 0m, 0m, 0m, 0m, 0m), // span B's three bars are in, but the cloud at this bar was made a bar ago
            // Bar 4: this bar's midpoint 11; bars 3-4, 12 and 10: 11. The cloud made at bar 3: (11.25 + 11.5) / 2 and
            // bars 1-3, 13 and 9: 11. Made now: (11 + 11) / 2 and bars 2-4, 13 and 10: 11.5.
            (true, 11m, 11m, 11.375m, 11m, 11m, 11.5m),
            // Bar 5: 12.5; bars 4-5, 14 and 10: 12. The cloud made at bar 4; made now (12.5 + 12) / 2 and bars 3-5: 12.
            (true, 12.5m, 12m, 11m, 11.5m, 12.25m, 12m),
        ], seen);
        Assert.Equal([12.5m, 12m, 11m, 11.5m, 12.25m, 12m], Enumerable.Range(0, 6).Select(ichimoku.GetOutput));
        Assert.Equal((11.5m, 11m), (ichimoku.CloudTop, ichimoku.CloudBottom));
    }

    [Fact]
    public void Constructor_WithoutArguments_TakesTheUsualPeriodsAndIsReadyAfterSeventyEightBars()
    {
        var ichimoku = new Ichimoku();
        Assert.Equal((9, 26, 52, 26), (ichimoku.ConversionPeriod, ichimoku.BasePeriod, ichimoku.SpanBPeriod, ichimoku.Displacement));
        for (var i = 0; i < 77; i++) ichimoku.Update(10m + i, 9m + i);
        Assert.False(ichimoku.IsReady);
        ichimoku.Update(87m, 86m);
        Assert.True(ichimoku.IsReady);
    }

    /// <summary>Each line is the scan's: midpoints of each window, and the spans are the leads of Displacement bars before.</summary>
    [Fact]
    public void Update_OnRandomBars_MatchesAScanOfEachWindow() =>
        Prop.ForAll(
            (from t in Gen.Choose(1, 6)
             from k in Gen.Choose(1, 6)
             from s in Gen.Choose(1, 9)
             from d in Gen.Choose(1, 8)
             from bars in Gen.ArrayOf(IndicatorData.Hlc)
             select (t, k, s, d, bars)).ToArbitrary(),
            c =>
            {
                var ichimoku = new Ichimoku(c.t, c.k, c.s, c.d);
                decimal Mid(int period, int end) =>
                    (Enumerable.Range(end - period + 1, period).Max(i => c.bars[i].High) + Enumerable.Range(end - period + 1, period).Min(i => c.bars[i].Low)) / 2m;
                decimal LeadA(int end) => (Mid(c.t, end) + Mid(c.k, end)) / 2m;
                var ready = Math.Max(Math.Max(c.t, c.k), c.s) + c.d;
                for (var n = 0; n < c.bars.Length; n++)
                {
                    ichimoku.Update(c.bars[n].High, c.bars[n].Low);
                    Assert.Equal(n + 1 >= ready, ichimoku.IsReady);
                    if (!ichimoku.IsReady) continue;
                    Assert.Equal(
                        [Mid(c.t, n), Mid(c.k, n), LeadA(n - c.d), Mid(c.s, n - c.d), LeadA(n), Mid(c.s, n)],
                        Enumerable.Range(0, 6).Select(ichimoku.GetOutput));
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new Ichimoku().Update(9m, 10m));

    [Theory]
    [InlineData(0, 26, 52, 26)]
    [InlineData(9, 0, 52, 26)]
    [InlineData(9, 26, 0, 26)]
    [InlineData(9, 26, 52, 0)]
    public void Constructor_WithAPeriodBelowOne_Throws(int conversion, int @base, int spanB, int displacement) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ichimoku(conversion, @base, spanB, displacement));

    [Fact]
    public void GetOutput_PastTheSixth_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ichimoku().GetOutput(6));
}
