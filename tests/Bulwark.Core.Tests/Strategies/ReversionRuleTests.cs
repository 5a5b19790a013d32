using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The rules the mean-reversion strategies share (<see cref="ReversionStrategy"/>), on hand-worked closes each strategy
/// reads alike: an RSI of one bar is 0 after a fall, 100 after a rise and 50 after an unchanged close; with bands of two
/// closes the close is one deviation under their average after a fall, one over after a rise and at it when unchanged;
/// and a stochastic of two close-only bars, unsmoothed, puts the close at the bottom of their range after a fall (0), at
/// the top after a rise (100) and in the middle of an empty range when unchanged (50). So rsi-reversion and
/// stochastic-reversion at their default levels and bollinger-reversion with bands half a deviation out see a fall as
/// stretched down, a rise as stretched up and an unchanged close as back at the middle.
/// </summary>
public sealed class ReversionRuleTests
{
    private const string Symbol = "X";

    public static TheoryData<string> Rules => ["rsi", "bollinger", "stochastic"];

    /// <summary>The strategy of <paramref name="rule"/> reading the hand-worked closes alike, on symbol "X".</summary>
    internal static ReversionStrategy Strategy(string rule, bool allowShort = false, int? trendPeriod = null, TrendAverage average = TrendAverage.Sma) => rule switch
    {
        "rsi" => new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions { RsiPeriod = 1, AllowShort = allowShort, TrendPeriod = trendPeriod, TrendAverage = average }),
        "bollinger" => new BollingerReversionStrategy("r", [Symbol],
            new BollingerReversionOptions { Period = 2, Deviations = 0.5m, AllowShort = allowShort, TrendPeriod = trendPeriod, TrendAverage = average }),
        _ => new StochasticReversionStrategy("r", [Symbol],
            new StochasticReversionOptions { Period = 2, Smoothing = 1, Signal = 1, AllowShort = allowShort, TrendPeriod = trendPeriod, TrendAverage = average }),
    };

    // Bar 1 falls (stretched down: long), 2 falls (held), 3 unchanged (back: flat), 4 rises (stretched up), 5 falls (long),
    // 6 rises (flat; with shorts, reversed short).
    private static readonly decimal[] Closes = [10m, 9m, 8m, 8m, 9m, 8m, 10m];

    [Theory]
    [MemberData(nameof(Rules))]
    public void LongWhileStretchedDown_FlatOnceBack(string rule)
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(rule), Symbol, Closes);
        Assert.Equal([(1, SignalDirection.Long), (3, SignalDirection.Flat), (5, SignalDirection.Long), (6, SignalDirection.Flat)], context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void WithShorts_ShortWhileStretchedUp_AndAStretchTheOtherWayReverses(string rule)
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(rule, allowShort: true), Symbol, Closes);
        Assert.Equal(
            [(1, SignalDirection.Long), (3, SignalDirection.Flat), (4, SignalDirection.Short), (5, SignalDirection.Long), (6, SignalDirection.Short)],
            context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ALongClosedByAStopWhileStillStretched_IsNotBoughtAgain_UntilTheReadingHasLeftTheZone(string rule)
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy(rule);
        context.Feed(strategy, Symbol, [10m, 9m, 8m]); // long at bar 1, held at bar 2 still stretched down
        context.SetPosition(Symbol, 0m); // a protective stop closed it
        context.Feed(strategy, Symbol, [7m]); // still stretched: the same dip
        context.Feed(strategy, Symbol, [8m, 7m]); // the reading leaves the zone, then a new dip
        Assert.Equal([(1, SignalDirection.Long), (5, SignalDirection.Long)], context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void AnEntryThatNeverFilled_IsSignalledAgainWhileStillStretched(string rule)
    {
        var context = new RecordingStrategyContext { FillImmediately = false }; // denied: the position stays flat
        context.Feed(Strategy(rule), Symbol, [10m, 9m, 8m]);
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Long)], context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void WhileAnOrderWorks_NothingIsSignalled_AndAReadingStillStretchedIsTakenAtTheFirstBarAfter(string rule)
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy(rule);
        context.Feed(strategy, Symbol, [10m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [9m]);
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [8m]);
        Assert.Equal([(2, SignalDirection.Long)], context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ALongFoundPastItsExitAtTheStart_IsClosedAtTheFirstReadyBar(string rule)
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 10m);
        context.Feed(Strategy(rule), Symbol, [10m, 11m]);
        Assert.Equal([(1, SignalDirection.Flat)], context.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void ATrendAverage_BuysOnlyTheDipsAboveIt_AndShortsOnlyTheRalliesBelowIt(string rule)
    {
        // An uptrend's dip: at bar 4 the close 14 is above the average of the last 4 closes (13.25).
        var up = new RecordingStrategyContext();
        up.Feed(Strategy(rule, trendPeriod: 4), Symbol, [10m, 11m, 12m, 16m, 14m]);
        Assert.Equal([(4, SignalDirection.Long)], up.Directions());

        // A downtrend: the dip at bar 3 (10, below the average 13.75) is not bought; the rally at bar 4 (12, below 12.75)
        // is shorted, and covered at bar 5 as the close falls back (11, still below 11.75: no long).
        decimal[] down = [16m, 15m, 14m, 10m, 12m, 11m];
        var filtered = new RecordingStrategyContext();
        filtered.Feed(Strategy(rule, allowShort: true, trendPeriod: 4), Symbol, down);
        Assert.Equal([(4, SignalDirection.Short), (5, SignalDirection.Flat)], filtered.Directions());
        var unfiltered = new RecordingStrategyContext();
        unfiltered.Feed(Strategy(rule, allowShort: true), Symbol, down);
        // Without it, the falls are bought (bar 1, and bar 5 reversing the short of bar 4).
        Assert.Equal([(1, SignalDirection.Long), (4, SignalDirection.Short), (5, SignalDirection.Long)], unfiltered.Directions());

        // Before the average is ready no entry is taken.
        var early = new RecordingStrategyContext();
        early.Feed(Strategy(rule, trendPeriod: 6), Symbol, [10m, 11m, 12m, 16m, 14m]);
        Assert.Empty(early.Directions());
    }
}
