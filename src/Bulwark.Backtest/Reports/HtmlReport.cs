using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using static Bulwark.Backtest.Reports.ReportText;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Writes a backtest as one self-contained HTML page (inline CSS and SVG, no scripts, fonts or images, so it opens
/// with no network): the metrics table, the account value and drawdown charts, the first symbol's closes with a
/// marker at every fill of that symbol, what each signal source did, what the engine reported besides orders (breaker
/// trips, halts, strategies' notes), the closed trades' returns against their excursions (<see cref="ExcursionChart"/>),
/// and the trade list. All text is HTML-escaped.
/// </summary>
public static class HtmlReport
{
    /// <summary>The pages' stylesheet (the optimization report's too).</summary>
    internal const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222;background:#fff}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px}
        table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}
        th:first-child,td:first-child{text-align:left}tr.open td{color:#777;font-style:italic}
        .chart{width:100%;height:auto}.line{fill:none;stroke:#1f5fa8;stroke-width:1.4}
        .drawdown .line{stroke:#b33}.area{fill:#b33;fill-opacity:.18;stroke:none}
        .reference{fill:none;stroke:#888;stroke-width:1.2;stroke-dasharray:5 4}
        .grid{stroke:#eee}.axis{font-size:11px;fill:#666}
        circle.buy{fill:#1a9641;stroke:#fff}circle.sell{fill:#d7191c;stroke:#fff}
        circle.win{fill:#1a9641;fill-opacity:.7}circle.loss{fill:#d7191c;fill-opacity:.7}circle.even{fill:#777}.zero{stroke:#999}
        .cell{stroke:#fff;stroke-width:.5}.steadiest{fill:none;stroke:#222;stroke-width:2}.cell-text{font-size:10px;fill:#222}circle.point{stroke:#555}
        .pos{color:#1a7f37}.neg{color:#b33}.notices td,.notices th{text-align:left}
        """;

    /// <param name="run">What produced the run (engine, strategies, data files and their hashes), as name and value rows
    /// for the page's last table; null or empty: no such table.</param>
    public static void Write(TextWriter writer, BacktestResult result, BacktestMetrics metrics, IReadOnlyList<Bar> bars, string title,
        IReadOnlyList<(string Name, string Value)>? run = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(bars);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.Write($"<title>{Encode(title)}</title><style>{Style}</style></head><body>\n");
        writer.Write($"<h1>{Encode(title)}</h1>\n");
        writer.Write("<p class=\"note\">Times are UTC.</p>\n");
        MetricsTable(writer, result, metrics);

        writer.Write("<h2>Account value</h2>\n");
        if (metrics.Benchmark is { } benchmark)
            writer.Write($"<p class=\"note\">The dashed line is {Encode(benchmark.Symbol)}, scaled to the starting cash.</p>\n");
        SvgChart.Write(writer, "Account value", "value", [.. result.EquityCurve.Select(p => (p.Time, p.Equity))], [], area: false, Money,
            metrics.Benchmark?.Values);
        writer.Write("\n<h2>Drawdown</h2>\n");
        var depths = DrawdownSeries.Of(result.EquityCurve).Depths;
        SvgChart.Write(writer, "Drawdown", "drawdown", [.. result.EquityCurve.Select((p, i) => (p.Time, -depths[i]))], [], area: true, Percent);
        if (metrics.RollingSharpe is { } rolling)
        {
            writer.Write(Invariant($"\n<h2>Rolling Sharpe ratio ({rolling.Window:N0} bars)</h2>\n<p class=\"note\">The Sharpe ratio over the last {rolling.Window:N0} bars at each point, ") +
                (rolling.Given ? "the window given" : "a quarter year") + ": an edge that held shows above 0 throughout, one that came from a single stretch or is fading shows it.</p>\n");
            SvgChart.Write(writer, "Rolling Sharpe", "rolling", [.. rolling.Series.Select(p => (p.Time, (decimal)Math.Round(p.Sharpe, 6)))], [], area: false,
                v => Ratio((double)v));
        }
        PriceChart(writer, result, bars);
        SourceTable(writer, result.Sources);
        NoticeTable(writer, result);
        MonthlyTable(writer, metrics.MonthlyReturns);
        SymbolTable(writer, metrics.BySymbol);
        SideTable(writer, metrics.BySide);
        EntryTimeTable(writer, metrics.EntryTimeZone == "UTC" ? "By weekday entered" : $"By weekday entered ({metrics.EntryTimeZone})", "Weekday",
            metrics.ByEntryWeekday, k => ((DayOfWeek)k).ToString());
        EntryTimeTable(writer, $"By hour entered ({metrics.EntryTimeZone})", "Hour", metrics.ByEntryHour, k => Invariant($"{k:00}:00"));
        ExcursionCharts(writer, metrics.TradeList);
        TradeTable(writer, metrics.TradeList, new CarryColumns(result.FinancingCharges.Any(c => !c.Dividend), result.FinancingCharges.Any(c => c.Dividend)));
        if (run is { Count: > 0 }) Table(writer, "Run", run);
        writer.Write("</body></html>\n");
    }

    private static void MetricsTable(TextWriter writer, BacktestResult result, BacktestMetrics m)
    {
        (string Name, string Value)[] rows =
        [
            ("Starting cash", Money(result.StartingCash)),
            ("Final value", Money(m.FinalValue)),
            ("Cash", Money(m.Cash)),
            ("Total return", Percent(m.TotalReturn)),
            ("CAGR", Ratio(m.Cagr * 100d) + "%"),
            ("Sharpe", Ratio(m.Sharpe)),
            ("Sortino", Ratio(m.Sortino)),
            ("Volatility (annualised)", Ratio(m.Volatility * 100d) + "%"),
            ("Max drawdown", Percent(m.MaxDrawdown)),
            ("Calmar (CAGR / max drawdown)", Ratio(m.Calmar)),
            ("Value at risk a bar (95%, historical) / expected shortfall", $"{Ratio(m.Risk.ValueAtRisk * 100d)}% / {Ratio(m.Risk.ExpectedShortfall * 100d)}% (the worst {Count(m.Risk.TailBars)})"),
            ("Skewness / kurtosis of the returns (normal: 0 / 3)", $"{Ratio(m.Risk.Skewness)} / {Ratio(m.Risk.Kurtosis)}"),
            ("Ulcer index / Ulcer performance (CAGR over it)", $"{Ratio(m.Risk.UlcerIndex * 100d)}% / {Ratio(m.Risk.UlcerPerformance)}"),
            ("Rolling Sharpe: lowest / highest / last / windows above 0", m.RollingSharpe is { } rs
                ? $"{Ratio(rs.Lowest)} / {Ratio(rs.Highest)} / {Ratio(rs.Last)} / {Ratio(rs.AboveZero * 100d)}% (windows of {Count(rs.Window)})" : "- (too short a run)"),
            ("Drawdown peak", Date(m.MaxDrawdownPeak)),
            ("Drawdown trough", Date(m.MaxDrawdownTrough)),
            ("Drawdown recovery", m.MaxDrawdownPeak is null ? "-" : m.MaxDrawdownRecovery is { } r ? Date(r) : "not recovered"),
            ("Longest drawdown", m.LongestDrawdownStart is null ? "-"
                : $"{Duration(m.LongestDrawdown)}, {Date(m.LongestDrawdownStart)} to {Date(m.LongestDrawdownEnd)}{(m.LongestDrawdownRecovered ? "" : " (not recovered)")}"),
            ("Trades (closed)", Count(m.Trades)),
            ("Open trades", Count(m.OpenTrades)),
            ("Win rate", Percent(m.WinRate)),
            ("Profit factor", m.TradeStats.ProfitFactor is { } pf ? Ratio((double)pf) : "-"),
            ("Average win / loss", $"{Money(m.TradeStats.AverageWin)} / {Money(m.TradeStats.AverageLoss)}"),
            ("Largest win / loss", $"{Money(m.TradeStats.LargestWin)} / {Money(m.TradeStats.LargestLoss)}"),
            ("Expectancy (the average trade)", Money(m.TradeStats.Expectancy)),
            ("Average R (trades with a stop)", m.TradeStats.AverageR is { } averageR ? $"{Fraction(averageR)} ({Count(m.TradeStats.TradesWithRisk)})" : "-"),
            ("Kelly fraction (win rate and payoff)", m.TradeStats.Kelly is { } kelly ? Percent(kelly) : "-"),
            ("Longest run won / lost", $"{Count(m.TradeStats.MaxConsecutiveWins)} / {Count(m.TradeStats.MaxConsecutiveLosses)}"),
            ("Average hold", Duration(m.TradeStats.AverageHold)),
            ("Buy and hold return", Percent(m.BuyAndHoldReturn)),
            ("Exposure", Percent(m.Exposure)),
            ("Turnover", Ratio((double)m.Turnover) + "×"),
            ("Bars processed / skipped", $"{Count(result.BarsProcessed)} / {Count(result.BarsSkipped)}"),
            ("Bars per year", Math.Round(m.BarsPerYear).ToString("N0", CultureInfo.InvariantCulture)),
        ];
        // Commission, financing and interest only when the run booked some: a run without rates did not model them, which is not
        // the same as 0.
        List<(string, string)> booked = [];
        if (result.Commission != 0m) booked.Add(("Commission (every fill)", Money(result.Commission)));
        if (result.Slippage != 0m) booked.Add(("Slippage and impact (in the fill prices)", Money(result.Slippage)));
        if (result.ImplementationShortfall != 0m) booked.Add(("Implementation shortfall against the decision prices (market and stop orders)", Money(result.ImplementationShortfall)));
        if (result.Financing != 0m) booked.Add(("Financing (positions held overnight)", Money(result.Financing)));
        if (result.Interest != 0m) booked.Add(("Interest (idle cash)", Money(result.Interest)));
        if (result.Dividends != 0m) booked.Add(("Dividends (received less paid)", Money(result.Dividends)));
        Table(writer, "Metrics", [.. rows[..3], .. booked, .. rows[3..], .. BenchmarkRows(m.Benchmark), .. MonteCarloRows(m.MonteCarlo)]);
    }

    private static string Capture(double? capture) => capture is { } c ? Ratio(c * 100d) + "%" : "-";

    /// <summary>The benchmark's rows, when the run was given one.</summary>
    private static List<(string, string)> BenchmarkRows(BenchmarkResult? b) => b is null ? [] :
    [
        ($"Benchmark {b.Symbol}: return / CAGR / max drawdown", $"{Percent(b.TotalReturn)} / {Ratio(b.Cagr * 100d)}% / {Percent(b.MaxDrawdown)}"),
        ("Beta / alpha (a year) against it", $"{Ratio(b.Beta)} / {Ratio(b.Alpha * 100d)}%"),
        ("Correlation with it", Ratio(b.Correlation)),
        ("Tracking error (a year) / information ratio", $"{Ratio(b.TrackingError * 100d)}% / {Ratio(b.InformationRatio)}"),
        ("Up / down capture (of its rises / of its falls)", $"{Capture(b.UpCapture)} / {Capture(b.DownCapture)}"),
    ];

    /// <summary>The resampled spread's rows, when the run asked for it.</summary>
    private static List<(string, string)> MonteCarloRows(MonteCarloResult? mc) => mc is null ? [] :
    [
        (Invariant($"Monte Carlo ({mc.Runs:N0} resamplings of {mc.Trades} trades{(mc.Block > 1 ? $" in blocks of {mc.Block}" : "")}{(mc.Compounded ? ", compounded" : "")}, seed {mc.Seed}): final value 5th / median / 95th"),
            $"{Money(mc.FinalValue.P5)} / {Money(mc.FinalValue.P50)} / {Money(mc.FinalValue.P95)}"),
        ("Monte Carlo max drawdown median / 95th / 99th", $"{Percent(mc.MaxDrawdown.P50)} / {Percent(mc.MaxDrawdown.P95)} / {Percent(mc.MaxDrawdown.P99)}"),
        ("Monte Carlo paths ending below the starting cash", Percent(mc.LossProbability)),
    ];

    /// <summary>What each symbol's trades came to, when more than one symbol traded.</summary>
    private static void SymbolTable(TextWriter writer, IReadOnlyList<SymbolStatistics> symbols)
    {
        if (symbols.Count < 2) return;
        writer.Write("\n<h2>By symbol</h2>\n<table class=\"symbols\"><tr><th>Symbol</th><th>Closed trades</th><th>Win rate</th><th>PnL</th>" +
            "<th>Open trade's PnL</th><th>Of the starting cash</th></tr>");
        foreach (var s in symbols)
        {
            var sign = s.PnL + s.OpenPnL >= 0m ? "pos" : "neg";
            writer.Write($"<tr><td>{Encode(s.Symbol)}</td><td>{Count(s.Trades)}</td><td>{Percent(s.WinRate)}</td><td class=\"{sign}\">{Money(s.PnL)}</td>" +
                $"<td>{(s.OpenTrades > 0 ? Money(s.OpenPnL) : "-")}</td><td class=\"{sign}\">{Percent(s.Contribution)}</td></tr>");
        }
        writer.Write("</table>\n");
    }

    /// <summary>What the long trades and the short trades came to, when both sides traded.</summary>
    private static void SideTable(TextWriter writer, IReadOnlyList<SideStatistics> sides)
    {
        if (sides.Count < 2) return;
        writer.Write("\n<h2>Long and short</h2>\n<table class=\"sides\"><tr><th>Side</th><th>Closed trades</th><th>Win rate</th><th>PnL</th>" +
            "<th>Profit factor</th><th>Expectancy</th><th>Average hold</th><th>Open trades' PnL</th></tr>");
        foreach (var s in sides)
        {
            writer.Write($"<tr><td>{(s.Side == TradeSide.Long ? "long" : "short")}</td><td>{Count(s.Trades)}</td><td>{Percent(s.WinRate)}</td>" +
                $"<td class=\"{(s.PnL >= 0m ? "pos" : "neg")}\">{Money(s.PnL)}</td><td>{(s.Stats.ProfitFactor is { } pf ? Ratio((double)pf) : "-")}</td>" +
                $"<td>{Money(s.Stats.Expectancy)}</td><td>{(s.Trades > 0 ? Duration(s.Stats.AverageHold) : "-")}</td>" +
                $"<td>{(s.OpenTrades > 0 ? Money(s.OpenPnL) : "-")}</td></tr>");
        }
        writer.Write("</table>\n");
    }

    /// <summary>The closed trades by when they were entered, when they were entered at more than one such time.</summary>
    private static void EntryTimeTable(TextWriter writer, string heading, string column, IReadOnlyList<EntryTimeStatistics> rows, Func<int, string> label)
    {
        if (rows.Count < 2) return;
        writer.Write($"\n<h2>{Encode(heading)}</h2>\n<table class=\"entry-times\"><tr><th>{Encode(column)}</th><th>Closed trades</th><th>Win rate</th>" +
            "<th>PnL</th><th>Average return</th></tr>");
        foreach (var e in rows)
            writer.Write($"<tr><td>{Encode(label(e.Key))}</td><td>{Count(e.Trades)}</td><td>{Percent(e.WinRate)}</td>" +
                $"<td class=\"{(e.PnL >= 0m ? "pos" : "neg")}\">{Money(e.PnL)}</td><td>{Percent(e.AverageReturn)}</td></tr>");
        writer.Write("</table>\n");
    }

    /// <summary>The closed trades' returns against how far each went against and for them, when any closed.</summary>
    private static void ExcursionCharts(TextWriter writer, IReadOnlyList<Trade> trades)
    {
        var closed = trades.Where(t => !t.IsOpen).ToList();
        if (closed.Count == 0) return;
        writer.Write("\n<h2>Trade excursions</h2>\n<p class=\"note\">Each closed trade, winners green and losers red: its return against " +
            "how far it went against its entry (MAE), then in its favour (MFE), in percent of the entry price. Losers to the right of " +
            "every winner on the first are losses a stop there would have cut; winners high on the second gave back what a target there would have kept.</p>\n");
        ExcursionChart.Write(writer, closed, adverse: true);
        ExcursionChart.Write(writer, closed, adverse: false);
        StopTable(writer, StopAnalysis.Of(closed));
    }

    /// <summary>What a fixed stop at the trades' typical adverse excursions would have done, read from them.</summary>
    private static void StopTable(TextWriter writer, IReadOnlyList<StopLevel> levels)
    {
        if (levels.Count == 0) return;
        writer.Write("<p class=\"note\">A fixed stop at the trades' 25th, 50th, 75th and 90th percentile adverse excursions, read from them: " +
            "the closed trades that went that far against their entry, the winners among them a stop would have cut, and their price returns " +
            "summed as they closed against stopped at the level. Fills at the level, no costs, no re-entry; a backtest with stopLossPercent says what it makes.</p>\n" +
            "<table class=\"stops\"><tr><th>Stop at</th><th>Trades reaching it</th><th>Winners among them</th><th>Their returns</th>" +
            "<th>Stopped there</th><th>Change</th></tr>");
        foreach (var l in levels)
            writer.Write($"<tr><td>{Percent(l.Level)}</td><td>{Count(l.Reached)}</td><td>{Count(l.WinnersReached)}</td><td>{Percent(l.ReturnSum)}</td>" +
                $"<td>{Percent(l.StoppedReturnSum)}</td><td class=\"{(l.Change >= 0m ? "pos" : "neg")}\">{Percent(l.Change)}</td></tr>");
        writer.Write("</table>\n");
    }

    /// <summary>A heading and a two-column table of names and values.</summary>
    private static void Table(TextWriter writer, string heading, IEnumerable<(string Name, string Value)> rows)
    {
        writer.Write($"<h2>{Encode(heading)}</h2>\n<table class=\"metrics\">");
        foreach (var (name, value) in rows) writer.Write($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>");
        writer.Write("</table>\n");
    }

    /// <summary>Trade rows beyond this are left out of the middle of the table (the first and last halves are kept).</summary>
    public const int MaxTradeRows = 1000;

    /// <summary>A symbol with more fills than this gets no fill markers: at that density they hide the price.</summary>
    public const int MaxMarkers = 1000;

    /// <summary>Price charts for the first symbols only (in the order they first trade); the rest are named.</summary>
    public const int MaxPriceCharts = 10;

    private static void PriceChart(TextWriter writer, BacktestResult result, IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0) return;
        var symbols = bars.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).ToList();
        foreach (var symbol in symbols.Take(MaxPriceCharts))
        {
            var closes = bars.Where(b => string.Equals(b.Symbol, symbol, StringComparison.Ordinal)).Select(b => (b.Time, b.Close)).ToList();
            var fills = result.Orders.Where(o => string.Equals(o.Symbol, symbol, StringComparison.Ordinal) && o.FilledAt is not null && o.FillPrice is not null)
                .ToList();
            var markers = fills.Count > MaxMarkers ? [] : fills
                .Select(o => new ChartMarker(o.FilledAt!.Value, o.FillPrice!.Value, o.Side == OrderSide.Buy ? "fill buy" : "fill sell",
                    $"{(o.Side == OrderSide.Buy ? "buy" : "sell")} {Number(o.Filled)} @ {PriceText.Of(o.FillPrice.Value)} on {Date(o.FilledAt)}"))
                .ToList();
            writer.Write($"\n<h2>{Encode(symbol)} close with fills</h2>\n");
            if (fills.Count > MaxMarkers)
                writer.Write(Invariant($"<p class=\"note\">{fills.Count:N0} fills: too many to mark on the chart (see the trades below).</p>\n"));
            SvgChart.Write(writer, $"{symbol} close", "price", closes, markers, area: false, PriceText.Of);
        }
        if (symbols.Count > MaxPriceCharts)
            writer.Write($"<p class=\"note\">No price chart for {Encode(string.Join(", ", symbols.Skip(MaxPriceCharts)))}.</p>\n");
    }

    private static void SourceTable(TextWriter writer, IReadOnlyList<BacktestSourceResult> sources)
    {
        if (sources.Count == 0) return;
        // What the fills cost, only when any source paid some: a run without costs did not model them.
        var costs = sources.Any(s => s.Commission != 0m || s.Slippage != 0m);
        var shortfall = sources.Any(s => s.ImplementationShortfall != 0m); // also without costs: a next-open fill's gap from the signal's close
        writer.Write("\n<h2>Signal sources</h2>\n<table class=\"sources\"><tr><th>Source</th><th>Signals</th><th>Denied</th>" +
                     "<th>Orders</th><th>Orders denied</th><th>Rejected by the venue</th><th>Fills</th><th>Round trips</th><th>Wins</th><th>Realized PnL</th>" +
                     (costs ? "<th>Commission</th><th>Slippage</th>" : "") + (shortfall ? "<th>Implementation shortfall</th>" : "") + "<th>Weight</th></tr>");
        foreach (var s in sources)
        {
            var sign = s.RealizedPnl > 0m ? "pos" : s.RealizedPnl < 0m ? "neg" : "";
            // Why they were denied, beside the count: what to change when a source hardly traded.
            var reasons = s.DeniedByReason.Count == 0 ? "" : $" ({Encode(Core.Feedback.DenialCounts.Text(s.DeniedByReason))})";
            writer.Write($"<tr><td>{Encode(s.Source)}</td><td>{Count(s.Signals)}</td><td>{Count(s.Denied)}{reasons}</td><td>{Count(s.Orders)}</td>");
            writer.Write($"<td>{Count(s.OrdersDenied)}</td><td>{Count(s.OrdersRejected)}</td><td>{Count(s.Fills)}</td><td>{Count(s.RoundTrips)}</td><td>{Count(s.Wins)}</td>");
            writer.Write($"<td class=\"{sign}\">{Money(s.RealizedPnl)}</td>{(costs ? $"<td>{Money(s.Commission)}</td><td>{Money(s.Slippage)}</td>" : "")}{(shortfall ? $"<td>{Money(s.ImplementationShortfall)}</td>" : "")}<td>{Fraction(s.Weight)}</td></tr>");
        }
        writer.Write("</table>\n");
    }

    /// <summary>Notice rows beyond this are left out (the first ones are kept; the JSON output has more).</summary>
    public const int MaxNoticeRows = 200;

    private static void NoticeTable(TextWriter writer, BacktestResult result)
    {
        if (result.NoticeCounts.Count == 0) return;
        var total = result.NoticeCounts.Values.Sum();
        writer.Write("\n<h2>Notices</h2>\n");
        writer.Write($"<p>{Encode(string.Join(", ", result.NoticeCounts.Select(c => $"{Count(c.Value)} {c.Key}")))}</p>\n");
        writer.Write("<table class=\"notices\"><tr><th>Time</th><th>Severity</th><th>Code</th><th>Message</th></tr>");
        foreach (var n in result.Notices.Take(MaxNoticeRows))
        {
            var sign = n.Severity == Core.Kernel.Events.AlertSeverity.Info ? "" : "neg";
            writer.Write($"<tr><td>{Date(n.Time)}</td><td class=\"{sign}\">{n.Severity.ToString().ToLowerInvariant()}</td>");
            writer.Write($"<td>{Encode(n.Code)}</td><td class=\"message\">{Encode(n.Message)}</td></tr>");
        }
        if (total > MaxNoticeRows)
            writer.Write(Invariant($"<tr class=\"omitted\"><td colspan=\"4\">… {total - MaxNoticeRows:N0} more (the JSON output lists the first {BacktestNotices.Kept:N0}) …</td></tr>"));
        writer.Write("</table>\n");
    }

    /// <summary>A year a row, its months and the whole year as columns; a month without a bar is blank.</summary>
    private static void MonthlyTable(TextWriter writer, IReadOnlyList<MonthlyReturn> returns)
    {
        if (returns.Count == 0) return;
        writer.Write("\n<h2>Monthly returns</h2>\n<table class=\"monthly\"><tr><th>Year</th>");
        foreach (var name in MonthNames) writer.Write($"<th>{name}</th>");
        writer.Write("<th>Year</th></tr>");
        foreach (var (year, cells) in MonthlyReturn.ByYear(returns))
        {
            writer.Write(Invariant($"<tr><th>{year}</th>"));
            foreach (var cell in cells)
            {
                var sign = cell > 0m ? "pos" : cell < 0m ? "neg" : "";
                writer.Write(cell is { } value ? $"<td class=\"{sign}\">{Percent(value)}</td>" : "<td></td>");
            }
            writer.Write("</tr>");
        }
        writer.Write("</table>\n");
    }

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Whether the run charged financing and whether it paid dividends: then a column each says what each trade paid or
    /// earned (its PnL counts it).
    /// </summary>
    private readonly record struct CarryColumns(bool Financed, bool Dividends)
    {
        public int Count => (Financed ? 1 : 0) + (Dividends ? 1 : 0);
    }

    private static void TradeTable(TextWriter writer, IReadOnlyList<Trade> trades, CarryColumns financed)
    {
        var columns = 12 + financed.Count;
        writer.Write("\n<h2>Trades</h2>\n<table class=\"trades\"><tr><th>Symbol</th><th>Side</th><th>Entry</th><th>Entry price</th>" +
                     $"<th>Exit</th><th>Exit price</th><th>Quantity</th>{(financed.Financed ? "<th>Financing</th>" : "")}{(financed.Dividends ? "<th>Dividends</th>" : "")}<th>PnL</th><th>Return</th><th title=\"the most it went against it while open\">MAE</th><th title=\"the most it went in its favour while open\">MFE</th><th title=\"its PnL in units of what it risked to its first stop\">R</th></tr>");
        // A long run's trades would make a report no browser opens comfortably: the first and last ones, and a count.
        var (head, tail) = trades.Count <= MaxTradeRows ? (trades.Count, 0) : (MaxTradeRows / 2, MaxTradeRows / 2);
        for (var i = 0; i < head; i++) TradeRow(writer, trades[i], financed);
        if (tail > 0)
        {
            writer.Write(Invariant($"<tr class=\"omitted\"><td colspan=\"{columns}\">… {trades.Count - head - tail:N0} more trades (every trade is in the JSON output) …</td></tr>"));
            for (var i = trades.Count - tail; i < trades.Count; i++) TradeRow(writer, trades[i], financed);
        }
        if (trades.Count == 0) writer.Write(Invariant($"<tr><td colspan=\"{columns}\">no trades</td></tr>"));
        writer.Write("</table>\n");
    }

    /// <summary>What the trade table says beside the exit of a trade that scaled out: once, or the steps of a ladder.</summary>
    private static string ScaledOutText(int scaleOuts) =>
        scaleOuts switch { 0 => "", 1 => ", scaled out", _ => Invariant($", scaled out {scaleOuts} times") };

    private static void TradeRow(TextWriter writer, Trade t, CarryColumns financed)
    {
        var sign = t.PnL > 0m ? "pos" : t.PnL < 0m ? "neg" : "";
        writer.Write($"<tr class=\"trade{(t.IsOpen ? " open" : "")}\"><td>{Encode(t.Symbol)}</td><td>{(t.Side == TradeSide.Long ? "long" : "short")}</td>");
        writer.Write($"<td>{Date(t.EntryTime)}</td><td>{PriceText.Of(t.EntryPrice)}</td>");
        writer.Write($"<td>{(t.IsOpen ? "open" : Date(t.ExitTime))}{ScaledOutText(t.ScaleOuts)}</td><td>{(t.ExitPrice is { } x ? PriceText.Of(x) : "-")}</td>");
        writer.Write($"<td>{Number(t.Quantity)}</td>{(financed.Financed ? $"<td>{Money(t.Financing)}</td>" : "")}{(financed.Dividends ? $"<td>{Money(t.Dividends)}</td>" : "")}");
        writer.Write($"<td class=\"{sign}\">{Money(t.PnL)}</td><td class=\"{sign}\">{Percent(t.Return)}</td><td>{Percent(t.Mae)}</td><td>{Percent(t.Mfe)}</td><td>{(t.R is { } r ? Fraction(r) : "-")}</td></tr>");
    }

}
