using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

public sealed class EmaCloudStrategyTests
{
    private const string Symbol = "AAA";

    /// <summary>
    /// 60 bars rising by 1 from 100, a pullback of 4 bars by 2, 12 bars rising by 1.5, then 8 falling by 3.
    /// With the default clouds (EMA 5/12, 34/50), worked out in exact fractions: at bar 64 (close 152.5) EMA5
    /// 153.3765 dips under EMA12 153.3815; at bar 65 (close 154) EMA5 153.5844 is back above EMA12 153.4766,
    /// both above the trend top (EMA34 145.8125); at bar 79 (close 157) EMA5 161.2311 falls under EMA12 161.5578.
    /// </summary>
    private static List<decimal> PullbackThenCrash()
    {
        var closes = new List<decimal>();
        for (var i = 0; i < 60; i++) closes.Add(100m + i);
        for (var i = 1; i <= 4; i++) closes.Add(159m - 2m * i);
        for (var i = 1; i <= 12; i++) closes.Add(151m + 1.5m * i);
        for (var i = 1; i <= 8; i++) closes.Add(169m - 3m * i);
        return closes;
    }

    private static (SignalDirection Direction, int Bar)[] Run(IStrategy strategy, RecordingStrategyContext context, IEnumerable<decimal> closes)
    {
        context.Feed(strategy, Symbol, closes);
        return context.Signals.Select(s => (s.Direction, s.Bar)).ToArray();
    }

