using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// bollinger-reversion's own bands on hand-worked closes (with bands of two closes the close is one deviation under their
/// average after a fall, one over after a rise and at it when unchanged) and on a random walk; the rules it shares with
/// rsi-reversion are in <see cref="ReversionRuleTests"/>.
/// </summary>
public sealed class BollingerReversionStrategyTests
{
    private const string Symbol = "X";

    [Theory]
    [InlineData(0, 3)]
    [InlineData(0.5, 4)]
    public void AnExitPastTheAverage_HoldsTheLongUntilTheCloseGetsThere_AndAShortToTheMirror(double exitDeviations, int exitBar)
    {
        // Bands of three closes one deviation out. 10, 10, 7: the 7 is 1.41 deviations under the average 9 (a long);
        // then 9 is 0.27 deviations above the average of 10, 7, 9 (closed at the average, held for half a deviation);
        // then 11 is 1.22 above that of 7, 9, 11. The short's closes are the mirror image around 10.
        var options = new BollingerReversionOptions { Period = 3, Deviations = 1m, ExitDeviations = (decimal)exitDeviations };
        var longs = new RecordingStrategyContext();
        longs.Feed(new BollingerReversionStrategy("b", [Symbol], options), Symbol, [10m, 10m, 7m, 9m, 11m]);
        Assert.Equal([(2, SignalDirection.Long), (exitBar, SignalDirection.Flat)], longs.Directions());

        var shorts = new RecordingStrategyContext();
        shorts.Feed(new BollingerReversionStrategy("b", [Symbol], options with { AllowShort = true }), Symbol, [10m, 10m, 13m, 11m, 9m]);
        // Covered at the average, the 9 (1.22 deviations under the average) is a new long; held past it, the long reverses it.
        (int, SignalDirection)[] expected = exitBar == 3
            ? [(2, SignalDirection.Short), (3, SignalDirection.Flat), (4, SignalDirection.Long)]
            : [(2, SignalDirection.Short), (4, SignalDirection.Long)];
        Assert.Equal(expected, shorts.Directions());
    }

    [Fact]
    public void WithNoSpread_TheBandsAreTheAverage_SoAnExitPastItIsAtIt()
    {
        // Two equal closes have no deviation: every band and exit is their average, so a long is closed there.
        var context = new RecordingStrategyContext();
        context.Feed(new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions { Period = 2, Deviations = 0.5m, ExitDeviations = 0.5m }), Symbol, [10m, 9m, 9m]);
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Flat)], context.Directions());
    }

    [Fact]
    public void BandsJustInsideTheWidestACloseCanReach_AreCrossed()
    {
        // Five closes, four at 10 and one at 5: the average 9, the deviation 2, so the close is exactly 2 = sqrt(5 - 1)
        // deviations below: bands at 1.99 deviations see it, and bands at 2 are refused as never crossed.
        var context = new RecordingStrategyContext();
        context.Feed(new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions { Period = 5, Deviations = 1.99m }), Symbol, [10m, 10m, 10m, 10m, 5m]);
        Assert.Equal([(4, SignalDirection.Long)], context.Directions());
        Assert.Equal("deviations", Assert.Single(new BollingerReversionOptions { Period = 5, Deviations = 2m }.Validate()).Key);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, -1)]
    public void OnARandomWalk_EachEntryIsBeyondABand_AndEachExitAtTheMirroredExit(bool allowShort, int exitDeviations)
    {
        // Against Bollinger bands(20, 2) of the same closes: each long below the lower band, each short above the upper, a
        // long closed at the average plus exitDeviations deviations or more, a short at the average less them or less.
        var random = new Random(17);
        var closes = new List<decimal> { 100m };
        for (var i = 0; i < 1500; i++) closes.Add(Math.Max(1m, closes[^1] + (decimal)(random.NextDouble() - 0.5) * 2m));
        var bands = new BollingerBands(20, 2m);
        var readings = closes.Select(c => { bands.Update(c); return (Ready: bands.IsReady, bands.Middle, Sd: bands.StandardDeviation); }).ToArray();
        var context = new RecordingStrategyContext();
        context.Feed(new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions { AllowShort = allowShort, ExitDeviations = exitDeviations }), Symbol, closes);

        var signals = context.Directions();
        Assert.True(signals.Count(s => s.Direction == SignalDirection.Long) >= 5, $"{signals.Length} signals");
        Assert.Equal(allowShort, signals.Any(s => s.Direction == SignalDirection.Short));
        var position = 0;
        foreach (var (bar, direction) in signals)
        {
            var (ready, middle, sd) = readings[bar];
            Assert.True(ready);
            var close = closes[bar];
            switch (direction)
            {
                case SignalDirection.Long: Assert.True(close < middle - (2m * sd), $"long at bar {bar}"); position = 1; break;
                case SignalDirection.Short: Assert.True(close > middle + (2m * sd), $"short at bar {bar}"); position = -1; break;
                default:
                    Assert.True(position > 0 ? close >= middle + (exitDeviations * sd) : close <= middle - (exitDeviations * sd), $"exit at bar {bar}");
                    position = 0;
                    break;
            }
        }
    }

    [Fact]
    public void BarsToFirstSignal_IsTheBandsOrTheTrendAverage()
    {
        Assert.Equal(20, new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions()).BarsToFirstSignal);
        Assert.Equal(200, new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions { TrendPeriod = 200 }).BarsToFirstSignal);
        Assert.Equal(40, new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(1, 2, 0, null, "period", "must be from 2 to 100000 bars (one close has no spread), got 1")]
    [InlineData(20, 0, 0, null, "deviations", "must be above 0, got 0")]
    [InlineData(20, 5, 0, null, "deviations", "must be below 4.3589 (the square root of period - 1): a close is one of the 20 closes, so it is never further than that from their average and no entry would come; got 5")]
    [InlineData(5, 2, 0, null, "deviations", "must be below 2 (the square root of period - 1): a close is one of the 5 closes, so it is never further than that from their average and no entry would come; got 2")]
    [InlineData(20, 2, 2.5, null, "exitDeviations", "must be from -2 to 2 (the bands), got 2.5")]
    [InlineData(20, 2, -3, null, "exitDeviations", "must be from -2 to 2 (the bands), got -3")]
    [InlineData(20, 2, 0, 100_001, "trendPeriod", "must be from 1 to 100000 bars, got 100001")]
    public void BadBands_AreProblemsNamingThem(int period, double deviations, double exit, int? trend, string key, string message)
    {
        var options = new BollingerReversionOptions { Period = period, Deviations = (decimal)deviations, ExitDeviations = (decimal)exit, TrendPeriod = trend };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => new BollingerReversionStrategy("b", [Symbol], options));
    }
}
