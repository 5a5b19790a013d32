using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// Protective stops and take-profits through the real kernel and paper venue: where they fill, and that no share is sold
/// twice.
/// </summary>
public sealed class ProtectiveStopBacktestTests(ITestOutputHelper output)
{
    private static readonly Instrument Spy = new("SPY", AssetClass.Equity);
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnOpenThatGapsThroughTheStop_FillsAtTheOpen_AnIntrabarTouch_AtTheStop()
    {
        // Long at bar 1's close, filled at bar 2's open (100): stop 95 from bar 2's close on.
        var gap = await RunAsync([Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, 90, low: 88), Bar(4, 90)],
            new ProtectiveStop(5m, null), (1, SignalDirection.Long));
        var touch = await RunAsync([Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, 97, low: 94), Bar(4, 96)],
            new ProtectiveStop(5m, null), (1, SignalDirection.Long));

        foreach (var (result, price) in new[] { (gap, 90m), (touch, 95m) })
        {
            var stop = Assert.Single(result.Orders, o => o.Type == OrderType.Stop);
            Assert.Equal((OrderSide.Sell, 95m, Day0.AddDays(3), price), (stop.Side, stop.CreatePrice, stop.FilledAt, stop.FillPrice));
            Assert.Equal(result.Cash, result.FinalValue); // flat after the stop
        }
    }

    [Fact]
    public async Task AnExitSignalledTheBarBeforeAGapThroughTheStop_SellsTheSharesOnce()
    {
        // Long at bar 1, filled at bar 2's open (100); exit at bar 3's close (96, above the 95 stop); bar 4 opens at 90,
        // where both the exit and the stop would fill if both were working.
        var result = await RunAsync([Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, 96), Bar(4, 90, low: 89), Bar(5, 90)],
            new ProtectiveStop(5m, null), (1, SignalDirection.Long), (3, SignalDirection.Flat));

        var sells = result.Orders.Where(o => o.Side == OrderSide.Sell && o.FilledAt is not null).ToList();
        var exit = Assert.Single(sells);
        Assert.Equal((OrderType.Market, Day0.AddDays(4), 90m), (exit.Type, exit.FilledAt, exit.FillPrice));
        var stop = Assert.Single(result.Orders, o => o.Type == OrderType.Stop);
        Assert.True(stop.Canceled);
        Assert.Equal(result.Cash, result.FinalValue); // flat, not short
    }

    [Fact]
    public async Task OnTheSample_EveryStopFillsAtTheWorseOfItsPriceAndTheOpen_OnABarThatReachedIt_AndTheAccountIsNeverShort()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("trailingStopPercent", "2"));

        var byTime = bars.ToDictionary(b => b.Time);
        var stopFills = result.Orders.Where(o => o.Type == OrderType.Stop && o.FilledAt is not null).ToList();
        Assert.NotEmpty(stopFills);
        foreach (var stop in stopFills)
        {
            var bar = byTime[stop.FilledAt!.Value];
            Assert.True(bar.Low <= stop.CreatePrice, $"the stop at {stop.CreatePrice} filled on {bar.Time:yyyy-MM-dd}, whose low was {bar.Low}");
            Assert.Equal(Math.Min(bar.Open, stop.CreatePrice), stop.FillPrice);
        }
        AssertHoldsAtMostOneShare(result);
        // Every stop is a sell for the one share held, and at most one works at a time.
        Assert.All(result.Orders.Where(o => o.Type == OrderType.Stop), o => Assert.Equal((OrderSide.Sell, 1m), (o.Side, o.Quantity)));
    }

    [Theory]
    [InlineData(109, 111, 108, 110, "take-profit")]   // the bar trades up through the target only: it sells at 110
    [InlineData(112, 113, 111, 112, "take-profit")]   // it opens above the target: at the open, the better price
    [InlineData(100, 111, 93, 95, "stop")]            // it reaches both, the open through neither: the stop, the loss assumed first
    [InlineData(94, 111, 93, 94, "stop")]             // it opens through the stop: the stop, at the open
    [InlineData(96, 97, 93, 95, "stop")]              // it reaches the stop only
    public async Task AStopAndATakeProfit_SellOnce_TheOneTheBarReachedFirst(int open, int high, int low, int fillPrice, string filled)
    {
        // Long at bar 1's close, filled at bar 2's open (100): stop 95 and take-profit 110 from bar 2's close on; bar 3
        // reaches one of them or both.
        List<Bar> bars = [Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, open, low: low, high: high), Bar(4, 100)];
        var result = await RunAsync(bars, new ProtectiveStop(5m, null, 10m), (1, SignalDirection.Long));

        var stop = Assert.Single(result.Orders, o => o.Tag == "protective-stop");
        var target = Assert.Single(result.Orders, o => o.Tag == "take-profit");
        Assert.Equal((OrderType.Limit, OrderSide.Sell, 110m), (target.Type, target.Side, target.CreatePrice));
        var (winner, loser) = filled == "stop" ? (stop, target) : (target, stop);
        Assert.Equal((Day0.AddDays(3), (decimal)fillPrice), (winner.FilledAt, winner.FillPrice));
        Assert.Null(loser.FilledAt);
        Assert.True(loser.Canceled); // by the venue, when its sibling filled
        Assert.Equal(result.Cash, result.FinalValue); // flat, not short: the share was sold once
        var metrics = MetricsCalculator.Compute(result, bars);
        var trade = Assert.Single(metrics.TradeList);
        Assert.Equal((filled == "stop", filled == "take-profit"), (trade.StoppedOut, trade.TookProfit));
        Assert.Equal((filled == "stop" ? 1 : 0, filled == "take-profit" ? 1 : 0), (metrics.StoppedOut, metrics.TookProfit));
    }

    [Fact]
    public async Task OnTheSample_EveryTakeProfitFillsAtTheBetterOfItsPriceAndTheOpen_AndNoShareIsSoldTwice()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("trailingStopPercent", "2"), ("takeProfitPercent", "3"));

        var byTime = bars.ToDictionary(b => b.Time);
        var targetFills = result.Orders.Where(o => o.Tag == "take-profit" && o.FilledAt is not null).ToList();
        Assert.NotEmpty(targetFills);
        Assert.Contains(result.Orders, o => o.Tag == "protective-stop" && o.FilledAt is not null);
        foreach (var target in targetFills)
        {
            var bar = byTime[target.FilledAt!.Value];
            Assert.True(bar.High >= target.CreatePrice, $"the take-profit at {target.CreatePrice} filled on {bar.Time:yyyy-MM-dd}, whose high was {bar.High}");
            Assert.Equal(Math.Max(bar.Open, target.CreatePrice), target.FillPrice);
        }
        AssertHoldsAtMostOneShare(result);
        // Each trade closed at a take-profit is exactly one take-profit fill, and the same for the stops.
        var metrics = MetricsCalculator.Compute(result, bars);
        Assert.Equal(targetFills.Count, metrics.TookProfit);
        Assert.Equal(result.Orders.Count(o => o.Tag == "protective-stop" && o.FilledAt is not null), metrics.StoppedOut);
    }

    [Fact]
    public async Task AnEntryCappedByVolume_IsProtectedFromItsFirstFill_TheStopGrowingWithIt()
    {
        // 10 shares a bar (1% of 1,000): the long of 30 signalled at bar 1 buys 10 at each of bars 2, 3 and 4's opens.
        var result = await RunCappedAsync([Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, 100), Bar(4, 100), Bar(5, 100)]);

        var entry = Assert.Single(result.Orders, o => o.Type == OrderType.Market);
        Assert.Equal((30m, 30m, false), (entry.Quantity, entry.Filled, entry.Canceled));
        var stops = result.Orders.Where(o => o.Type == OrderType.Stop).ToList();
        Assert.Equal([10m, 20m, 30m], stops.Select(s => s.Quantity));
        Assert.Equal([Day0.AddDays(2), Day0.AddDays(3), Day0.AddDays(4)], stops.Select(s => s.CreatedAt));
        Assert.Equal([true, true, false], stops.Select(s => s.Canceled)); // each replaced by the next; the last works
        Assert.All(stops, s => Assert.Equal((95m, 0m), (s.CreatePrice, s.Filled)));
    }

    [Fact]
    public async Task AStopOutWhileAnEntryIsCappedByVolume_CancelsTheRestOfTheEntry_AndProtectsWhatItBoughtMeanwhile()
    {
        // The entry buys 10 at bar 2's open (100), when a stop for them goes out at 95. Bar 3 opens at 90: the entry buys
        // 10 more there and the stop sells its 10; the rest of the entry (10) is canceled and the 10 held (bought at 90,
        // an average of 95 with the 10 sold) get a stop at 90.25, which bars 4 and 5 never reach.
        var result = await RunCappedAsync([Bar(0, 100), Bar(1, 100), Bar(2, 100), Bar(3, 90, low: 89), Bar(4, 96), Bar(5, 96)]);

        var entry = Assert.Single(result.Orders, o => o.Type == OrderType.Market);
        Assert.Equal((30m, 20m, true, 95m), (entry.Quantity, entry.Filled, entry.Canceled, entry.FillPrice));
        var stops = result.Orders.Where(o => o.Type == OrderType.Stop).ToList();
        Assert.Equal(2, stops.Count);
        Assert.Equal((10m, 10m, Day0.AddDays(3), 90m), (stops[0].Quantity, stops[0].Filled, stops[0].FilledAt, stops[0].FillPrice));
        Assert.Equal((10m, 90.25m, 0m, false), (stops[1].Quantity, stops[1].CreatePrice, stops[1].Filled, stops[1].Canceled));
        var held = result.Orders.Sum(o => o.Side == OrderSide.Buy ? o.Filled : -o.Filled);
        Assert.Equal(10m, held);
        Assert.Equal(result.Cash + (10m * 96m), result.FinalValue);
        var trade = Assert.Single(MetricsCalculator.Compute(result, []).TradeList);
        Assert.Equal((20m, true), (trade.Quantity, trade.IsOpen)); // one trade, its 10 held still open
    }

    /// <summary>A long of 30 signalled at bar 1 with a 5% stop, each order filling at most 1% of a bar's volume of 1,000.</summary>
    private static Task<BacktestResult> RunCappedAsync(List<Bar> bars) =>
        BacktestEngine.RunAsync(bars, [new Script(new ProtectiveStop(5m, null), (1, SignalDirection.Long))], new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument> { [Spy.Symbol] = Spy },
            EnforceTradingHours = false,
            Size = 30m,
            MaxVolumeParticipation = 0.01m,
        }, CancellationToken.None);

    [Fact]
    public async Task OnTheSample_EveryStopInAtrs_IsItsRangesUnderItsEntry_MeasuredThroughTheBarItWentOutOn()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("stopLossAtr", "1"));

        var stops = result.Orders.Where(o => o.Tag == "protective-stop").ToList();
        Assert.NotEmpty(stops);
        Assert.Contains(stops, s => s.FilledAt is not null);
        var entries = result.Orders.Where(o => o.Tag is null && o.Side == OrderSide.Buy && o.FilledAt is not null).ToList();
        foreach (var stop in stops)
        {
            // The ATR(14) of the bars up to the one the stop went out on: the bar its entry filled in.
            var atr = new Core.Indicators.AverageTrueRange(14);
            foreach (var bar in bars.TakeWhile(b => b.Time <= stop.CreatedAt)) atr.Update(bar);
            var entry = entries.Last(e => e.FilledAt <= stop.CreatedAt);
            Assert.Equal(stop.CreatedAt, entry.FilledAt);
            Assert.Equal(Math.Ceiling((entry.FillPrice!.Value - atr.Value) * 100m) / 100m, stop.CreatePrice);
        }
        AssertHoldsAtMostOneShare(result);
    }

    [Fact]
    public async Task OnTheSample_AnAtrTrail_OnlyMovesUpWhileAPositionIsHeld_AndStopsSomeOut()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("trailingStopAtr", "2"));

        var entries = result.Orders.Where(o => o.Tag is null && o.Side == OrderSide.Buy && o.FilledAt is not null).ToList();
        var stops = result.Orders.Where(o => o.Tag == "protective-stop").ToList();
        Assert.True(stops.Count > entries.Count, "the trail never moved");
        Assert.Contains(stops, s => s.FilledAt is not null);
        foreach (var held in stops.GroupBy(s => entries.Last(e => e.FilledAt <= s.CreatedAt).ClientOrderId))
        {
            var levels = held.Select(s => s.CreatePrice).ToList();
            Assert.Equal(levels.Order(), levels);
            Assert.Equal(levels.Count, levels.Distinct().Count()); // replaced only when it moved
        }
        AssertHoldsAtMostOneShare(result);
    }

    [Theory]
    [InlineData(BacktestFill.NextOpen)]
    [InlineData(BacktestFill.Close)]
    public async Task OnTheSample_ATrailFromExtremes_Is2PercentUnderTheHighestHighHeld_NeverABarFromBeforeTheEntry(BacktestFill fill)
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, fill, ("trailingStopPercent", "2"), ("trailFrom", "extreme"));

        var entries = result.Orders.Where(o => o.Tag is null && o.Side == OrderSide.Buy && o.FilledAt is not null).ToList();
        var stops = result.Orders.Where(o => o.Tag == "protective-stop").ToList();
        Assert.True(stops.Count > entries.Count, "the trail never moved");
        var aboveTheClose = 0;
        foreach (var stop in stops)
        {
            // The bars held: from the one whose open filled the entry, or after the one whose close did, to the one the
            // stop went out on.
            var entry = entries.Last(e => e.FilledAt <= stop.CreatedAt);
            var held = bars.Where(b => (fill == BacktestFill.NextOpen ? b.Time >= entry.FilledAt : b.Time > entry.FilledAt)
                && b.Time <= stop.CreatedAt).ToList();
            var best = held.Select(b => b.High).Append(entry.FillPrice!.Value).Max();
            Assert.Equal(Math.Ceiling(best * 0.98m * 100m) / 100m, stop.CreatePrice);
            if (best > held.Select(b => b.Close).Append(entry.FillPrice!.Value).Max()) aboveTheClose++;
        }
        Assert.True(aboveTheClose > 0, "no stop was set from a high above every close");
        AssertHoldsAtMostOneShare(result);
    }

    [Fact]
    public async Task OnTheSample_ABreakEven_MovesEachStopToTheEntry_OnceACloseHeldWasOnePercentAbove()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("stopLossPercent", "2"), ("breakEvenPercent", "1"));

        var entries = result.Orders.Where(o => o.Tag is null && o.Side == OrderSide.Buy && o.FilledAt is not null).ToList();
        var stops = result.Orders.Where(o => o.Tag == "protective-stop").ToList();
        var atEntry = 0;
        foreach (var stop in stops)
        {
            var entry = entries.Last(e => e.FilledAt <= stop.CreatedAt);
            var price = entry.FillPrice!.Value;
            var bestClose = bars.Where(b => b.Time >= entry.FilledAt && b.Time <= stop.CreatedAt).Max(b => b.Close);
            var expected = bestClose >= price * 1.01m ? Math.Ceiling(price * 100m) / 100m : Math.Ceiling(price * 0.98m * 100m) / 100m;
            Assert.Equal(expected, stop.CreatePrice);
            if (expected == price) atEntry++;
        }
        Assert.True(atEntry > 0, "no stop was moved to its entry");
        Assert.Contains(stops, s => s.FilledAt is not null && s.CreatePrice == entries.Last(e => e.FilledAt <= s.CreatedAt).FillPrice);
        AssertHoldsAtMostOneShare(result);
    }

    [Fact]
    public async Task OnTheSample_AnActivatedTrail_FollowsTheBestClose_OnlyOnceACloseHeldWasOneAndAHalfPercentAbove()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("stopLossPercent", "2"), ("trailingStopPercent", "1"), ("trailActivationPercent", "1.5"));

        var entries = result.Orders.Where(o => o.Tag is null && o.Side == OrderSide.Buy && o.FilledAt is not null).ToList();
        var stops = result.Orders.Where(o => o.Tag == "protective-stop").ToList();
        int trailed = 0, heldBack = 0;
        foreach (var stop in stops)
        {
            var entry = entries.Last(e => e.FilledAt <= stop.CreatedAt);
            var price = entry.FillPrice!.Value;
            var bestClose = bars.Where(b => b.Time >= entry.FilledAt && b.Time <= stop.CreatedAt).Max(b => b.Close);
            var fixedLevel = Math.Ceiling(price * 0.98m * 100m) / 100m;
            var expected = bestClose >= price * 1.015m ? Math.Ceiling(bestClose * 0.99m * 100m) / 100m : fixedLevel;
            Assert.Equal(expected, stop.CreatePrice);
            if (expected != fixedLevel) trailed++;
            else if (Math.Ceiling(bestClose * 0.99m * 100m) / 100m > fixedLevel) heldBack++; // a trail from the entry would have moved it
        }
        Assert.True(trailed > 0, "no trail was activated");
        Assert.True(heldBack > 0, "no stop was held at its fixed level where a trail from the entry would have moved it");
        AssertHoldsAtMostOneShare(result);
    }

    [Fact]
    public async Task OnTheSample_EachTradesRisk_IsTheDistanceToItsFirstStop_AndItsRThePnLOverIt()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("stopLossPercent", "1"), ("trailingStopPercent", "3"));

        var m = MetricsCalculator.Compute(result, bars);

        Assert.NotEmpty(m.TradeList);
        foreach (var t in m.TradeList)
        {
            // One share a trade; the first stop is the fixed one, 1% under the entry on the cent above (the trail's 3% is wider).
            var risk = t.EntryPrice - (Math.Ceiling(t.EntryPrice * 0.99m * 100m) / 100m);
            Assert.Equal(risk, t.Risk);
            Assert.Equal(t.PnL / risk, t.R);
        }
        var closed = m.TradeList.Where(t => !t.IsOpen).ToList();
        Assert.Equal(closed.Average(t => t.R!.Value), m.TradeStats.AverageR);
        Assert.Equal(closed.Count, m.TradeStats.TradesWithRisk);
        Assert.Contains(closed, t => t.StoppedOut && t.R is > -1.05m and < -0.95m); // a stop-out loses about what it risked
        Assert.Null(MetricsCalculator.Compute(await RunSmaCrossAsync(bars, ("takeProfitPercent", "3")), bars).TradeStats.AverageR);
    }

    [Fact]
    public async Task OnTheSample_NoEntryIsMadeBeforeItsRangeIsKnown_AndTheDenialsAreCountedByReason()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var result = await RunSmaCrossAsync(bars, ("stopLossAtr", "1"), ("atrPeriod", "40"));

        var source = Assert.Single(result.Sources, s => s.Source == "sma-cross");
        Assert.True(source.DeniedByReason.GetValueOrDefault("StopNotReady") > 0, string.Join(", ", source.DeniedByReason));
        Assert.Equal(source.Denied, source.DeniedByReason.Values.Sum());
        Assert.NotEmpty(result.Orders);
        Assert.All(result.Orders, o => Assert.True(o.CreatedAt >= bars[39].Time, $"an order at {o.CreatedAt:yyyy-MM-dd}, before the 40th bar"));
    }

    /// <summary>sma-cross with period 15 and <paramref name="exits"/> on the sample, one share a trade.</summary>
    private static Task<BacktestResult> RunSmaCrossAsync(IReadOnlyList<Bar> bars, params (string Key, string Value)[] exits) =>
        RunSmaCrossAsync(bars, BacktestFill.NextOpen, exits);

    /// <summary>The same, filling its market orders as <paramref name="fill"/> says.</summary>
    private static async Task<BacktestResult> RunSmaCrossAsync(IReadOnlyList<Bar> bars, BacktestFill fill, params (string Key, string Value)[] exits)
    {
        var parameters = exits.ToDictionary(e => e.Key, e => e.Value);
        parameters["period"] = "15";
        var built = StrategyCatalog.Build("sma-cross", "sma-cross", [SampleBars.Instrument.Symbol], parameters);
        Assert.True(built.Ok, string.Join("; ", built.Problems));
        return await BacktestEngine.RunAsync(bars, [built.Strategy], SampleBars.Options() with { Size = 1m, Fill = fill }, CancellationToken.None);
    }

    /// <summary>Walks the fills in time: the account is never short (no share sold twice) nor holds more than the one share.</summary>
    private static void AssertHoldsAtMostOneShare(BacktestResult result)
    {
        var position = 0m;
        foreach (var fill in result.Orders.Where(o => o.FilledAt is not null).OrderBy(o => o.FilledAt))
        {
            position += fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            Assert.InRange(position, 0m, 1m);
        }
    }

    private static async Task<BacktestResult> RunAsync(List<Bar> bars, ProtectiveStop protection, params (int Bar, SignalDirection Direction)[] steps) =>
        await BacktestEngine.RunAsync(bars, [new Script(protection, steps)], new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument> { [Spy.Symbol] = Spy },
            EnforceTradingHours = false,
        }, CancellationToken.None);

    /// <summary>A daily bar opening at <paramref name="open"/>, closing there too, with the given high and low (a cent beyond by default).</summary>
    private static Bar Bar(int day, decimal open, decimal? low = null, decimal? high = null) =>
        new("SPY", Day0.AddDays(day), open, high ?? open + 0.01m, low ?? open - 0.01m, open, 1_000m, TimeSpan.FromDays(1));

    /// <summary>Signals a direction on given bars (counted from 0), with a protective stop.</summary>
    private sealed class Script(ProtectiveStop protection, params (int Bar, SignalDirection Direction)[] steps) : IStrategy
    {
        private int _bar = -1;

        public string Source => "script";

        public ProtectiveStop? Protection => protection;

        public bool Handles(string symbol) => true;

        public void OnBar(in Bar bar, IStrategyContext context)
        {
            _bar++;
            foreach (var (at, direction) in steps)
                if (at == _bar) context.Signal(Source, bar.Symbol, direction);
        }
    }
}