    [Fact]
    public void SmallClouds_HandWorked_LongOnTheBullishTurnAboveTheTrendAndFlatOnTheBearishTurn()
    {
        // Fast EMA1/EMA2, trend EMA3/EMA4; closes 10 11 12 13 14 13 15 16 12. All ready at bar 3:
        // bar 3: 13 vs EMA2 12.5 (bullish side); bar 4: 14 vs 13.5;
        // bar 5: 13 < EMA2 13.1667: turns bearish (flat already, nothing to do);
        // bar 6: 15 > EMA2 14.3889: turns bullish, both above the trend top EMA3 14.0 -> Long;
        // bar 8: 12 < EMA2 13.1543: turns bearish -> Flat.
        var strategy = new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { FastShort = 1, FastLong = 2, TrendShort = 3, TrendLong = 4 });
        var signals = Run(strategy, new RecordingStrategyContext(), [10m, 11m, 12m, 13m, 14m, 13m, 15m, 16m, 12m]);
        Assert.Equal([(SignalDirection.Long, 6), (SignalDirection.Flat, 8)], signals);
    }

    [Fact]
    public void DefaultClouds_PullbackInAnUptrend_LongOnTheResumeAndFlatWhenTheFastCloudTurnsBearish()
    {
        var context = new RecordingStrategyContext();
        var signals = Run(new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions()), context, PullbackThenCrash());

        Assert.Equal([(SignalDirection.Long, 65), (SignalDirection.Flat, 79)], signals);
        Assert.All(context.Signals, s => Assert.Equal(("ema", Symbol, 1m, (decimal?)null), (s.Source, s.Symbol, s.Strength, s.TargetQuantity)));
    }

    [Fact]
    public void BullishTurnBelowTheTrendCloud_IsNoEntry()
    {
        // 60 bars falling by 1 from 200, then rising by 2: at bar 64 the fast cloud turns bullish with EMA5 146.92
        // and EMA12 146.59, still below the trend cloud (EMA34 154.63, EMA50 161.99). It never turns again.
        var closes = Enumerable.Range(0, 60).Select(i => 200m - i).Concat(Enumerable.Range(1, 39).Select(i => 140m + 2m * i));
        Assert.Empty(Run(new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions()), new RecordingStrategyContext(), closes));
    }

    [Fact]
    public void CloseBelowTheTrendCloud_ExitsEvenWhileTheFastCloudIsBullish()
    {
        // Clouds 5/12 and 13/14 on the pullback path up to bar 75 (close 169), then a gap to 156 at bar 76:
        // EMA5 162.6965 stays above EMA12 161.2493, but the close is under the trend bottom EMA14 160.6451.
        var closes = PullbackThenCrash().Take(76).Append(156m);
        var options = new EmaCloudOptions { FastShort = 5, FastLong = 12, TrendShort = 13, TrendLong = 14 };
        var signals = Run(new EmaCloudStrategy("ema", [Symbol], options), new RecordingStrategyContext(), closes);
        Assert.Equal([(SignalDirection.Long, 65), (SignalDirection.Flat, 76)], signals);
    }

    [Fact]
    public void AllowShort_OnTheMirroredPath_ShortsOnTheBearishTurnAndCoversOnTheBullishTurn()
    {
        // 400 - price mirrors every EMA, so every bullish turn becomes a bearish turn on the same bar.
        var mirrored = PullbackThenCrash().Select(c => 400m - c).ToList();
        var withShort = Run(new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { AllowShort = true }), new RecordingStrategyContext(), mirrored);
        var longOnly = Run(new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions()), new RecordingStrategyContext(), mirrored);

        Assert.Equal([(SignalDirection.Short, 65), (SignalDirection.Flat, 79)], withShort);
        Assert.Empty(longOnly);
    }

    [Fact]
    public void AllowShort_WhileLong_ABearishTurnBelowTheTrendCloudGoesShortDirectly()
    {
        // Hand-worked with clouds 1/2 and 3/4 from a long position: closes 10 11 12 13 put the fast cloud above
        // the trend (13 > 12.5 > 12 > 11.5); bar 4: 14 (still bullish); bar 5: 8 < EMA2 9.8333 turns bearish with
        // both fast EMAs under the trend bottom min(EMA3 10.5, EMA4 10.7) -> Short rather than Flat.
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 1m);
        var strategy = new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { FastShort = 1, FastLong = 2, TrendShort = 3, TrendLong = 4, AllowShort = true });
        Assert.Equal([(SignalDirection.Short, 5)], Run(strategy, context, [10m, 11m, 12m, 13m, 14m, 8m]));
    }

    [Fact]
    public void PendingOrder_SuppressesEverySignal()
    {
        var context = new RecordingStrategyContext();
        context.OpenOrders.Add(Symbol);
        Assert.Empty(Run(new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions()), context, PullbackThenCrash()));
    }

    [Fact]
    public void PendingOrderOnTheExitBar_DefersTheExitToTheFirstFreeBar_WhileTheFastCloudIsStillBearish()
    {
        // The bearish turn at bar 79 comes while an order works. The exit is kept due, and signalled at bar 80 (close
        // 154, EMA5 under EMA12), two bars before the close falls under the trend bottom (bar 82: 148 < EMA50 148.99).
        var strategy = new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions());
        var context = new RecordingStrategyContext();
        var path = PullbackThenCrash();
        context.Feed(strategy, Symbol, path.Take(79));
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, path.Skip(79).Take(1));
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, path.Skip(80));
        Assert.Equal([(SignalDirection.Long, 65), (SignalDirection.Flat, 80)], context.Signals.Select(s => (s.Direction, s.Bar)));
    }

    [Fact]
    public void ABearishTurnWhileAnOrderWorks_IsDropped_IfTheFastCloudTurnsBackBeforeItEnds()
    {
        // Clouds 1/2 and 3/4: long at bar 6, the fast cloud turns bearish at bar 8 (12) and back at bar 9 (20) while an
        // order works. At bar 10 nothing is due: the bullish turn's entry is not signalled late and the exit is moot.
        var strategy = new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { FastShort = 1, FastLong = 2, TrendShort = 3, TrendLong = 4 });
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, [10m, 11m, 12m, 13m, 14m, 13m, 15m, 16m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [12m, 20m]);
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [21m]);
        Assert.Equal([(SignalDirection.Long, 6)], context.Signals.Select(s => (s.Direction, s.Bar)));
    }

    [Fact]
    public void ALongFoundHeldWhileTheFastCloudIsBearishAtTheStart_IsClosed_ABullishCloudKeepsIt_AFlatStartWaitsForATurn()
    {
        // Clouds 1/2 and 3/4, all ready at bar 3. Closes 10 11 12 11.2: EMA2 11.3 is above the close (bearish), yet the
        // close is above the trend bottom (EMA4 11.05), so only the lost exit closes the long. Closes 10 11 12 13 leave
        // the fast cloud bullish (13 > EMA2 12.5): the long is the rule's to hold.
        static EmaCloudStrategy Small() => new("ema", [Symbol], new EmaCloudOptions { FastShort = 1, FastLong = 2, TrendShort = 3, TrendLong = 4 });
        var held = new RecordingStrategyContext();
        held.SetPosition(Symbol, 5m);
        var heldBullish = new RecordingStrategyContext();
        heldBullish.SetPosition(Symbol, 5m);
        var shortHeld = new RecordingStrategyContext();
        shortHeld.SetPosition(Symbol, -5m);

        Assert.Equal([(SignalDirection.Flat, 3)], Run(Small(), held, [10m, 11m, 12m, 11.2m]));
        Assert.Empty(Run(Small(), heldBullish, [10m, 11m, 12m, 13m]));
        Assert.Empty(Run(Small(), new RecordingStrategyContext(), [10m, 11m, 12m, 11.2m]));
        // The mirror, 30 less each close: a short found held while the fast cloud is bullish is covered.
        Assert.Equal([(SignalDirection.Flat, 3)], Run(Small(), shortHeld, [20m, 19m, 18m, 18.8m]));
    }

    [Fact]
    public void ABullishTurnWhileAnOrderWorks_CoversAShortAtTheFirstFreeBar()
    {
        // The mirrored pullback path with shorts: short at bar 65; the fast cloud turns bullish at bar 79 while an order
        // works, so the cover comes at bar 80, two bars before the close rises above the trend top.
        var strategy = new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { AllowShort = true });
        var context = new RecordingStrategyContext();
        var mirrored = PullbackThenCrash().Select(c => 400m - c).ToList();
        context.Feed(strategy, Symbol, mirrored.Take(79));
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, mirrored.Skip(79).Take(1));
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, mirrored.Skip(80));
        Assert.Equal([(SignalDirection.Short, 65), (SignalDirection.Flat, 80)], context.Signals.Select(s => (s.Direction, s.Bar)));
    }

    [Fact]
    public void Symbols_AreTrackedIndependently()
    {
        var strategy = new EmaCloudStrategy("ema", ["AAA", "BBB"], new EmaCloudOptions { FastShort = 1, FastLong = 2, TrendShort = 3, TrendLong = 4 });
        var context = new RecordingStrategyContext();
        decimal[] path = [10m, 11m, 12m, 13m, 14m, 13m, 15m, 16m, 12m];
        foreach (var close in path)
        {
            // BBB sees a flat series between AAA's bars; if the state were shared it would never turn bullish.
            strategy.OnBar(new Bar("AAA", context.Now, close, close, close, close, 0m, TimeSpan.FromDays(1)), context);
            strategy.OnBar(new Bar("BBB", context.Now, 50m, 50m, 50m, 50m, 0m, TimeSpan.FromDays(1)), context);
            context.BarIndex++;
        }
        Assert.Equal([("AAA", SignalDirection.Long, 6), ("AAA", SignalDirection.Flat, 8)], context.Signals.Select(s => (s.Symbol, s.Direction, s.Bar)));
        Assert.True(strategy.Handles("BBB"));
        Assert.False(strategy.Handles("CCC"));
    }

    [Fact]
    public void Options_ListEveryProblemByParameter()
    {
        var problems = new EmaCloudOptions { FastShort = 0, FastLong = 0, TrendShort = 10, TrendLong = 9 }.Validate();
        Assert.Equal(["fastShort", "fastLong", "trendLong"], problems.Select(p => p.Key));
        Assert.Equal("trendShort", Assert.Single(new EmaCloudOptions { FastLong = 40 }.Validate()).Key);
        Assert.Empty(new EmaCloudOptions().Validate());
        Assert.Throws<ArgumentException>(() => new EmaCloudStrategy("ema", [Symbol], new EmaCloudOptions { FastShort = 12 }));
    }
}
