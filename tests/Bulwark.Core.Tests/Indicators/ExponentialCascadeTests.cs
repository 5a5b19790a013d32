using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>Mulloy's double and triple exponential averages (<see cref="ExponentialCascade"/>).</summary>
public sealed class ExponentialCascadeTests
{
    [Fact]
    public void HandWorked_TheLayersSeedInTurn_AndWeighToCancelTheLag()
    {
        // EMA(2), factor 2/3, on 1 3 7 5 4: 2, 16/3, 46/9, 118/27. Its EMA: seeded at the third with (2 + 16/3) / 2 = 11/3,
        // then 125/27 and 361/81; the EMA of that seeded at the fourth with (11/3 + 125/27) / 2 = 112/27, then 1058/243.
        // DEMA: 2 × 16/3 - 11/3 = 7, 2 × 46/9 - 125/27 = 151/27, 2 × 118/27 - 361/81 = 347/81.
        // TEMA: 3 × 46/9 - 3 × 125/27 + 112/27 = 151/27, 3 × 118/27 - 3 × 361/81 + 1058/243 = 995/243.
        var dema = new DoubleExponentialMovingAverage(2);
        var tema = new TripleExponentialMovingAverage(2);
        var seen = new List<(decimal, decimal)>();
        foreach (var v in new[] { 1m, 3m, 7m, 5m, 4m })
        {
            dema.Update(v);
            tema.Update(v);
            seen.Add((Round(dema.Value), Round(tema.Value)));
        }
        Assert.Equal(
            [(0m, 0m), (0m, 0m), (7m, 0m), (Round(151m / 27m), Round(151m / 27m)), (Round(347m / 81m), Round(995m / 243m))],
            seen);
        Assert.Equal((2, 3, 2, 4), (dema.Period, dema.BarsToReady, tema.Period, tema.BarsToReady));
    }

