using System.Text.RegularExpressions;
using Bulwark.Backtest.Optimization;
using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>The optimization report: the ranking figure over the grid, coloured around the start, and the rows.</summary>
public sealed class OptimizationReportTests
{
    private static OptimizationRow Row(int index, string period, string stop, decimal? value, string? error = null) =>
        new(index, new Dictionary<string, string> { ["period"] = period, ["stop"] = stop }, value, value / 1000m - 1m, 10, 0.05m, error)
        {
            Sharpe = value is { } v ? (double)(v - 1000m) / 100d : null,
        };

    private static KeyValuePair<string, IReadOnlyList<string>> Axis(string key, params string[] values) => new(key, values);

    private static string Render(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> axes, IReadOnlyList<OptimizationRow> rows,
        OptimizationRank rank = OptimizationRank.Value)
    {
        using var writer = new StringWriter();
        OptimizationReport.Write(writer, "sma-cross <grid>", axes, rows, refused: 1, rank, startingCash: 1000m, [("Engine", "bulwark test")]);
        return writer.ToString();
    }

    private static Dictionary<string, string> CellFills(string html) => Regex.Matches(html, "<rect class=\"cell\"[^>]*fill=\"([^\"]+)\"><title>([^:]+):")
        .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    [Fact]
    public void OverTwoVariedParameters_EachCombinationIsACell_GreenAboveTheStartRedBelowGreyWithout()
    {
        OptimizationRow[] rows =
        [
            Row(0, "5", "1", 1200m), Row(1, "5", "2", 1100m), Row(2, "10", "1", 900m), Row(3, "10", "2", 1000m),
            Row(4, "15", "1", null, "strategy failed"),
        ];

        var html = Render([Axis("period", "5", "10", "15"), Axis("stop", "1", "2"), Axis("fill", "next-open")], rows);

        var fills = CellFills(html);
        Assert.Equal(6, fills.Count); // 3 × 2; the one-valued parameter is no axis
        Assert.Equal("rgb(26,150,65)", fills["period=5, stop=1"]); // the furthest above 1,000: the deepest green
        Assert.Equal("rgb(140,202,160)", fills["period=5, stop=2"]); // half as far
        Assert.Equal("rgb(235,140,142)", fills["period=10, stop=1"]); // half as far below: half-deep red
        Assert.Equal("rgb(255,255,255)", fills["period=10, stop=2"]); // the start itself
        Assert.Equal("#ddd", fills["period=15, stop=1"]); // failed
        Assert.Equal("#ddd", fills["period=15, stop=2"]); // never ran (refused)
        Assert.Contains("period=15, stop=1: strategy failed", html, StringComparison.Ordinal);
        Assert.Contains(">1200.00</text>", html, StringComparison.Ordinal); // a small grid writes its figures in the cells
        Assert.Equal(5, Regex.Matches(html, "<tr><td>\\d+</td>").Count);
        Assert.Contains("sma-cross &lt;grid&gt;", html, StringComparison.Ordinal);
        Assert.Contains("5 combinations ran, 1 refused by the strategy", html, StringComparison.Ordinal);
        // The steadiest combination inside the grid (period 10, whose neighbours are every cell that ran) is outlined.
        Assert.Single(Regex.Matches(html, "<rect class=\"steadiest\""));
        Assert.Contains("<title>steadiest: period=10 stop=1</title>", html, StringComparison.Ordinal);
        Assert.Contains("the outlined cell is the steadiest combination", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ASample_SaysItsGreyCellsAndMissingPointsMayBeCombinationsNotDrawn()
    {
        OptimizationRow[] rows = [Row(0, "5", "1", 1200m), Row(3, "10", "2", 900m)];
        string Of(bool sampled, params KeyValuePair<string, IReadOnlyList<string>>[] axes)
        {
            using var writer = new StringWriter();
            OptimizationReport.Write(writer, "sma-cross", axes, rows, refused: 0, OptimizationRank.Value, startingCash: 1000m, sampled: sampled);
            return writer.ToString();
        }

        var grid = Of(true, Axis("period", "5", "10"), Axis("stop", "1", "2"));
        var whole = Of(false, Axis("period", "5", "10"), Axis("stop", "1", "2"));
        var profile = Of(true, Axis("period", "5", "10", "15"), Axis("stop", "1"));

        Assert.Contains("grey: no figure (or not drawn: a random sample ran).", grid, StringComparison.Ordinal);
        Assert.Equal("#ddd", CellFills(grid)["period=5, stop=2"]);
        Assert.Contains("grey: no figure. ", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("random sample", whole, StringComparison.Ordinal);
        Assert.Contains("A random sample ran: the values not drawn have no point.", profile, StringComparison.Ordinal);
    }

    [Fact]
    public void OverOneVariedParameter_EachValueIsAPoint_AndOverThreeTheReportSaysWhyThereIsNoChart()
    {
        OptimizationRow[] rows = [Row(0, "5", "1", 1200m), Row(1, "10", "1", 900m), Row(2, "15", "1", null, "failed")];

        var profile = Render([Axis("period", "5", "10", "15"), Axis("stop", "1")], rows, OptimizationRank.Sharpe);
        var none = Render([Axis("period", "5", "10"), Axis("stop", "1", "2"), Axis("x", "a", "b")], rows);

        Assert.Equal(2, Regex.Matches(profile, "<circle class=\"point\"").Count);
        Assert.Contains("period=5: Sharpe ratio 2.00", profile, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(profile, "<circle class=\"steadiest\""));
        Assert.Contains("<title>steadiest: period=10</title>", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("<rect class=\"cell\"", profile, StringComparison.Ordinal);
        Assert.Contains("The grid varied 3 parameters: a chart takes one or two", none, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", none, StringComparison.Ordinal);
    }

    [Fact]
    public void AWalkForwardAndACostGrid_GetTheirOwnTables()
    {
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        WalkForwardWindow[] windows =
        [
            new(1, 0, 100, day, day.AddDays(99), 100, 50, day.AddDays(100), day.AddDays(149), new Dictionary<string, string> { ["period"] = "5" }, 0.1m, -0.02m, null) { TestFills = 7 },
            new(2, 50, 100, day.AddDays(50), day.AddDays(149), 150, 50, day.AddDays(150), day.AddDays(199), null, null, null, "no combination succeeded"),
        ];
        var forward = new WalkForwardResult(100, 50, windows, -0.02m);
        var costs = new CostGridResult([TransactionCost.Parse("2.5"), TransactionCost.Parse("5bps")],
            [new CostGridRow(new Dictionary<string, string> { ["period"] = "5" }, [1010m, null])]);
        using var writer = new StringWriter();

        OptimizationReport.Write(writer, "t", [Axis("period", "5")], [Row(0, "5", "1", 1100m)], 0, OptimizationRank.Value, 1000m,
            walkForward: forward, costGrid: costs);
        var html = writer.ToString();

        Assert.Contains("<h2>Walk-forward (train 100, test 50 bar times)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>2024-01-01 to 2024-04-09</td><td>2024-04-10 to 2024-05-29</td><td>period=5</td><td>10.00%</td><td class=\"neg\">-2.00%</td><td>7</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>no combination succeeded</td>", html, StringComparison.Ordinal);
        Assert.Contains("Out-of-sample return -2.00%", html, StringComparison.Ordinal);
        Assert.Contains("<th>2.5</th><th>5bps</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>period=5</td><td class=\"pos\">1010.00</td><td>failed</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RankedByReturnOverDrawdown_AGainWithNoDrawdownIsTheDeepestGreen_AsTheRankingPutsItFirst()
    {
        OptimizationRow[] rows = [Row(0, "5", "1", 1100m) with { MaxDrawdown = 0m }, Row(1, "5", "2", 1050m), Row(2, "10", "1", 950m), Row(3, "10", "2", 1000m)];

        var grid = Render([Axis("period", "5", "10"), Axis("stop", "1", "2")], rows, OptimizationRank.ReturnOverDrawdown);
        var profile = Render([Axis("period", "5", "10"), Axis("stop", "1")], rows[..1].Concat(rows[2..3]).ToList(), OptimizationRank.ReturnOverDrawdown);

        var fills = CellFills(grid);
        Assert.Equal("rgb(26,150,65)", fills["period=5, stop=1"]);
        Assert.Contains("period=5, stop=1: return over drawdown ∞", grid, StringComparison.Ordinal);
        Assert.Equal("rgb(215,25,28)", fills["period=10, stop=1"]); // -5% over 5%: the furthest below
        Assert.Matches("<circle class=\"point\" cx=\"[\\d.]+\" cy=\"16\"", profile); // the infinite one at the top
        Assert.DoesNotContain("NaN", profile, StringComparison.Ordinal);
    }

    [Fact]
    public void BeyondTheMostRows_TheTableSaysHowManyAreLeftOut()
    {
        var rows = Enumerable.Range(0, OptimizationReport.MaxRows + 5).Select(i => Row(i, $"{i}", "1", 1000m + i)).ToList();

        var html = Render([Axis("period", [.. rows.Select(r => r.Parameters["period"])]), Axis("stop", "1")], rows);

        Assert.Equal(OptimizationReport.MaxRows, Regex.Matches(html, "<tr><td>\\d+</td>").Count);
        Assert.Contains("… 5 more (every row is in the JSON output) …", html, StringComparison.Ordinal);
    }
}
