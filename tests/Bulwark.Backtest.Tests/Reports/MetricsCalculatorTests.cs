using Bulwark.Backtest.Reports;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Venues.Paper;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class MetricsCalculatorTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int n) => Day0.AddDays(n);

    private static BacktestResult Result(decimal start, IReadOnlyList<BacktestOrder> orders, params decimal[] values) =>
        new(start, values[^1], values[^1], values.Length, 0, orders,
            [.. values.Select((v, i) => new EquityPoint(Day(i), v, v))]);

    private static BacktestOrder Fill(OrderSide side, decimal quantity, decimal price, int day, decimal commission = 0m) =>
        new($"o{day}{side}", "X", side, quantity, Day(day - 1), price, Day(day), price, commission);

    private static List<Bar> Closes(params decimal[] closes) =>
        [.. closes.Select((c, i) => new Bar("X", Day(i), c, c, c, c, 1m, TimeSpan.FromDays(1)))];

    [Fact]
    public void MaxDrawdown_FromPeak120ToTrough90_Is25PercentWithPeakTroughAndRecoveryDates()
    {
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 120m, 90m, 110m, 125m), []);

        Assert.Equal(0.25m, m.MaxDrawdown);
        Assert.Equal(Day(1), m.MaxDrawdownPeak);
        Assert.Equal(Day(2), m.MaxDrawdownTrough);
        Assert.Equal(Day(4), m.MaxDrawdownRecovery);
    }

    [Fact]
    public void MaxDrawdown_NeverRecovered_HasNoRecoveryDate()
    {
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 80m, 90m), []);

        Assert.Equal(0.2m, m.MaxDrawdown);
        Assert.Equal(Day(0), m.MaxDrawdownPeak);
        Assert.Equal(Day(1), m.MaxDrawdownTrough);
        Assert.Null(m.MaxDrawdownRecovery);
    }

    [Fact]
    public void FlatCurve_HasZeroRatiosAndNoDrawdown()
    {
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 100m, 100m, 100m), []);

        Assert.Equal((0d, 0d, 0d, 0m), (m.Sharpe, m.Sortino, m.Cagr, m.MaxDrawdown));
        Assert.Null(m.MaxDrawdownPeak);
        Assert.Null(m.MaxDrawdownRecovery);
    }

    [Fact]
    public void Sharpe_OfAlternatingTwoPercentAndZeroDailyReturns_IsRootOf189()
    {
        // Returns 2%, 0, 2%, 0: mean 1%, sample sd 1%·sqrt(4/3); ×sqrt(252) gives sqrt(3/4 · 252) = sqrt(189).
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 102m, 102m, 104.04m, 104.04m), []);

        Assert.Equal(252d, m.BarsPerYear);
        Assert.Equal(Math.Sqrt(189d), m.Sharpe, 9);
    }

    [Fact]
    public void Sharpe_OfAConstantReturn_IsZeroBecauseTheDeviationIsZero()
    {
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 101m, 102.01m, 103.0301m), []);

        Assert.Equal(0d, m.Sharpe);
        Assert.Equal(0d, m.Sortino);
    }

    [Fact]
    public void Sharpe_IsOfReturnsInExcessOfTheCashRate_ForTheDaysBetweenPoints()
    {
        // 36.5 % a year is 0.1 % a day: excess returns 1.9 %, -0.1 %, 1.9 %, -0.1 %, whose sample sd is the plain
        // returns' (1 %·sqrt(4/3)) and whose mean is 0.9 %: 0.9 · sqrt(189).
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 102m, 102m, 104.04m, 104.04m) with { CashInterest = CashRates.Fixed(36.5m) }, []);

        Assert.Equal(0.9d * Math.Sqrt(189d), m.Sharpe, 9);
    }

    [Fact]
    public void CashThatEarnsExactlyItsRate_HasNoSharpeOrSortino_ThoughWithoutTheRateItLooksRiskless()
    {
        // Cash at 5 % a year, paid as the venue pays it (to six places, for each calendar day) over weekdays and weekends.
        int[] days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16];
        var cash = 10_000m;
        var curve = new List<EquityPoint>();
        for (var i = 0; i < days.Length; i++)
        {
            if (i > 0) cash += Math.Round(cash * 5m / 100m * (days[i] - days[i - 1]) / 365m, 6, MidpointRounding.AwayFromZero);
            curve.Add(new EquityPoint(Day(days[i]), cash, cash));
        }
        var result = new BacktestResult(10_000m, cash, cash, days.Length, 0, [], curve);

        var plain = MetricsCalculator.Compute(result, []);
        var excess = MetricsCalculator.Compute(result with { CashInterest = CashRates.Fixed(5m) }, []);

        Assert.True(plain.Sharpe > 10d, $"Sharpe {plain.Sharpe}");
        Assert.Equal((0d, 0d), (excess.Sharpe, excess.Sortino));
        Assert.Equal(plain.Cagr, excess.Cagr);
    }

    [Fact]
    public void CashThatEarnsRatesThatChange_HasNoSharpe_OverThoseRates_ButDoesOverAnyOneRate()
    {
        // 5 % a year for the first week's days, then 1 %: paid as the venue pays it, each day at its own rate.
        int[] days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16];
        var start = DateOnly.FromDateTime(Day(0).UtcDateTime);
        var rates = CashRates.Steps([new CashRateStep(start, 5m), new CashRateStep(start.AddDays(7), 1m)]);
        var cash = 10_000m;
        var curve = new List<EquityPoint>();
        for (var i = 0; i < days.Length; i++)
        {
            if (i > 0)
            {
                var percentDays = Enumerable.Range(days[i - 1], days[i] - days[i - 1]).Sum(d => d < 7 ? 5m : 1m);
                cash += Math.Round(cash * percentDays / 100m / 365m, 6, MidpointRounding.AwayFromZero);
            }
            curve.Add(new EquityPoint(Day(days[i]), cash, cash));
        }
        var result = new BacktestResult(10_000m, cash, cash, days.Length, 0, [], curve);

        var overRates = MetricsCalculator.Compute(result with { CashInterest = rates }, []);
        var overFirst = MetricsCalculator.Compute(result with { CashInterest = CashRates.Fixed(5m) }, []);

        Assert.Equal((0d, 0d), (overRates.Sharpe, overRates.Sortino));
        Assert.True(overFirst.Sharpe < -1d, $"Sharpe {overFirst.Sharpe}"); // it earned less than 5 % from the second week
    }

    [Fact]
    public void Sortino_OfPlusTwoMinusOnePercent_IsRootOf126()
    {
        // Returns 2%, -1%, 2%, -1%: mean 0.5%, downside deviation sqrt(2·0.0001/4); ratio sqrt(1/2) · sqrt(252).
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 102m, 100.98m, 102.9996m, 101.969604m), []);

        Assert.Equal(Math.Sqrt(126d), m.Sortino, 9);
    }

    [Fact]
    public void Cagr_Of21PercentOverTwoYears_IsTenPercent()
    {
        var result = new BacktestResult(100m, 121m, 121m, 2, 0, [],
            [new EquityPoint(Day0, 100m, 100m), new EquityPoint(Day0.AddDays(730.5), 121m, 121m)]);

        Assert.Equal(0.1d, MetricsCalculator.Compute(result, []).Cagr, 12);
    }

    [Fact]
    public void RoundTrips_WinRateExposureAndTurnover_FromALongAShortAndAnOpenLong()
    {
        BacktestOrder[] orders =
        [
            Fill(OrderSide.Buy, 10m, 10m, 1, commission: 1m),
            Fill(OrderSide.Sell, 10m, 12m, 3, commission: 1m),
            Fill(OrderSide.Sell, 5m, 20m, 4),
            Fill(OrderSide.Buy, 5m, 22m, 5),
            Fill(OrderSide.Buy, 1m, 30m, 6),
        ];
        var m = MetricsCalculator.Compute(Result(1000m, orders, 1000m, 1000m, 1000m, 1000m, 1000m, 1000m, 1000m),
            Closes(10m, 10m, 11m, 12m, 20m, 22m, 33m));

        Assert.Equal((2, 1), (m.Trades, m.OpenTrades));
        Assert.Equal(0.5m, m.WinRate);
        var (win, loss, open) = (m.TradeList[0], m.TradeList[1], m.TradeList[2]);
        // Excursions: the long saw 10 and 11 (its bars) and 12 (its exit); the short 20 and its exit at 22; the open long 33.
        Assert.Equal(new Trade("X", TradeSide.Long, Day(1), 10m, Day(3), 12m, 10m, 18m, 0.18m) { Mfe = 0.2m }, win);
        Assert.Equal(new Trade("X", TradeSide.Short, Day(4), 20m, Day(5), 22m, 5m, -10m, -0.1m) { Mae = -0.1m }, loss);
        Assert.Equal(new Trade("X", TradeSide.Long, Day(6), 30m, null, null, 1m, 3m, 0.1m) { Mfe = 0.1m }, open);
        Assert.True(open.IsOpen);
        // Held after days 1, 2, 4 and 6 of 7 points; notional 100 + 120 + 100 + 110 + 30 over an average of 1000.
        Assert.Equal(4m / 7m, m.Exposure);
        Assert.Equal(0.46m, m.Turnover);
    }

    [Fact]
    public void TradeStats_FromTwoWinsALossABreakevenAndAnOpenTrade()
    {
        // Wins +20 (held 2 days) and +10 (1 day), a loss of -8 (1 day), a breakeven (1 day), then an open long.
        BacktestOrder[] orders =
        [
            Fill(OrderSide.Buy, 10m, 10m, 1), Fill(OrderSide.Sell, 10m, 12m, 3),
            Fill(OrderSide.Buy, 10m, 12m, 4), Fill(OrderSide.Sell, 10m, 13m, 5),
            Fill(OrderSide.Buy, 4m, 13m, 6), Fill(OrderSide.Sell, 4m, 11m, 7),
            Fill(OrderSide.Buy, 1m, 11m, 8), Fill(OrderSide.Sell, 1m, 11m, 9),
            Fill(OrderSide.Buy, 1m, 11m, 10),
        ];
        var m = MetricsCalculator.Compute(Result(1000m, orders, [.. Enumerable.Repeat(1000m, 12)]),
            Closes(10m, 10m, 11m, 12m, 12m, 13m, 13m, 11m, 11m, 11m, 11m, 50m));

        var t = m.TradeStats;
        Assert.Equal(30m / 8m, t.ProfitFactor);
        Assert.Equal((15m, -8m, 20m, -8m), (t.AverageWin, t.AverageLoss, t.LargestWin, t.LargestLoss));
        Assert.Equal(TimeSpan.FromDays(5d / 4d), t.AverageHold); // the open trade counts for nothing
        Assert.Equal((30m - 8m) / 4m, t.Expectancy); // the breakeven counts as a trade worth 0
        Assert.Equal((2, 1), (t.MaxConsecutiveWins, t.MaxConsecutiveLosses));
        // Kelly: two wins in three decided trades, paid 15 against 8: 2/3 - (1/3) / (15/8) = 22/45; the breakeven is neither.
        Assert.Equal(Math.Round(22m / 45m, 20), Math.Round(t.Kelly!.Value, 20));
    }

    [Fact]
    public void ATradesRisk_IsToTheFirstWorkingStopOfItsDirection_WhileItWasHeld()
    {
        static BacktestOrder Stop(OrderSide side, decimal price, int day, decimal quantity = 10m) =>
            new($"s{day}{side}{price}", "X", side, quantity, Day(day), price, null, null, 0m) { Tag = "protective-stop", Type = OrderType.Stop, Canceled = true };
        BacktestOrder[] orders =
        [
            // A long of 10 at 10: a stop refused by the venue, then one at 9.5 (risk 5), then a trail at 11 (not its first).
            Fill(OrderSide.Buy, 10m, 10m, 1), Stop(OrderSide.Sell, 9.9m, 1) with { Rejected = "no" }, Stop(OrderSide.Sell, 9.5m, 1), Stop(OrderSide.Sell, 11m, 2),
            Fill(OrderSide.Sell, 10m, 12m, 3),
            // A short of 5 at 12, stopped by a buy stop at 13 (risk 5): a sell stop left over does not count for it.
            Fill(OrderSide.Sell, 5m, 12m, 4), Stop(OrderSide.Sell, 1m, 4), Stop(OrderSide.Buy, 13m, 4, 5m), Fill(OrderSide.Buy, 5m, 11m, 6),
            // A long with no stop.
            Fill(OrderSide.Buy, 1m, 11m, 7), Fill(OrderSide.Sell, 1m, 11m, 8),
        ];

        var m = MetricsCalculator.Compute(Result(1000m, orders, [.. Enumerable.Repeat(1000m, 9)]), Closes(10m, 10m, 11m, 12m, 12m, 12m, 11m, 11m, 11m));

        Assert.Equal([5m, 5m, null], m.TradeList.Select(t => t.Risk));
        Assert.Equal([4m, 1m, null], m.TradeList.Select(t => t.R));
        Assert.Equal((2.5m, 2), (m.TradeStats.AverageR, m.TradeStats.TradesWithRisk));
    }

    [Fact]
    public void TradeStats_CountRunsInTheOrderTradesClosed_ABreakevenEndingARun()
    {
        static Trade Closed(int entryDay, int exitDay, decimal pnl) => new("X", TradeSide.Long, Day(entryDay), 10m, Day(exitDay), 10m, 1m, pnl, 0m);
        // In entry order: win, loss, win, loss, loss (runs of 1 and 2). In the order they closed (the second was held
        // longest): win, win, loss, loss, loss (runs of 2 and 3). Then a breakeven, a loss, and an open trade left out.
        Trade[] trades =
        [
            Closed(0, 1, 5m), Closed(2, 9, -1m), Closed(3, 5, 2m), Closed(4, 6, -3m), Closed(7, 8, -2m),
            Closed(10, 11, 0m), Closed(12, 13, -4m), new("X", TradeSide.Long, Day(14), 10m, null, null, 1m, -9m, 0m),
        ];

        var t = TradeStatistics.Of(trades);

        Assert.Equal((2, 3), (t.MaxConsecutiveWins, t.MaxConsecutiveLosses));
        Assert.Equal(-3m / 7m, t.Expectancy);
    }

    [Fact]
    public void TradeStats_WithoutALosingTrade_HaveNoProfitFactor()
    {
        BacktestOrder[] orders = [Fill(OrderSide.Buy, 1m, 10m, 1), Fill(OrderSide.Sell, 1m, 12m, 2)];
        var m = MetricsCalculator.Compute(Result(1000m, orders, 1000m, 1000m, 1000m), Closes(10m, 10m, 12m));

        Assert.Null(m.TradeStats.ProfitFactor);
        Assert.Null(m.TradeStats.Kelly); // no loss: no odds to size by
        Assert.Equal((0m, 0m), (m.TradeStats.AverageLoss, m.TradeStats.LargestLoss));
    }

    [Fact]
    public void BuyAndHold_IsEachSymbolsLastCloseOverItsFirstOpen_AveragedOverTheSymbols()
    {
        // X: open 10 to close 15 (+50 %); Y, interleaved: open 20 to close 18 (-10 %); the mean is +20 %.
        List<Bar> bars =
        [
            new("X", Day(0), 10m, 11m, 9m, 10m, 1m, TimeSpan.FromDays(1)), new("Y", Day(0), 20m, 21m, 19m, 20m, 1m, TimeSpan.FromDays(1)),
            new("X", Day(1), 10m, 15m, 10m, 15m, 1m, TimeSpan.FromDays(1)), new("Y", Day(1), 20m, 20m, 18m, 18m, 1m, TimeSpan.FromDays(1)),
        ];

        var m = MetricsCalculator.Compute(Result(1000m, [], 1000m, 1000m), bars);

        Assert.Equal(0.2m, m.BuyAndHoldReturn);
    }

    [Theory]
    [InlineData(20, "20s")]
    [InlineData(45 * 60, "45m")]
    [InlineData(2 * 3600 + 15 * 60, "2h 15m")]
    [InlineData(3 * 86400 + 4 * 3600 + 59, "3d 4h")]
    public void Describe_AHoldingTime_InItsLargestTwoUnits(int seconds, string expected) =>
        Assert.Equal(expected, TradeStatistics.Describe(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void AFillThatCrossesZero_ClosesTheLongAndOpensAShortWithTheRest()
    {
        BacktestOrder[] orders = [Fill(OrderSide.Buy, 10m, 10m, 1), Fill(OrderSide.Sell, 15m, 12m, 2, commission: 3m)];
        var m = MetricsCalculator.Compute(Result(1000m, orders, 1000m, 1000m, 1000m), Closes(10m, 10m, 11m));

        // The sell's commission of 3 is shared 10:5 between the exit and the new entry.
        Assert.Equal(new Trade("X", TradeSide.Long, Day(1), 10m, Day(2), 12m, 10m, 18m, 0.18m) { Mfe = 0.2m }, m.TradeList[0]);
        Assert.Equal(new Trade("X", TradeSide.Short, Day(2), 12m, null, null, 5m, 4m, 4m / 60m) { Mfe = 0.08333333m }, m.TradeList[1]);
        Assert.Equal((1, 1, 1m), (m.Trades, m.OpenTrades, m.WinRate));
    }

    [Fact]
    public void AnOrderFilledInPart_CountsWhatFilled_NotWhatWasAsked()
    {
        // A buy of 30 fills 20 (a volume cap) and the rest is canceled; a stop for the 20 sells them.
        BacktestOrder[] orders =
        [
            Fill(OrderSide.Buy, 30m, 10m, 1, commission: 3m) with { Filled = 20m, Canceled = true },
            Fill(OrderSide.Sell, 20m, 9m, 2),
        ];
        var m = MetricsCalculator.Compute(Result(1000m, orders, 1000m, 1000m, 980m), Closes(10m, 10m, 9m));

        var trade = Assert.Single(m.TradeList);
        Assert.Equal(new Trade("X", TradeSide.Long, Day(1), 10m, Day(2), 9m, 20m, -23m, -23m / 200m) { Mae = -0.1m }, trade);
        Assert.Equal(0, m.OpenTrades); // flat: the 10 never bought are not held
        Assert.Equal(((20m * 10m) + (20m * 9m)) / ((1000m + 1000m + 980m) / 3m), m.Turnover);
    }

    [Fact]
    public void FinancingCharges_GoToTheTradeThatHeldThePosition_AndTurnAThinWinIntoALoss()
    {
        // A long from day 1 to day 3 that made 2 before financing, then a short from day 3 still open at the end.
        BacktestOrder[] orders = [Fill(OrderSide.Buy, 1m, 10m, 1), Fill(OrderSide.Sell, 2m, 12m, 3)];
        FinancingCharge[] charges =
        [
            new("X", Day(0), -9m),   // no trade open yet: the run's total only
            new("X", Day(2), -1m),   // the long, held into day 2
            new("X", Day(3), -1.5m), // booked at day 3 before its fill: still the long's night
            new("Y", Day(3), -7m),   // another symbol, with no trade
            new("X", Day(4), -0.25m), // the short's
        ];
        var result = Result(1000m, orders, 1000m, 1000m, 1000m, 1000m, 1000m) with { FinancingCharges = charges };

        var m = MetricsCalculator.Compute(result, Closes(10m, 10m, 11m, 12m, 11m));

        Assert.Equal(new Trade("X", TradeSide.Long, Day(1), 10m, Day(3), 12m, 1m, -0.5m, -0.05m, -2.5m) { Mfe = 0.2m }, m.TradeList[0]);
        Assert.Equal(new Trade("X", TradeSide.Short, Day(3), 12m, null, null, 1m, 0.75m, 0.0625m, -0.25m) { Mfe = 0.08333333m }, m.TradeList[1]);
        Assert.Equal((1, 0m), (m.Trades, m.WinRate));
        Assert.Equal(-0.5m, m.TradeStats.LargestLoss);
    }

    [Fact]
    public void NoOrders_GivesNoTradesAndZeroWinRateExposureAndTurnover()
    {
        var m = MetricsCalculator.Compute(Result(100m, [], 100m, 101m, 99m), []);

        Assert.Empty(m.TradeList);
        Assert.Equal((0, 0, 0m, 0m, 0m), (m.Trades, m.OpenTrades, m.WinRate, m.Exposure, m.Turnover));
    }

    [Theory]
    [InlineData(60, "XNYS", 1638d)]            // 252 sessions of 6.5 hours
    [InlineData(60, "CRYPTO", 8766d)]          // 365.25 days of 24 hours
    [InlineData(1, "CRYPTO", 525960d)]
    [InlineData(24 * 60, "XNYS", 252d)]
    [InlineData(24 * 60, "CRYPTO", 365.25d)]
    [InlineData(24 * 60, "FX", 260d)]
    [InlineData(7 * 24 * 60, "CRYPTO", 365.25d / 7d)] // weekly and wider: calendar time on any market
    public void BarsPerYear_FollowsTheMedianBarSpacing_OnTheMarketsTradingTime(int minutes, string exchange, double expected)
    {
        var values = new[] { 100m, 101m, 102m, 103m };
        var result = new BacktestResult(100m, 103m, 103m, 4, 0, [],
            [.. values.Select((v, i) => new EquityPoint(Day0.AddMinutes(minutes * i), v, v))]) { Year = TradingYear.Of(exchange) };

        Assert.Equal(expected, MetricsCalculator.Compute(result, []).BarsPerYear, 9);
    }

    [Fact]
    public void TheYearOfSeveralMarkets_IsTheOneTradedLongest()
    {
        Assert.Equal(TradingYear.AroundTheClock, TradingYear.Widest(["XNYS", "CRYPTO", "FX"]));
        Assert.Equal(TradingYear.Weekdays, TradingYear.Widest(["XNAS", "FX"]));
        Assert.Equal(TradingYear.Equities, TradingYear.Widest([]));
    }
}
