using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// donchian-breakout's skip rule (skipAfterWin, failsafePeriod), the turtles' first system: a breakout is skipped when the
/// paper trade of the last one, taken or not, won; a skipped breakout is taken anyway beyond the failsafe channel.
/// </summary>
public sealed class DonchianSkipRuleTests
{
    private const string Symbol = "X";

    // Channels of 3 (entry) and 2 (exit) bars before each, on bars with high = low = close. Bar 4 (12.5) breaks out above
    // bars 1-3 (12): a long, whose paper trade is in at 12.5. Bar 8 (13) is below the exit channel of bars 6-7 (14): out,
    // a winner. Bar 9 (16) breaks out above bars 6-8 (15): skipped, its paper trade in at 16. Bar 10 (17) is still above,
    // the same breakout. Bar 11 (15) is below bars 9-10 (16): the paper trade is out at a loss, so bar 12's breakout (18,
    // above bars 9-11's 17) is taken. A failsafe channel of 10 bars is first ready at bar 10, of bars 0-9 (16.5 at bar 0):
    // bar 10's 17 clears it.
    private static readonly decimal[] Closes = [16.5m, 10m, 11m, 12m, 12.5m, 14m, 15m, 14m, 13m, 16m, 17m, 15m, 18m];

    private static (int Bar, SignalDirection Direction)[] Signals(
        decimal[] closes, bool skip, int? failsafe = null, bool allowShort = false, bool fill = true)
    {
        var strategy = new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions
        {
            EntryPeriod = 3, ExitPeriod = 2, AllowShort = allowShort, SkipAfterWin = skip, FailsafePeriod = failsafe,
        });
        var context = new RecordingStrategyContext { FillImmediately = fill };
        context.Feed(strategy, Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void HandWorked_ABreakoutAfterAWinnerIsSkipped_AndTheOneAfterItsLosingPaperTradeIsTaken()
    {
        Assert.Equal([(4, SignalDirection.Long), (8, SignalDirection.Flat), (9, SignalDirection.Long), (11, SignalDirection.Flat), (12, SignalDirection.Long)],
            Signals(Closes, skip: false));
        Assert.Equal([(4, SignalDirection.Long), (8, SignalDirection.Flat), (12, SignalDirection.Long)], Signals(Closes, skip: true));
    }

    [Fact]
    public void ASkippedBreakout_IsTakenOnceTheCloseClearsTheFailsafeChannel()
    {
        Assert.Equal([(4, SignalDirection.Long), (8, SignalDirection.Flat), (10, SignalDirection.Long), (11, SignalDirection.Flat), (12, SignalDirection.Long)],
            Signals(Closes, skip: true, failsafe: 10));
        // With a failsafe of 11 bars, bar 10's channel is not ready and bar 11 is no breakout: only bar 12's is taken.
        Assert.Equal([(4, SignalDirection.Long), (8, SignalDirection.Flat), (12, SignalDirection.Long)], Signals(Closes, skip: true, failsafe: 11));
    }

    [Fact]
    public void ALoserOrAScratch_DoesNotSkipTheNextBreakout()
    {
        // Bar 8 at 12.5 instead of 13: still below the exit channel, out at the entry: no winner, so bar 9's breakout is taken.
        decimal[] scratch = [.. Closes[..8], 12.5m, .. Closes[9..]];
        Assert.Equal(Signals(scratch, skip: false), Signals(scratch, skip: true));
        Assert.Contains((9, SignalDirection.Long), Signals(scratch, skip: true));
    }

    [Fact]
    public void ThePaperTradesFollowTheMarket_NotTheOrders()
    {
        // Orders never fill: no position is ever held, so every close above the entry channel is an entry (bars 4-6, 9, 10
        // and 12 without the rule), yet the first breakout's paper trade still wins at bar 8, so bars 9 and 10 are skipped.
        Assert.Equal([(4, SignalDirection.Long), (5, SignalDirection.Long), (6, SignalDirection.Long), (9, SignalDirection.Long), (10, SignalDirection.Long), (12, SignalDirection.Long)],
            Signals(Closes, skip: false, fill: false));
        Assert.Equal([(4, SignalDirection.Long), (5, SignalDirection.Long), (6, SignalDirection.Long), (12, SignalDirection.Long)], Signals(Closes, skip: true, fill: false));
    }

    [Fact]
    public void WithShorts_AWinningShortSkipsTheNextBreakout_AndABreakoutTheOtherWayClosesThePaperTrade()
    {
        // The mirror image: a short at bar 4 (87.5, below bars 1-3's 88) covered at bar 8 (87, above bars 6-7's 86) for a
        // win; bar 8 also breaks out above bars 5-7 (86): that long follows the winner and is skipped, and its paper trade
        // is in at 87. Bar 9 (84) breaks out below bars 6-8 (85): the paper long is out at a loss and a short paper trade
        // opens, which follows a loser: the short is taken.
        decimal[] mirror = [83.5m, 90m, 89m, 88m, 87.5m, 86m, 85m, 86m, 87m, 84m];
        Assert.Equal([(4, SignalDirection.Short), (8, SignalDirection.Long), (9, SignalDirection.Short)], Signals(mirror, skip: false, allowShort: true));
        Assert.Equal([(4, SignalDirection.Short), (8, SignalDirection.Flat), (9, SignalDirection.Short)], Signals(mirror, skip: true, allowShort: true));
    }

    [Fact]
    public void OnARandomWalk_TheEntriesAreTheRuleReadOffDonchianChannelsBesideIt()
    {
        // Orders never fill, so the strategy enters on every breakout bar it does not skip. Beside it: the channels as
        // indicators, and the paper trades kept by hand.
        var bars = RandomBars.Walk(seed: 97, count: 3000);
        var (entry, exit, failsafe) = (new DonchianChannel(10), new DonchianChannel(5), new DonchianChannel(30));
        var expected = new List<(int, SignalDirection)>();
        var (side, paperEntry, lastWon, skipped) = (0, 0m, false, false);
        var skips = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var (high, low, close) = bars[i];
            if (entry.IsReady && exit.IsReady)
            {
                var (up, down) = (close > entry.Upper, close < entry.Lower);
                if ((side > 0 && (close < exit.Lower || down)) || (side < 0 && (close > exit.Upper || up)))
                    (lastWon, side) = (side * (close - paperEntry) > 0m, 0);
                if (side == 0 && (up || down)) (side, paperEntry, skipped) = (up ? 1 : -1, close, lastWon);
                var beyondFailsafe = failsafe.IsReady && (up ? close > failsafe.Upper : close < failsafe.Lower);
                if ((up || down) && skipped && !beyondFailsafe) skips++;
                else if (up) expected.Add((i, SignalDirection.Long));
                else if (down) expected.Add((i, SignalDirection.Short));
            }
            entry.Update(high, low);
            exit.Update(high, low);
            failsafe.Update(high, low);
        }

        var context = new RecordingStrategyContext { FillImmediately = false };
        context.Feed(new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions
        {
            EntryPeriod = 10, ExitPeriod = 5, AllowShort = true, SkipAfterWin = true, FailsafePeriod = 30,
        }), Symbol, bars);

        Assert.Equal(expected, context.Directions());
        Assert.True(skips >= 20 && expected.Count(s => s.Item2 == SignalDirection.Long) >= 10 && expected.Count(s => s.Item2 == SignalDirection.Short) >= 10,
            $"{expected.Count} entries, {skips} skipped");
    }

    [Theory]
    [InlineData(false, 55, "failsafePeriod: takes skipped breakouts, so it needs skipAfterWin=true")]
    [InlineData(true, 20, "failsafePeriod: must be longer than entryPeriod (20): a skipped breakout is beyond the entry channel, so a shorter failsafe would take every one; got 20")]
    [InlineData(true, 100_001, "failsafePeriod: must be from 1 to 100000 bars, got 100001")]
    public void ABadFailsafe_IsAProblemNamingIt(bool skip, int failsafe, string problem) =>
        Assert.Equal([problem], new DonchianBreakoutOptions { SkipAfterWin = skip, FailsafePeriod = failsafe }.Validate().Select(p => p.ToString()));
}
