using System.Globalization;
using System.Text.RegularExpressions;
using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>The excursion scatter: each closed trade a dot, further right the further it went, higher the better it did.</summary>
public sealed class ExcursionChartTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade Closed(decimal pnl, decimal mae, decimal mfe, int day = 0) =>
        new("X", TradeSide.Long, Day0.AddDays(day), 100m, Day0.AddDays(day + 1), 100m + pnl, 1m, pnl, pnl / 100m) { Mae = mae, Mfe = mfe };

    private static List<(string Kind, double X, double Y)> Dots(string svg) =>
    [
        .. Regex.Matches(svg, "<circle class=\"dot (\\w+)\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"")
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture))),
    ];

    private static string Draw(IReadOnlyList<Trade> trades, bool adverse)
    {
        using var writer = new StringWriter();
        ExcursionChart.Write(writer, trades, adverse);
        return writer.ToString();
    }

    [Fact]
    public void EachTradeIsADot_RightByItsExcursion_UpByItsReturn_ColouredByItsOutcome()
    {
        Trade[] trades = [Closed(5m, -0.01m, 0.06m), Closed(-3m, -0.04m, 0.005m), Closed(0m, -0.02m, 0.02m)];

        var adverse = Dots(Draw(trades, adverse: true));
        var favourable = Dots(Draw(trades, adverse: false));

        Assert.Equal(["win", "loss", "even"], adverse.Select(d => d.Kind));
        Assert.True(adverse[1].X > adverse[2].X && adverse[2].X > adverse[0].X, "the loser went furthest against its entry");
        Assert.True(adverse[0].Y < adverse[2].Y && adverse[2].Y < adverse[1].Y, "the winner is highest, the loser lowest");
        Assert.True(favourable[0].X > favourable[2].X && favourable[2].X > favourable[1].X, "the winner went furthest in its favour");
        Assert.All(adverse.Concat(favourable), d => Assert.True(d.X is >= 0 and <= 960 && d.Y is >= 0 and <= 260, $"{d} is off the chart"));
    }

    [Fact]
    public void OverTheMostDots_AnEvenSampleIsDrawn_AndSaidSo()
    {
        var trades = Enumerable.Range(0, 12_000).Select(i => Closed(i % 2 == 0 ? 1m : -1m, -0.01m, 0.01m, i)).ToList();

        var svg = Draw(trades, adverse: true);

        Assert.Equal(4_000, Dots(svg).Count);
        Assert.Contains("One in every 3 of the 12,000 closed trades is drawn.", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("closed trades is drawn", Draw(trades[..100], adverse: true), StringComparison.Ordinal);
    }
}
