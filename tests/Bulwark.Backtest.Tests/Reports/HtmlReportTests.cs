using System.Text.RegularExpressions;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Render(int barCount, IReadOnlyList<BacktestOrder> orders, string symbol = "X", BacktestNotices? notices = null)
    {
        var bars = Enumerable.Range(0, barCount)
            .Select(i => new Bar(symbol, Day0.AddMinutes(i), 100m + (i % 7), 110m, 90m, 100m + (i % 5), 1m, TimeSpan.FromMinutes(1)))
            .ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, barCount, 0, orders,
            [.. bars.Select((b, i) => new EquityPoint(b.Time, 1000m + (i % 11), 1000m))])
        {
            Notices = notices?.Notices ?? [],
            NoticeCounts = notices?.Counts ?? new Dictionary<string, int>(),
        };
        using var writer = new StringWriter();
        HtmlReport.Write(writer, result, MetricsCalculator.Compute(result, bars), bars, "t");
        return writer.ToString();
    }

    [Fact]
    public void AReportWithoutTrades_SaysSoAndDrawsNoMarkers()
    {
        var html = Render(10, []);

        Assert.Contains("no trades", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<circle", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "</svg>").Count);
    }

    [Fact]
    public void TheCommissionPaid_IsARowOfTheMetrics_OnlyWhenTheRunPaidSome()
    {
        List<BacktestOrder> paid =
        [
            new("o1", "X", OrderSide.Buy, 1m, Day0, 100m, Day0.AddMinutes(1), 100m, 1.25m),
            new("o2", "X", OrderSide.Sell, 1m, Day0.AddMinutes(2), 100m, Day0.AddMinutes(3), 101m, 2.5m),
        ];

        Assert.Contains("<tr><th>Commission (every fill)</th><td>3.75</td></tr>", Render(10, paid), StringComparison.Ordinal);
        Assert.DoesNotContain("Commission (every fill)", Render(10, [.. paid.Select(o => o with { Commission = 0m })]), StringComparison.Ordinal);
    }

    [Fact]
    public void SaysItsTimesAreUtc_AndGivesBarsPerYearAsAWholeNumber()
    {
        // Minute bars of one symbol on no calendar: a 24-hour year of minutes.
        var html = Render(100, []);

        Assert.Contains("<p class=\"note\">Times are UTC.</p>", html, StringComparison.Ordinal);
        Assert.Matches(@"<th>Bars per year</th><td>\d{1,3}(,\d{3})*</td>", html);
    }

    [Fact]
    public void Notices_AreListedWithTheirCounts_EscapedAndCut()
    {
        var notices = new BacktestNotices();
        notices.TryRecord(new CircuitBreakerTripped(Day0.AddHours(1), "daily loss 30 reached 20") { Time = Day0 });
        for (var i = 0; i < HtmlReport.MaxNoticeRows + 4; i++)
            notices.TryRecord(new AlertRaised(AlertSeverity.Info, "GridLevelBusy", $"level <{i}> busy") { Time = Day0.AddMinutes(i) });

        var html = Render(10, [], notices: notices);

        Assert.Contains($"<p>1 CircuitBreakerTripped, {HtmlReport.MaxNoticeRows + 4} GridLevelBusy</p>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"neg\">warning</td><td>CircuitBreakerTripped</td><td class=\"message\">daily loss 30 reached 20; new orders denied until 2024-01-01 01:00:00Z</td>",
            html, StringComparison.Ordinal);
        Assert.Contains("level &lt;0&gt; busy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<0>", html, StringComparison.Ordinal);
        Assert.Equal(HtmlReport.MaxNoticeRows, Regex.Matches(html, "<td class=\"message\">").Count);
        Assert.Contains("… 5 more (the JSON output lists the first 1,000) …", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Notices</h2>", Render(10, []), StringComparison.Ordinal);
    }

    [Fact]
    public void LongSeries_AreThinnedToAtMost2000PointsPerChart()
    {
        var html = Render(50_000, []);

        foreach (Match path in Regex.Matches(html, "<path class=\"line\" d=\"([^\"]*)\""))
            Assert.InRange(path.Groups[1].Value.Split(' ').Length, 2, SvgChart.MaxPoints);
        Assert.InRange(html.Length, 1, 400_000);
    }

    /// <summary>Round trips of one unit, one a minute: a buy on odd minutes, a sell on even ones.</summary>
    private static List<BacktestOrder> RoundTrips(int count) =>
        [.. Enumerable.Range(1, 2 * count).Select(i => new BacktestOrder($"o{i}", "X", i % 2 == 1 ? OrderSide.Buy : OrderSide.Sell, 1m,
            Day0.AddMinutes(i - 1), 100m, Day0.AddMinutes(i), 100m + (i % 2), 0m))];

    [Fact]
    public void ALongRunsTrades_KeepTheFirstAndLastRows_AndSayHowManyAreLeftOut()
    {
        var html = Render(6_000, RoundTrips(2_500));

        Assert.Equal(HtmlReport.MaxTradeRows, Regex.Matches(html, "<tr class=\"trade").Count);
        Assert.Contains("… 1,500 more trades (every trade is in the JSON output) …", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{Day0.AddMinutes(1):yyyy-MM-dd HH:mm}</td>", html, StringComparison.Ordinal);    // the first entry
        Assert.Contains($"<td>{Day0.AddMinutes(4999):yyyy-MM-dd HH:mm}</td>", html, StringComparison.Ordinal); // the last entry
    }

    [Fact]
    public void FillsBeyondTheMarkerLimit_AreNotMarked_AndTheChartSaysWhy()
    {
        var few = Render(100, RoundTrips(10));
        var many = Render(3_000, RoundTrips(HtmlReport.MaxMarkers));

        Assert.Equal(20, Regex.Matches(few, "<circle class=\"fill ").Count);
        Assert.DoesNotContain("<circle class=\"fill ", many, StringComparison.Ordinal);
        Assert.Contains("2,000 fills: too many to mark on the chart", many, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySymbol_GetsItsPriceChart()
    {
        var bars = new[] { "AAA", "BBB" }.SelectMany(s => Enumerable.Range(0, 5)
                .Select(i => new Bar(s, Day0.AddDays(i), 10m, 11m, 9m, 10m, 1m, TimeSpan.FromDays(1))))
            .OrderBy(b => b.Time).ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, bars.Count, 0, [], [.. bars.Select(b => new EquityPoint(b.Time, 1000m, 1000m))]);
        using var writer = new StringWriter();

        HtmlReport.Write(writer, result, MetricsCalculator.Compute(result, bars), bars, "t");

        var html = writer.ToString();
        Assert.Contains("<h2>AAA close with fills</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>BBB close with fills</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalSources_AreListedWithTheirCounts_AndWhyTheirSignalsWereDenied_Escaped()
    {
        var bars = Enumerable.Range(0, 3).Select(i => new Bar("X", Day0.AddMinutes(i), 100m, 101m, 99m, 100m, 1m, TimeSpan.FromMinutes(1))).ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, 3, 0, [], [.. bars.Select(b => new EquityPoint(b.Time, 1000m, 1000m))])
        {
            Sources = [new BacktestSourceResult("<fast>", 7, 2, 5, 1, 4, 2, 1, -3.5m, 0.6666m)
            {
                OrdersRejected = 3,
                DeniedByReason = new Dictionary<string, long> { ["OrderPending"] = 1, ["StopNotReady"] = 1 },
            }],
        };
        using var writer = new StringWriter();

        HtmlReport.Write(writer, result, MetricsCalculator.Compute(result, bars), bars, "t");

        var html = writer.ToString();
        Assert.Contains("<h2>Signal sources</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Orders denied</th><th>Rejected by the venue</th><th>Fills</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Commission</th>", html, StringComparison.Ordinal); // no source paid any
        Assert.Contains("<tr><td>&lt;fast&gt;</td><td>7</td><td>2 (1 OrderPending, 1 StopNotReady)</td><td>5</td><td>1</td><td>3</td><td>4</td><td>2</td><td>1</td><td class=\"neg\">-3.50</td><td>0.67</td></tr>",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalSources_ShowWhatTheirFillsCost_OnlyWhenAnyPaidSome()
    {
        var bars = Enumerable.Range(0, 3).Select(i => new Bar("X", Day0.AddMinutes(i), 100m, 101m, 99m, 100m, 1m, TimeSpan.FromMinutes(1))).ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, 3, 0, [], [.. bars.Select(b => new EquityPoint(b.Time, 1000m, 1000m))])
        {
            Sources = [new BacktestSourceResult("a", 2, 0, 2, 0, 2, 1, 1, 5m, 1m) { Commission = 1.5m, Slippage = 0.25m },
                new BacktestSourceResult("b", 1, 0, 0, 0, 0, 0, 0, 0m, 1m)],
        };
        using var writer = new StringWriter();

        HtmlReport.Write(writer, result, MetricsCalculator.Compute(result, bars), bars, "t");

        var html = writer.ToString();
        Assert.Contains("<th>Realized PnL</th><th>Commission</th><th>Slippage</th><th>Weight</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"pos\">5.00</td><td>1.50</td><td>0.25</td><td>1.00</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"\">0.00</td><td>0.00</td><td>0.00</td><td>1.00</td></tr>", html, StringComparison.Ordinal); // b paid nothing
    }

    [Fact]
    public void Symbols_AndTooltipsAreHtmlEscaped()
    {
        BacktestOrder[] orders = [new("o1", "<b>", OrderSide.Buy, 1m, Day0, 100m, Day0.AddMinutes(1), 101m, 0m)];

        var html = Render(5, orders, symbol: "<b>");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt; close with fills", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<circle [^>]*class=\"fill buy\""));
    }
}
