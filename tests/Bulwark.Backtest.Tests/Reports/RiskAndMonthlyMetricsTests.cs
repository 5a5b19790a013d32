using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>Volatility, Calmar, the longest time under water and the monthly returns of an account-value curve.</summary>
public sealed class RiskAndMonthlyMetricsTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static BacktestResult Result(decimal start, params (DateTimeOffset Time, decimal Value)[] points) =>
        new(start, points[^1].Value, points[^1].Value, points.Length, 0, [], [.. points.Select(p => new EquityPoint(p.Time, p.Value, p.Value))]);

    private static BacktestResult Daily(decimal start, params decimal[] values) =>
        Result(start, [.. values.Select((v, i) => (Day0.AddDays(i), v))]);

    [Fact]
    public void LongestDrawdown_IsTheLongestTimeUnderWater_NotTheDeepest()
    {
        // Days 1-3: a deep 30% fall recovered in 2 days; days 4-9: a shallow 5% one that takes 5 days.
        var m = MetricsCalculator.Compute(Daily(100m, 100m, 120m, 84m, 120m, 130m, 125m, 124m, 126m, 127m, 131m), []);

        Assert.Equal(0.3m, m.MaxDrawdown);
        Assert.Equal((Day0.AddDays(4), Day0.AddDays(9), true), (m.LongestDrawdownStart, m.LongestDrawdownEnd, m.LongestDrawdownRecovered));
        Assert.Equal(TimeSpan.FromDays(5), m.LongestDrawdown);
    }

    [Fact]
    public void LongestDrawdown_StillUnderWaterAtTheEnd_RunsToTheLastPointUnrecovered()
    {
        var m = MetricsCalculator.Compute(Daily(100m, 100m, 110m, 105m, 100m, 120m, 119m, 118m, 117m, 116m), []);

        Assert.Equal((Day0.AddDays(4), Day0.AddDays(8), false), (m.LongestDrawdownStart, m.LongestDrawdownEnd, m.LongestDrawdownRecovered));
    }

    [Fact]
    public void ACurveThatNeverFell_HasNoDrawdown_AndCalmarZero()
    {
        var m = MetricsCalculator.Compute(Daily(100m, 100m, 101m, 101m, 105m), []);

        Assert.Equal((null, null, TimeSpan.Zero), (m.LongestDrawdownStart, m.LongestDrawdownEnd, m.LongestDrawdown));
        Assert.Equal(0d, m.Calmar);
    }

    [Fact]
    public void Volatility_IsTheSampleDeviationOfTheReturnsAnnualised_AndCalmarIsCagrOverMaxDrawdown()
    {
        // Daily returns +10%, -10%, +10%, -10%: mean 0, sample deviation sqrt(4 * 0.01 / 3).
        var m = MetricsCalculator.Compute(Daily(100m, 100m, 110m, 99m, 108.9m, 98.01m), []);

        Assert.Equal(Math.Sqrt(0.04 / 3) * Math.Sqrt(252), m.Volatility, 9);
        Assert.Equal(m.Cagr / (double)m.MaxDrawdown, m.Calmar, 12);
    }

    [Fact]
    public void MonthlyReturns_ChainMonthEndValues_FromTheStartingCash_AndEachYearCompoundsItsMonths()
    {
        var result = Result(1000m,
            (new DateTimeOffset(2023, 11, 15, 0, 0, 0, TimeSpan.Zero), 1010m),
            (new DateTimeOffset(2023, 11, 30, 0, 0, 0, TimeSpan.Zero), 1100m), // November: 1100 / 1000 (the starting cash)
            (new DateTimeOffset(2023, 12, 29, 0, 0, 0, TimeSpan.Zero), 990m), // December: 990 / 1100
            (new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), 1000m),
            (new DateTimeOffset(2024, 1, 31, 23, 59, 0, TimeSpan.Zero), 1089m), // January: 1089 / 990
            // no bar in February
            (new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), 1197.9m)); // March: 1197.9 / 1089

        var rows = MetricsCalculator.Compute(result, []).MonthlyReturns;

        Assert.Equal(
        [
            new MonthlyReturn(2023, 11, 0.1m), new MonthlyReturn(2023, 12, -0.1m), new MonthlyReturn(2023, 0, -0.01m),
            new MonthlyReturn(2024, 1, 0.1m), new MonthlyReturn(2024, 3, 0.1m), new MonthlyReturn(2024, 0, 0.21m),
        ], rows);
        var compounded = rows.Where(r => r.Month > 0).Aggregate(1m, (v, r) => v * (1m + r.Return)) - 1m;
        Assert.Equal(result.TotalReturn, compounded, 8);
    }
}
