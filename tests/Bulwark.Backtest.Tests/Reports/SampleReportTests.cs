using System.Text.RegularExpressions;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>The metrics and the HTML report of sma-cross(15) on the 2006 sample (no calendar).</summary>
public sealed class SampleReportTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = new("SAMPLE", AssetClass.Equity);

    private async Task<(BacktestResult Result, List<Bar> Bars)?> RunAsync()
    {
        var bars = SampleBars.Read(output)?.ToList();
        if (bars is null) return null;
        var result = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)],
            new BacktestOptions
            {
                Instruments = new Dictionary<string, Instrument> { [Sample.Symbol] = Sample },
                EnforceTradingHours = false,
            }, CancellationToken.None);
        return (result, bars);
    }

    [Fact]
    public async Task SmaCross15_OnThe2006Sample_Has11ClosedTradesAndOneOpen()
    {
        var run = await RunAsync();
        if (run is null) return;
        var (result, bars) = run.Value;

        var m = MetricsCalculator.Compute(result, bars);

        Assert.Equal(10284.10m, Math.Round(m.FinalValue, 2));
        Assert.Equal((11, 1), (m.Trades, m.OpenTrades));
        Assert.True(m.TradeList[^1].IsOpen);
        Assert.All(m.TradeList, t => Assert.Equal(TradeSide.Long, t.Side));
        // Every closed trade's PnL is its own exit minus entry (one unit, no commission), and they add up with the
        // open one to the account's gain.
        Assert.All(m.TradeList.Where(t => !t.IsOpen), t => Assert.Equal(t.ExitPrice!.Value - t.EntryPrice, t.PnL));
        Assert.Equal(Math.Round(m.FinalValue - 10_000m, 2), Math.Round(m.TradeList.Sum(t => t.PnL), 2));
        Assert.Equal((decimal)m.TradeList.Count(t => !t.IsOpen && t.PnL > 0m) / 11m, m.WinRate);
        Assert.Equal(252d, m.BarsPerYear);
        Assert.InRange(m.Exposure, 0.01m, 1m);
        Assert.True(double.IsFinite(m.Sharpe) && double.IsFinite(m.Sortino) && double.IsFinite(m.Cagr));
    }

    [Fact]
    public async Task HtmlReport_OfTheSample_IsSelfContainedWithTheMetricsAndOneMarkerPerFill()
    {
        var run = await RunAsync();
        if (run is null) return;
        var (result, bars) = run.Value;
        var metrics = MetricsCalculator.Compute(result, bars);

        using var writer = new StringWriter();
        HtmlReport.Write(writer, result, metrics, bars, "sma-cross <15> & co");
        var html = writer.ToString();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("sma-cross &lt;15&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("10284.10", html, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(html, "<svg[ >]").Count); // value, drawdown, rolling Sharpe, price, and the two excursion charts
        Assert.Equal(Regex.Matches(html, "<svg[ >]").Count, Regex.Matches(html, "</svg>").Count);
        Assert.Equal(result.Buys, Regex.Matches(html, "<circle [^>]*class=\"fill buy\"").Count);
        Assert.Equal(result.Sells, Regex.Matches(html, "<circle [^>]*class=\"fill sell\"").Count);
        Assert.Equal(12, Regex.Matches(html, "<tr class=\"trade").Count);
        // The stop table: one row a level of the closed trades' adverse excursions, as the metrics have them.
        var stops = html[html.IndexOf("<table class=\"stops\">", StringComparison.Ordinal)..];
        stops = stops[..stops.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(metrics.StopAnalysis.Count + 1, Regex.Matches(stops, "<tr>").Count);
        Assert.Equal(4, metrics.StopAnalysis.Count);
        Assert.Equal(metrics.StopAnalysis.Select(l => l.Reached).OrderDescending(), metrics.StopAnalysis.Select(l => l.Reached));
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"<tr><td>{metrics.StopAnalysis[0].Level * 100m:0.00}%</td><td>{metrics.StopAnalysis[0].Reached}</td>"), stops, StringComparison.Ordinal);
    }
}
