using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>Hutson's TRIX, the one-bar percent change of a triple-smoothed EMA, with and without its signal line.</summary>
public sealed class TrixTests
{
    [Fact]
    public void HandWorked_TheThirdEmaChanges_InPercent_AndTheSignalAveragesThem()
    {
        // EMA(2), factor 2/3, on 1 3 7 5 4 6: 2, 16/3, 46/9, 118/27, 442/81. Its EMA: 11/3, 125/27, 361/81, 415/81; the EMA of
        // that, seeded at the fourth with 112/27, then 1058/243 and 3548/729. TRIX: 100 × (1058/243 - 112/27) / (112/27) =
        // 625/126 at the fifth, 100 × (3548/729 - 1058/243) / (1058/243) = 18700/1587 at the sixth. A signal of 2 is seeded
        // with their mean, 1116025/133308, and the histogram is the line less it, 454775/133308.
        var trix = new Trix(2);
        var signalled = new Trix(2, 2);
        var lines = new List<decimal>();
        foreach (var v in new[] { 1m, 3m, 7m, 5m, 4m, 6m })
        {
            trix.Update(v);
            signalled.Update(v);
            lines.Add(Round(trix.Line));
        }
        Assert.Equal([0m, 0m, 0m, 0m, Round(625m / 126m), Round(18700m / 1587m)], lines);
        Assert.Equal(
            (Round(18700m / 1587m), Round(1116025m / 133308m), Round(454775m / 133308m)),
            (Round(signalled.GetOutput(0)), Round(signalled.GetOutput(1)), Round(signalled.GetOutput(2))));
    }

