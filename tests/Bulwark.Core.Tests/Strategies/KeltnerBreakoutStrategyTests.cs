using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// keltner-breakout, hand-worked on a channel small enough to follow: the EMA of 3 closes (each close moves it halfway),
/// bands half an average true range of 1 bar out, on bars with high = low = close (the range is the move from the last
/// close). Bar 4 (14): the EMA 12.5, the band 13.5: long. Bar 5 (15): 13.75 and 14.25, still above. Bar 6 (13): below the
/// EMA 13.375: flat. Bar 7 (11): the lower band 12.1875 - 1 = 11.1875: a short, if allowed. Bar 8 (12): the EMA 12.09375,
/// not above it. Bar 9 (13): above the EMA 12.546875: covered.
/// </summary>
public sealed class KeltnerBreakoutStrategyTests
{
    private const string Symbol = "X";

    private static readonly decimal[] Closes = [10m, 10m, 10m, 12m, 14m, 15m, 13m, 11m, 12m, 13m];

    private static KeltnerBreakoutStrategy Strategy(bool allowShort = false, decimal exitMultiplier = 0m) =>
        new("k", [Symbol], new KeltnerBreakoutOptions { Period = 3, Multiplier = 0.5m, RangePeriod = 1, ExitMultiplier = exitMultiplier, AllowShort = allowShort });

    private static (int Bar, SignalDirection Direction)[] Signals(decimal[] closes, bool allowShort = false, decimal exitMultiplier = 0m)
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort, exitMultiplier), Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void HandWorked_LongOnACloseAboveTheUpperBand_FlatOnACloseBelowTheAverage()
    {
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat)], Signals(Closes));
    }

    [Fact]
    public void WithShorts_TheMirrorImage()
    {
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Short), (9, SignalDirection.Flat)],
            Signals(Closes, allowShort: true));
    }

    [Fact]
    public void TheExitLine_IsTheAveragePlusExitMultiplierRanges()
    {
        // After the long of bar 4: bar 6 (14) is above the EMA 13.875 but below it plus half its range of 1 (14.375);
        // bar 7 (13) is below the EMA 13.4375 but above the lower band 12.9375.
        decimal[] closes = [10m, 10m, 10m, 12m, 14m, 15m, 14m, 13m, 12m];
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat)], Signals(closes, exitMultiplier: 0.5m));
        Assert.Equal([(4, SignalDirection.Long), (7, SignalDirection.Flat)], Signals(closes));
        // Bar 8 (12): below the lower band 12.71875 - 0.5.
        Assert.Equal([(4, SignalDirection.Long), (8, SignalDirection.Flat)], Signals(closes, exitMultiplier: -0.5m));
    }

    [Fact]
    public void ABreakoutTheOtherWay_ReversesAPosition()
    {
        // With the exits at the other band, the close of bar 7 (11) under the lower one reverses the long into a short,
        // and the close of bar 10 (14) over the upper one (13.7734375) reverses the short.
        Assert.Equal([(4, SignalDirection.Long), (7, SignalDirection.Short), (10, SignalDirection.Long)],
            Signals([10m, 10m, 10m, 12m, 14m, 15m, 13m, 11m, 12m, 13m, 14m], allowShort: true, exitMultiplier: -0.5m));
    }

    [Fact]
    public void ALongClosedByAStopDuringTheBreakout_IsNotEnteredAgainUntilACloseInside()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m, 10m, 10m, 12m, 14m, 15m]); // long at bar 4, held at bar 5 above the band
        context.SetPosition(Symbol, 0m); // a protective stop closed it
        context.Feed(strategy, Symbol, [16m]); // bar 6: above the band 15.375, but this breakout was used
        context.Feed(strategy, Symbol, [14m, 15m, 16m]); // bar 7 inside (15.4375); bar 9 above 15.859375: a new breakout
        Assert.Equal([(4, SignalDirection.Long), (9, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void WhileAnOrderWorks_NothingIsSignalled_AndABreakoutStillStandingIsTakenAtTheFirstBarAfter()
    {
        var context = new RecordingStrategyContext { FillImmediately = false };
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m, 10m, 10m, 12m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [14m]); // bar 4: a breakout while an order works
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [15m]); // bar 5: still above the band
        Assert.Equal([(5, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void ALongFoundBelowTheExitLineAtTheStart_IsClosedAtTheFirstReadyBar()
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 1m);
        context.Feed(Strategy(), Symbol, [12m, 11m, 10m, 10m]); // bar 2: 10 below the EMA 11; bar 3 would be ready too
        Assert.Equal([(2, SignalDirection.Flat)], context.Directions());
    }

    [Fact]
    public void OnARandomWalk_TheSignalsAreTheRuleReadOffTheKeltnerChannelIndicator()
    {
        // Wicks widen the true range, so this reads the channel of highs, lows and closes as `bulwark indicators` does.
        var bars = RandomBars.Walk(seed: 17, count: 3000);
        var channel = new KeltnerChannel(20, 1.5m, 10);
        var atr = new AverageTrueRange(10);
        var expected = new List<(int, SignalDirection)>();
        var position = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var (high, low, close) = bars[i];
            channel.Update(high, low, close);
            atr.Update(high, low, close);
            if (!channel.IsReady) continue;
            var exitLong = channel.Middle + (0.5m * atr.Value);
            var exitShort = channel.Middle - (0.5m * atr.Value);
            var (direction, next) = position <= 0 && close > channel.Upper ? (SignalDirection.Long, 1)
                : position >= 0 && close < channel.Lower ? (SignalDirection.Short, -1)
                : (position > 0 && close < exitLong) || (position < 0 && close > exitShort) ? (SignalDirection.Flat, 0)
                : ((SignalDirection?)null, position);
            if (direction is { } d) expected.Add((i, d));
            position = next;
        }

        var context = new RecordingStrategyContext();
        context.Feed(new KeltnerBreakoutStrategy("k", [Symbol],
            new KeltnerBreakoutOptions { Multiplier = 1.5m, ExitMultiplier = 0.5m, AllowShort = true }), Symbol, bars);

        Assert.Equal(expected, context.Directions());
        Assert.True(expected.Count(s => s.Item2 == SignalDirection.Short) >= 10 && expected.Count(s => s.Item2 == SignalDirection.Long) >= 10, $"{expected.Count} signals");
    }

    [Fact]
    public void BarsToFirstSignal_IsTheLongerOfTheAverageAndTheRange()
    {
        Assert.Equal(20, new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions()).BarsToFirstSignal);
        Assert.Equal(30, new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions { RangePeriod = 30 }).BarsToFirstSignal);
        Assert.Equal(40, new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 2, 10, 0, "period: must be at least 1 bar, got 0")]
    [InlineData(20, 0, 10, 0, "multiplier: must be above 0, got 0")]
    [InlineData(20, 2, 0, 0, "rangePeriod: must be at least 1 bar, got 0")]
    [InlineData(20, 2, 10, 2.5, "exitMultiplier: must be from -2 to 2 (the channel), got 2.5")]
    [InlineData(20, 2, 10, -2.5, "exitMultiplier: must be from -2 to 2 (the channel), got -2.5")]
    public void BadOptions_AreProblemsNamingThem(int period, decimal multiplier, int rangePeriod, decimal exitMultiplier, string problem)
    {
        var options = new KeltnerBreakoutOptions { Period = period, Multiplier = multiplier, RangePeriod = rangePeriod, ExitMultiplier = exitMultiplier };
        Assert.Equal([problem], options.Validate().Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => new KeltnerBreakoutStrategy("k", [Symbol], options));
    }
}
