using System.Globalization;
using System.Text.RegularExpressions;
using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>Charts space their points by bar, as trading charts do: nights and weekends take no room.</summary>
public sealed class SvgChartTests
{
    private static readonly DateTimeOffset Friday = new(2024, 3, 8, 19, 58, 0, TimeSpan.Zero);

    /// <summary>Two bars before a weekend and two after it: the clock gap is three days, the bar gap one bar.</summary>
    private static readonly (DateTimeOffset Time, decimal Value)[] AcrossAWeekend =
    [
        (Friday, 10m), (Friday.AddMinutes(1), 11m), (Friday.AddDays(3).AddHours(-6), 12m), (Friday.AddDays(3).AddHours(-6).AddMinutes(1), 13m),
    ];

    private static string Draw(IReadOnlyList<(DateTimeOffset Time, decimal Value)> series, params ChartMarker[] markers)
    {
        using var writer = new StringWriter();
        SvgChart.Write(writer, "t", "c", series, markers, area: false, v => v.ToString(CultureInfo.InvariantCulture));
        return writer.ToString();
    }

    private static double[] Xs(string svg) =>
    [
        .. Regex.Matches(Regex.Match(svg, "<path class=\"line\" d=\"([^\"]*)\"").Groups[1].Value, @"[ML]([\d.]+),")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public void PointsAreEvenlySpacedByBar_WhateverTheTimeBetweenThem()
    {
        var xs = Xs(Draw(AcrossAWeekend));

        Assert.Equal(4, xs.Length);
        var steps = xs.Zip(xs.Skip(1), (a, b) => Math.Round(b - a, 1)).ToList();
        Assert.All(steps, s => Assert.Equal(steps[0], s, 0.15));
    }

    [Fact]
    public void AMarkerStandsAtItsBar_OrTheNextOneForATimeBetweenBars()
    {
        var xs = Xs(Draw(AcrossAWeekend));
        var svg = Draw(AcrossAWeekend,
            new ChartMarker(AcrossAWeekend[2].Time, 12m, "buy", "at the third bar"),
            new ChartMarker(Friday.AddDays(1), 12m, "sell", "on the Saturday"));

        var cx = Regex.Matches(svg, "<circle class=\"[^\"]*\" cx=\"([\\d.]+)\"")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([xs[2], xs[2]], cx);
    }

    [Fact]
    public void AReferenceLine_IsDrawnDashedAtTheSeriesPoints_AndWidensTheRangeToHoldIt()
    {
        (DateTimeOffset Time, decimal Value)[] reference = [.. AcrossAWeekend.Select((p, i) => (p.Time, i == 3 ? 20m : p.Value))];
        using var writer = new StringWriter();
        SvgChart.Write(writer, "t", "c", AcrossAWeekend, [], area: false, v => v.ToString(CultureInfo.InvariantCulture), reference);
        var svg = writer.ToString();

        var dashed = Regex.Matches(Regex.Match(svg, "<path class=\"reference\" d=\"([^\"]*)\"").Groups[1].Value, @"[ML]([\d.]+),([\d.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(Xs(svg), dashed.Select(p => p.X));
        Assert.Equal(dashed.Min(p => p.Y), dashed[3].Y); // the reference's 20 is the top of the chart
        Assert.Contains(">20</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<path class=\"reference\"", Draw(AcrossAWeekend), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SvgChart.Write(new StringWriter(), "t", "c", AcrossAWeekend, [], area: false, v => "", reference[..2]));
    }

    [Theory]
    [InlineData("before the first bar", 0)]
    [InlineData("at the second bar", 1)]
    [InlineData("over the weekend", 2)]
    [InlineData("after the last bar", 3)]
    public void IndexAt_FindsTheFirstPointAtOrAfterATime(string when, int expected)
    {
        var time = when switch
        {
            "before the first bar" => Friday.AddMinutes(-5),
            "at the second bar" => AcrossAWeekend[1].Time,
            "over the weekend" => AcrossAWeekend[1].Time.AddDays(1),
            _ => AcrossAWeekend[3].Time.AddDays(1),
        };

        Assert.Equal(expected, SvgChart.IndexAt(AcrossAWeekend, time));
    }

    [Fact]
    public void TheAxisNamesTheFirstMiddleAndLastDates()
    {
        var days = Enumerable.Range(0, 5).Select(d => (Friday.AddDays(d), 10m + d)).ToArray();

        var labels = Regex.Matches(Draw(days), "<text class=\"axis\"[^>]*>(\\d{4}-\\d{2}-\\d{2})</text>").Select(m => m.Groups[1].Value);

        Assert.Equal(["2024-03-08", "2024-03-10", "2024-03-12"], labels);
    }

    [Fact]
    public void TheAxisOfARunWithinADay_NamesTimesOfDay()
    {
        var minutes = Enumerable.Range(0, 300).Select(m => (new DateTimeOffset(2024, 3, 8, 14, 0, 0, TimeSpan.Zero).AddMinutes(m), 10m + (m % 7))).ToArray();

        var labels = Regex.Matches(Draw(minutes), "<text class=\"axis\"[^>]*>(\\d{4}-\\d{2}-\\d{2}[^<]*)</text>").Select(m => m.Groups[1].Value);

        Assert.Equal(["2024-03-08 14:00", "2024-03-08 16:29", "2024-03-08 18:59"], labels);
    }
}
