using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Venues.Paper;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class BenchmarkComparisonTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private static BacktestResult Curve(params decimal[] values) =>
        new(values[0], values[^1], values[^1], values.Length, 0, [], [.. values.Select((v, i) => new EquityPoint(Day0.AddDays(i), v, v))]);

    private static List<Bar> Daily(int firstDay, params decimal[] closes) =>
        [.. closes.Select((c, i) => new Bar("IDX", Day0.AddDays(firstDay + i), c, c, c, c, 1m, OneDay))];

    [Fact]
    public void ARunThatMovesTwiceAsFarAsTheBenchmark_HasBetaTwo_CorrelationOne_AndNoAlpha()
    {
        // The benchmark returns +10%, -10%, +10%; the run +20%, -20%, +20%.
        var b = BenchmarkComparison.Of(Curve(1000m, 1200m, 960m, 1152m), "IDX", Daily(0, 100m, 110m, 99m, 108.9m));

        Assert.Equal(2d, b.Beta, 12);
        Assert.Equal(1d, b.Correlation, 12);
        Assert.Equal(0d, b.Alpha, 12);
        Assert.Equal(0.089m, b.TotalReturn);
        Assert.Equal(0.1m, b.MaxDrawdown);
        // The run less the benchmark is the benchmark's own return at each point: +10%, -10%, +10%.
        var sd = Math.Sqrt(((2 * Math.Pow(0.1 - (0.1 / 3), 2)) + Math.Pow(-0.1 - (0.1 / 3), 2)) / 2);
        Assert.Equal(sd * Math.Sqrt(252d), b.TrackingError, 12);
        Assert.Equal(0.1 / 3 * 252d / (sd * Math.Sqrt(252d)), b.InformationRatio, 12);
        // Twice the rises and twice the falls.
        Assert.Equal(2d, b.UpCapture!.Value, 12);
        Assert.Equal(2d, b.DownCapture!.Value, 12);
    }

    [Fact]
    public void Capture_IsTheRunsMeanReturnOverTheBenchmarksWhereItRoseOrFell_AndNoneWhereItNeverFell()
    {
        // The benchmark +10%, -10%, +10%; the run +5%, +2%, +5%: half its rises, and up where it fell (-20% of its fall).
        var b = BenchmarkComparison.Of(Curve(1000m, 1050m, 1071m, 1124.55m), "IDX", Daily(0, 100m, 110m, 99m, 108.9m));
        var rising = BenchmarkComparison.Of(Curve(1000m, 1050m, 1102.5m), "IDX", Daily(0, 100m, 110m, 121m));

        Assert.Equal(0.5, b.UpCapture!.Value, 9);
        Assert.Equal(-0.2, b.DownCapture!.Value, 9);
        Assert.Equal(0.5, rising.UpCapture!.Value, 9);
        Assert.Null(rising.DownCapture);
    }

    [Fact]
    public void TheBenchmarksValueAtAPoint_IsItsLastCloseOnOrBefore_ScaledToTheStartingCash()
    {
        // The benchmark begins two days before the run and skips the run's third day (a holiday of its market).
        var bars = Daily(-2, 50m, 80m, 100m, 120m);
        bars.Add(new Bar("IDX", Day0.AddDays(3), 90m, 90m, 90m, 90m, 1m, OneDay));

        var b = BenchmarkComparison.Of(Curve(1000m, 1000m, 1000m, 1000m), "IDX", bars);

        Assert.Equal([1000m, 1200m, 1200m, 900m], b.Values.Select(v => v.Value));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Day0.AddDays(i)), b.Values.Select(v => v.Time));
        Assert.Equal(-0.1m, b.TotalReturn);
        Assert.Equal(0.25m, b.MaxDrawdown);
    }

    [Fact]
    public void AnIntradayBenchmark_IsReadAtEachPointsTime_NotAfterIt()
    {
        var t0 = new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);
        var minute = TimeSpan.FromMinutes(1);
        var curve = new BacktestResult(1000m, 1000m, 1000m, 2, 0, [], [new EquityPoint(t0, 1000m, 1000m), new EquityPoint(t0 + (2 * minute), 1000m, 1000m)]);
        List<Bar> bars = [.. new[] { 10m, 11m, 12m, 13m }.Select((c, i) => new Bar("IDX", t0 + (i * minute), c, c, c, c, 1m, minute))];

        var b = BenchmarkComparison.Of(curve, "IDX", bars);

        Assert.Equal([1000m, 1200m], b.Values.Select(v => v.Value));
    }

    [Fact]
    public void CashEarningTheRateTheRunPaid_HasNoAlphaAndNoBeta()
    {
        // 36.5% a year is 0.1% a calendar day: the account is cash earning exactly that.
        var cash = Curve(1000m, 1001m, 1002.001m, 1003.003001m) with { CashInterest = CashRates.Fixed(36.5m) };
        var bars = Daily(0, 100m, 110m, 99m, 108.9m);

        var b = BenchmarkComparison.Of(cash, "IDX", bars);
        var withoutTheRate = BenchmarkComparison.Of(cash with { CashInterest = CashRates.None }, "IDX", bars);

        Assert.Equal(0d, b.Alpha, 12);
        Assert.Equal(0d, b.Beta, 12);
        Assert.Equal(0.001 * 252d, withoutTheRate.Alpha, 9);
    }

    [Fact]
    public void AFlatBenchmark_GivesZeroBetaAndCorrelation_NotNaN()
    {
        var b = BenchmarkComparison.Of(Curve(1000m, 1100m, 1050m), "IDX", Daily(0, 100m, 100m, 100m));

        Assert.Equal((0d, 0d, 0m), (b.Beta, b.Correlation, b.TotalReturn));
        Assert.True(double.IsFinite(b.Alpha) && b.Alpha > 0d, $"alpha {b.Alpha}");
    }

    [Fact]
    public void ABenchmarkBeginningAfterTheRun_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchmarkComparison.Of(Curve(1000m, 1000m), "IDX", Daily(1, 100m)));

        Assert.Contains("after the run's point at 2024-01-01", e.Message, StringComparison.Ordinal);
    }
}
