using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

public sealed class DonchianBreakoutStrategyTests
{
    private const string Symbol = "X";

    // Entry channel of 3 bars, exit channel of 2; bars with high = low = close.
    // bar 3: 11 inside the entry channel of bars 0-2 (10..12); bar 4: 13 above its 12 -> long;
    // bar 5: 12 above the exit channel's low of bars 3-4 (11); bar 6: 11 below that of bars 4-5 (12) -> flat;
    // bar 7: 10.5 below the entry channel's low of bars 4-6 (11) -> a short, if allowed;
    // bar 8: 12 not above the entry high of bars 5-7 (12), but above the exit high of bars 6-7 (11) -> cover;
    // bar 9: 14 above the entry high of bars 6-8 (12) -> long.
    private static readonly decimal[] Closes = [10m, 11m, 12m, 11m, 13m, 12m, 11m, 10.5m, 12m, 14m];

    private static DonchianBreakoutStrategy Strategy(bool allowShort = false) =>
        new("d", [Symbol], new DonchianBreakoutOptions { EntryPeriod = 3, ExitPeriod = 2, AllowShort = allowShort });

    private static (int Bar, SignalDirection Direction)[] Signals(RecordingStrategyContext context) =>
        [.. context.Signals.Select(s => (s.Bar, s.Direction))];

    [Fact]
    public void HandWorked_LongOnACloseAboveTheEntryChannel_FlatOnACloseBelowTheExitChannel()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Closes);
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (9, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void WithShorts_TheMirrorImage()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Closes);
        Assert.Equal(
            [(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Short), (8, SignalDirection.Flat), (9, SignalDirection.Long)],
            Signals(context));
    }

    [Fact]
    public void ABreakoutTheOtherWay_ReversesAShort()
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, -1m);
        // Bar 3 jumps above both the entry channel's high (12) and the exit channel's (12): the long entry wins.
        context.Feed(Strategy(allowShort: true), Symbol, [10m, 11m, 12m, 15m]);
        Assert.Equal([(3, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void WhileAnOrderWorks_NothingIsSignalled_AndABreakoutStillStandingIsTakenAtTheFirstBarAfter()
    {
        var context = new RecordingStrategyContext { FillImmediately = false };
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m, 11m, 12m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [13m]); // a breakout while an order works
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [13.5m]); // still above the high of bars 1-3 (13)
        Assert.Equal([(4, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void ALongFoundBelowTheExitChannelAtTheStart_IsClosedAtTheFirstReadyBar()
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 10m);
        context.Feed(Strategy(), Symbol, [12m, 11m, 10m, 9m]);
        Assert.Equal([(3, SignalDirection.Flat)], Signals(context)); // 9 below the low of bars 1-2 (10)
    }

    [Fact]
    public void TheChannelsAreOfHighsAndLows_NotCloses()
    {
        var strategy = Strategy();
        var context = new RecordingStrategyContext();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // Closes rise (10, 11, 12, 12.5), but bar 1's high of 13 stays in the entry channel: 12.5 is no breakout.
        (decimal H, decimal L, decimal C)[] bars = [(10.5m, 9.5m, 10m), (13m, 10m, 11m), (12.2m, 11m, 12m), (12.8m, 12m, 12.5m), (13.5m, 12m, 13.2m)];
        for (var i = 0; i < bars.Length; i++)
        {
            strategy.OnBar(new Bar(Symbol, start.AddDays(i), bars[i].C, bars[i].H, bars[i].L, bars[i].C, 0m, TimeSpan.FromDays(1)), context);
            context.BarIndex++;
        }
        Assert.Equal([(4, SignalDirection.Long)], Signals(context)); // 13.2 above the highs of bars 1-3 (13)
    }

    [Fact]
    public void BarsToFirstSignal_IsTheLongerChannelAndOne()
    {
        Assert.Equal(21, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions()).BarsToFirstSignal);
        Assert.Equal(31, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions { EntryPeriod = 5, ExitPeriod = 30 }).BarsToFirstSignal);
        Assert.Equal(40, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 10, "entryPeriod")]
    [InlineData(20, 0, "exitPeriod")]
    [InlineData(100_001, 10, "entryPeriod")]
    public void BadPeriods_AreProblemsNamingThem(int entry, int exit, string key)
    {
        var options = new DonchianBreakoutOptions { EntryPeriod = entry, ExitPeriod = exit };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new DonchianBreakoutStrategy("d", [Symbol], options));
    }
}
