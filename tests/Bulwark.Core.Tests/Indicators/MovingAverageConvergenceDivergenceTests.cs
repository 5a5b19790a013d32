using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class MovingAverageConvergenceDivergenceTests
{
    [Fact]
    public void Lines_AreTheAveragesDifference_ItsAverage_AndWhatSeparatesThem()
    {
        // Fast 1 (the value itself), slow 2, signal 2. Values 1, 3, 6, 10.
        var macd = new MovingAverageConvergenceDivergence(1, 2, 2);
        macd.Update(1m);
        macd.Update(3m); // slow seeded at 2: line 3 - 2 = 1
        Assert.False(macd.IsReady);
        macd.Update(6m); // slow 2 + 2/3 * 4 = 14/3: line 4/3; signal seeded at (1 + 4/3) / 2 = 7/6
        Assert.True(macd.IsReady);
        IndicatorData.Close(4m / 3m, macd.Line, "MACD");
        IndicatorData.Close(7m / 6m, macd.Signal, "signal");
        IndicatorData.Close(1m / 6m, macd.Histogram, "histogram");
        Assert.Equal([macd.Line, macd.Signal, macd.Histogram], [macd.GetOutput(0), macd.GetOutput(1), macd.GetOutput(2)]);
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheClosedFormOfTheAverages() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, Gen.Choose(1, 8).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (c, extra, signal) =>
        {
            var (fast, slow) = (c.Period, c.Period + extra);
            var (line, sig, histogram) = NaiveIndicators.Macd(c.Values, fast, slow, signal);
            var macd = new MovingAverageConvergenceDivergence(fast, slow, signal);
            for (var t = 0; t < c.Values.Length; t++)
            {
                macd.Update(c.Values[t]);
                Assert.Equal(sig[t].HasValue, macd.IsReady);
                if (sig[t] is not { } s) continue;
                // The line is a difference of two averages of prices up to 10,000: an absolute 1e-12 is far above rounding.
                Close(line[t]!.Value, macd.Line, $"MACD at {t}");
                Close(s, macd.Signal, $"signal at {t}");
                Close(histogram[t]!.Value, macd.Histogram, $"histogram at {t}");
            }
        }).QuickCheckThrowOnFailure();

    private static void Close(decimal expected, decimal actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.000_000_000_001m, $"{what}: expected {expected}, got {actual}");

    [Theory]
    [InlineData(26, 12, 9)]
    [InlineData(12, 12, 9)]
    [InlineData(0, 26, 9)]
    [InlineData(12, 26, 0)]
    public void Constructor_WithBadPeriods_Throws(int fast, int slow, int signal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(fast, slow, signal));
}
