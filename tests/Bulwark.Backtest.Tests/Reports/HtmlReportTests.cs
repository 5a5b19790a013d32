using System.Text.RegularExpressions;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Render(int barCount, IReadOnlyList<BacktestOrder> orders, string symbol = "X")
    {
        var bars = Enumerable.Range(0, barCount)
            .Select(i => new Bar(symbol, Day0.AddMinutes(i), 100m + (i % 7), 110m, 90m, 100m + (i % 5), 1m, TimeSpan.FromMinutes(1)))
            .ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, barCount, 0, orders,
            [.. bars.Select((b, i) => new EquityPoint(b.Time, 1000m + (i % 11), 1000m))]);
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
    public void LongSeries_AreThinnedToAtMost2000PointsPerChart()
    {
        var html = Render(50_000, []);

        foreach (Match path in Regex.Matches(html, "<path class=\"line\" d=\"([^\"]*)\""))
            Assert.InRange(path.Groups[1].Value.Split(' ').Length, 2, SvgChart.MaxPoints);
        Assert.InRange(html.Length, 1, 400_000);
    }

    [Fact]
    public void SignalSources_AreListedWithTheirCounts_Escaped()
    {
        var bars = Enumerable.Range(0, 3).Select(i => new Bar("X", Day0.AddMinutes(i), 100m, 101m, 99m, 100m, 1m, TimeSpan.FromMinutes(1))).ToList();
        var result = new BacktestResult(1000m, 1000m, 1000m, 3, 0, [], [.. bars.Select(b => new EquityPoint(b.Time, 1000m, 1000m))])
        {
            Sources = [new BacktestSourceResult("<fast>", 7, 2, 5, 1, 4, 2, 1, -3.5m, 0.6666m)],
        };
        using var writer = new StringWriter();

        HtmlReport.Write(writer, result, MetricsCalculator.Compute(result, bars), bars, "t");

        var html = writer.ToString();
        Assert.Contains("<h2>Signal sources</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>&lt;fast&gt;</td><td>7</td><td>2</td><td>5</td><td>1</td><td>4</td><td>2</td><td>1</td><td class=\"neg\">-3.50</td><td>0.67</td></tr>",
            html, StringComparison.Ordinal);
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
