using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class RollingSharpeTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset[] Times(int returns) => [.. Enumerable.Range(0, returns + 1).Select(i => Day0.AddDays(i))];

    [Fact]
    public void EachWindow_IsTheSharpeRatioOfItsReturns_AsTheWholeRunsIsComputed()
    {
        var random = new Random(5);
        // 252 bars a year: windows of 63; a good first half and a poor second one.
        double[] returns = [.. Enumerable.Range(0, 300).Select(i => (random.NextDouble() - (i < 150 ? 0.35 : 0.65)) * 0.02)];

        var rolling = RollingSharpe.Of(Times(returns.Length), returns, 252d)!;

        Assert.Equal(63, rolling.Window);
        Assert.Equal(300 - 63 + 1, rolling.Series.Count);
        for (var i = 0; i < rolling.Series.Count; i++)
        {
            var end = i + 62;
            var mean = returns[(end - 62)..(end + 1)].Average();
            var variance = returns[(end - 62)..(end + 1)].Sum(r => (r - mean) * (r - mean)) / 62d;
            Assert.Equal(mean / Math.Sqrt(variance) * Math.Sqrt(252d), rolling.Series[i].Sharpe, 9);
            Assert.Equal(Day0.AddDays(end + 1), rolling.Series[i].Time);
        }
        Assert.Equal(rolling.Series.Min(s => s.Sharpe), rolling.Lowest);
        Assert.Equal(rolling.Series.Max(s => s.Sharpe), rolling.Highest);
        Assert.Equal(rolling.Series[^1].Sharpe, rolling.Last);
        Assert.Equal((double)rolling.Series.Count(s => s.Sharpe > 0d) / rolling.Series.Count, rolling.AboveZero);
        Assert.True(rolling.Series[0].Sharpe > 0d && rolling.Last < 0d, $"{rolling.Series[0].Sharpe} then {rolling.Last}");
    }

    [Fact]
    public void AGivenWindow_IsUsedWhateverTheBarsPerYear_DownToTwoReturns()
    {
        var random = new Random(9);
        double[] returns = [.. Enumerable.Range(0, 50).Select(_ => (random.NextDouble() - 0.45) * 0.02)];

        var given = RollingSharpe.Of(Times(returns.Length), returns, 252d, window: 5)!;
        var quarter = RollingSharpe.Of(Times(returns.Length), returns, 252d);

        Assert.Equal((5, true, 46), (given.Window, given.Given, given.Series.Count));
        var last = returns[^5..];
        var mean = last.Average();
        Assert.Equal(mean / Math.Sqrt(last.Sum(r => (r - mean) * (r - mean)) / 4d) * Math.Sqrt(252d), given.Last, 9);
        Assert.Null(quarter); // 50 returns are under two quarter-year windows of 63
        Assert.Equal(2, RollingSharpe.Of(Times(4), [0.01, -0.01, 0.02, 0.0], 252d, window: 2)!.Window);
        Assert.Null(RollingSharpe.Of(Times(4), [0.01, -0.01, 0.02, 0.0], 252d, window: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingSharpe.Of(Times(4), [0.01, -0.01, 0.02, 0.0], 252d, window: 1));
        Assert.False(RollingSharpe.Of(Times(200), [.. Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 0.01 : -0.002)], 252d)!.Given);
    }

    [Fact]
    public void AFlatStretch_IsExactly0_AndARunShorterThanTwoWindowsHasNone()
    {
        double[] returns = [.. Enumerable.Repeat(0.01, 30).Concat(Enumerable.Repeat(-0.005, 10)).Concat(Enumerable.Repeat(0d, 60))];

        var rolling = RollingSharpe.Of(Times(returns.Length), returns, 80d)!; // a window of the least, 20

        Assert.Equal(20, rolling.Window);
        Assert.Equal(0d, rolling.Last);
        Assert.All(rolling.Series.TakeLast(41), s => Assert.Equal(0d, s.Sharpe));
        Assert.Null(RollingSharpe.Of(Times(39), new double[39], 80d));
    }
}
