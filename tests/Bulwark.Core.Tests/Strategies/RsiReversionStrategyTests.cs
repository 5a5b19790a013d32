using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// rsi-reversion's own levels on hand-worked closes (with an RSI of one bar its value is 0 after a fall, 100 after a rise
/// and 50 after an unchanged close) and on a random walk; the rules it shares with bollinger-reversion are in
/// <see cref="ReversionRuleTests"/>.
/// </summary>
public sealed class RsiReversionStrategyTests
{
    private const string Symbol = "X";

    private static RsiReversionStrategy Strategy(decimal exitLevel = 50m) =>
        new("r", [Symbol], new RsiReversionOptions { RsiPeriod = 1, ExitLevel = exitLevel });

    [Fact]
    public void AnExitLevelAtOverbought_HoldsTheLongUntilTheRsiGetsThere()
    {
        var held = new RecordingStrategyContext();
        held.Feed(Strategy(exitLevel: 70m), Symbol, [10m, 9m, 9m, 10m]); // RSI 0, 50, 100
        Assert.Equal([(1, SignalDirection.Long), (3, SignalDirection.Flat)], held.Directions());

        var atTheMiddle = new RecordingStrategyContext();
        atTheMiddle.Feed(Strategy(), Symbol, [10m, 9m, 9m, 10m]);
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Flat)], atTheMiddle.Directions());
    }

    [Theory]
    [InlineData(50, null, new[] { 1, 2, 3 })] // covered at 50 (the mirror of 50)
    [InlineData(70, null, new[] { 1, 3 })] // the mirror of 70 is 30: the 50 holds the short, the 0 reverses it
    [InlineData(70, 50, new[] { 1, 2, 3 })] // set apart: covered at 50 though longs sell at 70
    public void AShortIsCoveredAtTheMirrorOfTheExitLevel_OrAtItsOwn(int exitLevel, int? shortExitLevel, int[] signalBars)
    {
        var context = new RecordingStrategyContext();
        var options = new RsiReversionOptions { RsiPeriod = 1, AllowShort = true, ExitLevel = exitLevel, ShortExitLevel = shortExitLevel };
        context.Feed(new RsiReversionStrategy("r", [Symbol], options), Symbol, [10m, 11m, 11m, 10m]); // RSI 100, 50, 0
        Assert.Equal(signalBars, context.Directions().Select(s => s.Bar));
        Assert.Equal(SignalDirection.Short, context.Directions()[0].Direction);
        Assert.Equal(SignalDirection.Long, context.Directions()[^1].Direction);
    }

    [Theory]
    [InlineData(30, 70, 50, 50)]
    [InlineData(30, 70, 70, 30)]
    [InlineData(10, 90, 70, 30)]
    [InlineData(20, 60, 55, 25)]
    public void TheMirrorOfTheExitLevel_IsAsFarPastTheMiddleOfTheLines(int oversold, int overbought, int exitLevel, int mirror) =>
        Assert.Equal(mirror, new RsiReversionOptions { Oversold = oversold, Overbought = overbought, ExitLevel = exitLevel }.EffectiveShortExitLevel);

    [Fact]
    public void OnARandomWalk_EachLongIsAtAnOversoldRsi_AndEachExitAtTheExitLevel()
    {
        // Against the RSI(14) of the same closes: each long is signalled at a bar whose RSI is under 30, each exit at 50 or more.
        var random = new Random(11);
        var closes = new List<decimal> { 100m };
        for (var i = 0; i < 600; i++) closes.Add(Math.Max(1m, closes[^1] + (decimal)(random.NextDouble() - 0.5) * 2m));
        var rsi = new RelativeStrengthIndex(14);
        var readings = closes.Select(c => { rsi.Update(c); return rsi.IsReady ? rsi.Value : -1m; }).ToArray();
        var context = new RecordingStrategyContext();
        context.Feed(new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()), Symbol, closes);

        var signals = context.Directions();
        Assert.True(signals.Length >= 4, $"{signals.Length} signals");
        Assert.All(signals.Where(s => s.Direction == SignalDirection.Long), s => Assert.InRange(readings[s.Bar], 0m, 29.999999m));
        Assert.All(signals.Where(s => s.Direction == SignalDirection.Flat), s => Assert.True(readings[s.Bar] >= 50m));
    }

    [Fact]
    public void BarsToFirstSignal_IsTheRsisChangesOrTheTrendAverage()
    {
        Assert.Equal(15, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()).BarsToFirstSignal);
        Assert.Equal(200, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions { RsiPeriod = 2, TrendPeriod = 200 }).BarsToFirstSignal);
        Assert.Equal(40, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 30, 70, 50, null, "rsiPeriod", "must be from 1 to 100000 bars, got 0")]
    [InlineData(14, 0, 70, 50, null, "oversold", "must be above 0 and below 100 (the RSI runs from 0 to 100), got 0")]
    [InlineData(14, 30, 100, 50, null, "overbought", "must be above 0 and below 100 (the RSI runs from 0 to 100), got 100")]
    [InlineData(14, 70, 30, 50, null, "oversold", "must be below overbought (30), got 70")]
    [InlineData(14, 30, 70, 80, null, "exitLevel", "must be from oversold (30) to overbought (70), got 80")]
    [InlineData(14, 30, 70, 20, null, "exitLevel", "must be from oversold (30) to overbought (70), got 20")]
    [InlineData(14, 30, 70, 50, 100_001, "trendPeriod", "must be from 1 to 100000 bars, got 100001")]
    public void BadLevels_AreProblemsNamingThem(int period, int oversold, int overbought, int exit, int? trend, string key, string message)
    {
        var options = new RsiReversionOptions { RsiPeriod = period, Oversold = oversold, Overbought = overbought, ExitLevel = exit, TrendPeriod = trend };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => new RsiReversionStrategy("r", [Symbol], options));
    }

    [Fact]
    public void AShortExitLevelOutsideTheLines_IsAProblemNamingIt()
    {
        var options = new RsiReversionOptions { AllowShort = true, ShortExitLevel = 20m };
        var problem = Assert.Single(options.Validate());
        Assert.Equal(("shortExitLevel", "must be from oversold (30) to overbought (70), got 20"), (problem.Key, problem.Message));
    }
}