    [Fact]
    public void OnRandomSeries_MatchesTheDefinition() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c => Follows(new Trix(c.Period), NaiveIndicators.Trix(c.Values, c.Period), c.Values))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void WithASignalLine_OnRandomSeries_MatchesTheDefinition() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, IndicatorData.Period.ToArbitrary(), (c, signal) =>
            Follows(new Trix(c.Period, signal), NaiveIndicators.Trix(c.Values, c.Period, signal), c.Values))
        .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void OnAStraightLine_ItIsTheStepOverTheValueThreeLagsBehind(int period)
    {
        // Each EMA of n seeded with the mean lags a line by (n - 1)/2 steps, so the third sits 3 (n - 1)/2 steps behind the
        // value, and its change is one step. (Factors 1/2 and 1/5: exact.)
        var trix = new Trix(period);
        var lag = 2.5m * 3m * (period - 1) / 2m;
        for (var i = 0; i < 80; i++)
        {
            var v = 100m + (2.5m * i);
            trix.Update(v);
            if (trix.IsReady) Assert.Equal(Round(100m * 2.5m / (v - 2.5m - lag)), Round(trix.Line));
        }
    }

    [Fact]
    public void OnARisingZigzag_ItStaysAboveZero_WhereTheOneBarChangeFlipsEachBar()
    {
        // +7 then -5 a bar: the rate of change turns each bar; three EMAs of 5 each cut a two-bar swing to a fifth, so the
        // triple-smoothed line keeps rising.
        var trix = new Trix(5);
        var roc = new RateOfChange(1);
        var (rocSigns, trixSigns) = (new HashSet<int>(), new HashSet<int>());
        for (var i = 0; i < 100; i++)
        {
            var v = 100m + i + (i % 2 == 0 ? 3m : -3m);
            trix.Update(v);
            roc.Update(v);
            if (trix.IsReady) (_, _) = (rocSigns.Add(Math.Sign(roc.Value)), trixSigns.Add(Math.Sign(trix.Line)));
        }
        Assert.Equal([-1, 1], rocSigns.Order());
        Assert.Equal([1], trixSigns);
    }

    [Fact]
    public void OfOne_IsTheOneBarRateOfChange_FromZeroAndBelowIt()
    {
        // A spread or a future can print 0 or less: the change from 0 is 0, and from below 0 a rise is still positive.
        var trix = new Trix(1);
        var roc = new RateOfChange(1);
        foreach (var v in new[] { -4m, -2m, 0m, 3m, -1m, -1.5m })
        {
            trix.Update(v);
            roc.Update(v);
            Assert.Equal((roc.IsReady, roc.Value), (trix.IsReady, trix.Line));
        }
        Assert.Equal(-50m, trix.Line);
    }

    [Theory]
    [InlineData(1, null, 2)]
    [InlineData(2, null, 5)]
    [InlineData(15, null, 44)]
    [InlineData(2, 2, 6)]
    [InlineData(15, 9, 52)]
    [InlineData(100_000, null, 299_999)]
    [InlineData(100_000, 100_000, 399_998)]
    public void BarsToReady_IsThricePeriodLessOne_AndTheSignalsPeriodLessOneMore(int period, int? signal, int bars)
    {
        Assert.Equal((bars, bars), (Trix.BarsToReadyOf(period, signal), new Trix(period, signal).BarsToReady));
        var trix = new Trix(Math.Min(period, 20), signal is null ? null : Math.Min(signal.Value, 20));
        var seen = 0;
        while (!trix.IsReady) trix.Update(100m + (seen++ % 7));
        Assert.Equal(trix.BarsToReady, seen);
    }

    [Fact]
    public void Outputs_AreTheLineAlone_OrTheLineSignalAndHistogram()
    {
        var alone = new Trix(3);
        var signalled = new Trix(3, 4);
        Assert.Equal((1, 3, null, 4), (alone.OutputCount, signalled.OutputCount, alone.SignalPeriod, signalled.SignalPeriod));
        foreach (var v in Enumerable.Range(1, 20).Select(i => 50m + (i * i % 11)))
        {
            alone.Update(v);
            signalled.Update(v);
        }
        Assert.Equal((alone.Line, 0m, 0m), (alone.GetOutput(0), alone.Signal, alone.Histogram));
        Assert.Equal(signalled.Line - signalled.Signal, signalled.Histogram);
        Assert.Throws<ArgumentOutOfRangeException>(() => alone.GetOutput(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => signalled.GetOutput(3));
    }

    [Fact]
    public void UpdateWithBar_TakesTheClose()
    {
        var trix = new Trix(1);
        trix.Update(IndicatorData.ToBar((30m, 15m, 20m), 0));
        trix.Update(IndicatorData.ToBar((40m, 10m, 25m), 1));
        Assert.Equal(25m, trix.Line);
    }

    [Fact]
    public void Constructor_WithAPeriodBelowOne_Throws()
    {
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new Trix(0)).ParamName);
        Assert.Equal("signalPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => new Trix(3, 0)).ParamName);
    }

    /// <summary>
    /// Feeds the values as closes, checking the indicator is ready exactly where the definition's line has a value (with
    /// a signal line, where all three have), the outputs then, and 0 before.
    /// </summary>
    private static void Follows(Trix trix, (decimal?[] Line, decimal?[] Signal, decimal?[] Histogram) expected, decimal[] values)
    {
        for (var t = 0; t < values.Length; t++)
        {
            trix.Update(IndicatorData.CloseBar(values[t], t));
            Assert.Equal(expected.Line[t].HasValue, trix.IsReady);
            if (!trix.IsReady) Assert.Equal((0m, 0m, 0m), (trix.Line, trix.Signal, trix.Histogram));
            if (expected.Line[t] is { } line) IndicatorData.Close(line, trix.Line, $"TRIX({trix.Period}) at {t}");
            if (expected.Signal[t] is { } signal) IndicatorData.Close(signal, trix.Signal, $"its signal at {t}");
            if (expected.Histogram[t] is { } histogram) IndicatorData.Close(histogram, trix.Histogram, $"its histogram at {t}");
            if (trix.IsReady && trix.SignalPeriod is not null) Assert.True(expected.Signal[t].HasValue);
        }
        if (values.Length >= trix.BarsToReady) Assert.True(trix.IsReady);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 20);
}