    [Fact]
    public void Dema_OnRandomSeries_MatchesTheDefinition() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
            Follows(new DoubleExponentialMovingAverage(c.Period), NaiveIndicators.Dema(c.Values, c.Period), c.Values, "DEMA"))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Tema_OnRandomSeries_MatchesTheDefinition() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
            Follows(new TripleExponentialMovingAverage(c.Period), NaiveIndicators.Tema(c.Values, c.Period), c.Values, "TEMA"))
        .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    public void OnAStraightLine_BothSitOnTheValue_WhereTheEmaLagsHalfThePeriodLessOne(int period)
    {
        // Seeded with the mean, an EMA of n lags a line by (n - 1)/2 steps from its first value on, and an EMA of it twice
        // that: 2 × (v - L) - (v - 2L) = v, and 3 × (v - L) - 3 × (v - 2L) + (v - 3L) = v. (Factors 1/2, 2/5, 1/5: exact.)
        var dema = new DoubleExponentialMovingAverage(period);
        var tema = new TripleExponentialMovingAverage(period);
        var ema = new ExponentialMovingAverage(period);
        for (var i = 0; i < 60; i++)
        {
            var v = 100m + (2.5m * i);
            dema.Update(v);
            tema.Update(v);
            ema.Update(v);
            if (ema.IsReady) Assert.Equal(v - (2.5m * (period - 1) / 2m), Round(ema.Value));
            if (dema.IsReady) Assert.Equal(v, Round(dema.Value));
            if (tema.IsReady) Assert.Equal(v, Round(tema.Value));
        }
    }

    [Fact]
    public void AfterARunUpStops_TheyOvershootThePlateau_TheTripleLess_AndComeBack()
    {
        var dema = new DoubleExponentialMovingAverage(5);
        var tema = new TripleExponentialMovingAverage(5);
        for (var i = 0; i <= 30; i++) Update(100m + i);
        var (demaHigh, temaHigh) = (0m, 0m);
        for (var i = 0; i < 10; i++)
        {
            Update(130m);
            (demaHigh, temaHigh) = (Math.Max(demaHigh, dema.Value), Math.Max(temaHigh, tema.Value));
        }
        // Worked in fractions: 130 + 16/27 and 130 + 8/27.
        Assert.Equal((Round(130m + (16m / 27m)), Round(130m + (8m / 27m))), (Round(demaHigh), Round(temaHigh)));
        for (var i = 0; i < 200; i++) Update(130m);
        Assert.Equal((130m, 130m), (Math.Round(dema.Value, 6), Math.Round(tema.Value, 6)));

        void Update(decimal v)
        {
            dema.Update(v);
            tema.Update(v);
        }
    }

    [Fact]
    public void OnASteadilyBendingLine_TheTripleHasNoLag_WhereTheDoubleLagsAConstantStep()
    {
        // On i² (period 3, factor 1/2) an EMA's lag grows with the slope; the double EMA's settles at 2 (a constant lag of
        // the bend), and the triple's weights cancel that too: once the seeds' errors have halved away, it is on the curve.
        var dema = new DoubleExponentialMovingAverage(3);
        var tema = new TripleExponentialMovingAverage(3);
        for (var i = 0; i <= 80; i++)
        {
            decimal v = i * i;
            dema.Update(v);
            tema.Update(v);
        }
        Assert.Equal((2m, 0m), (Math.Round(6400m - dema.Value, 9), Math.Round(6400m - tema.Value, 9)));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 3, 4)]
    [InlineData(30, 59, 88)]
    [InlineData(100_000, 199_999, 299_998)]
    public void BarsToReady_IsTwiceOrThriceThePeriodLessOneOrTwo(int period, int demaBars, int temaBars)
    {
        Assert.Equal((demaBars, demaBars), (DoubleExponentialMovingAverage.BarsToReadyOf(period), new DoubleExponentialMovingAverage(period).BarsToReady));
        Assert.Equal((temaBars, temaBars), (TripleExponentialMovingAverage.BarsToReadyOf(period), new TripleExponentialMovingAverage(period).BarsToReady));
    }

    [Fact]
    public void OfOne_IsTheValueItself()
    {
        var dema = new DoubleExponentialMovingAverage(1);
        var tema = new TripleExponentialMovingAverage(1);
        foreach (var v in new[] { 5m, 7.5m, 3m })
        {
            dema.Update(v);
            tema.Update(v);
            Assert.Equal((true, v, 0, true, v, 0), (dema.IsReady, dema.Value, dema.SideOf(v), tema.IsReady, tema.Value, tema.SideOf(v)));
        }
    }

    [Fact]
    public void SideOf_IsTheSignAgainstTheValue_AndZeroBeforeReady()
    {
        // Period 3, factor 1/2: on the line 3, 6, 9, 12, 15 the EMA is 6, 9, 12 and its EMA, seeded with their mean, 9; the
        // DEMA 2 × 12 - 9 = 15, exactly.
        var dema = new DoubleExponentialMovingAverage(3);
        foreach (var v in new[] { 3m, 6m, 9m, 12m }) dema.Update(v);
        Assert.Equal(0, dema.SideOf(100m));
        dema.Update(15m);
        Assert.Equal((15m, 1, 0, -1), (dema.Value, dema.SideOf(15.01m), dema.SideOf(15m), dema.SideOf(14.99m)));
    }

    [Fact]
    public void UpdateWithBar_AveragesTheClose()
    {
        var dema = new DoubleExponentialMovingAverage(1);
        dema.Update(IndicatorData.ToBar((30m, 15m, 22m), 0));
        Assert.Equal(22m, dema.Value);
    }

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws()
    {
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new DoubleExponentialMovingAverage(0)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new TripleExponentialMovingAverage(-1)).ParamName);
    }

    private static void Follows(ExponentialCascade average, decimal?[] expected, decimal[] values, string name) =>
        IndicatorData.Follows(average, expected, values, $"{name}({average.Period})", average.BarsToReady);

    private static decimal Round(decimal value) => decimal.Round(value, 20);
}
