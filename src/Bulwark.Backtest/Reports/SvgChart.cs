using System.Globalization;
using System.Text;
using static Bulwark.Backtest.Reports.ReportText;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Draws one time series as an inline SVG line chart with optional markers: x by bar (the series' points evenly spaced,
/// as trading charts draw them, so nights, weekends and holidays take no room: an intraday equity chart by clock time
/// is three-quarters flat lines), y by value; the dates of the first, middle and last point label the x axis. Series
/// longer than <see cref="MaxPoints"/> are thinned to the lowest and highest value of each bucket, so spikes survive.
/// A marker stands at the first point at or after its time.
/// </summary>
internal static class SvgChart
{
    public const int MaxPoints = 2000;
    private const double Width = 960, Height = 260, Left = 70, Right = 12, Top = 12, Bottom = 28;

    /// <param name="reference">A second line to read the series against (a benchmark), drawn dashed under it: one value
    /// at each of the series' points; null: none.</param>
    public static void Write(TextWriter writer, string label, string cssClass, IReadOnlyList<(DateTimeOffset Time, decimal Value)> series,
        IReadOnlyList<ChartMarker> markers, bool area, Func<decimal, string> format,
        IReadOnlyList<(DateTimeOffset Time, decimal Value)>? reference = null)
    {
        if (reference is not null && reference.Count != series.Count)
            throw new ArgumentException($"the reference has {reference.Count} points and the series {series.Count}; it needs one at each of the series' points", nameof(reference));
        writer.Write(Invariant($"<svg class=\"chart {cssClass}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\">"));
        writer.Write($"<title>{Encode(label)}</title>");
        if (series.Count == 0)
        {
            writer.Write(Invariant($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no data</text></svg>"));
            return;
        }
        var kept = Thin(series);
        var referenceKept = reference is null ? [] : Thin(reference);
        var low = Math.Min(kept.Min(i => series[i].Value), markers.Count == 0 ? decimal.MaxValue : markers.Min(m => m.Value));
        var high = Math.Max(kept.Max(i => series[i].Value), markers.Count == 0 ? decimal.MinValue : markers.Max(m => m.Value));
        if (reference is not null)
            (low, high) = (Math.Min(low, referenceKept.Min(i => reference[i].Value)), Math.Max(high, referenceKept.Max(i => reference[i].Value)));
        if (low == high) (low, high) = (low - 1m, high + 1m);
        var last = series.Count - 1;
        double X(int index) => last == 0 ? Left : Left + ((double)index / last * (Width - Left - Right));
        double Y(decimal v) => Top + ((double)((high - v) / (high - low)) * (Height - Top - Bottom));

        Axes(writer, low, high, series, X, Y, format);
        if (reference is not null) writer.Write($"<path class=\"reference\" d=\"{Path(reference, referenceKept, X, Y)}\"/>");
        var path = Path(series, kept, X, Y);
        if (area)
        {
            var baseline = Y(Math.Min(Math.Max(0m, low), high));
            writer.Write(Invariant($"<path class=\"area\" d=\"{path} L{X(last):0.#},{baseline:0.#} L{X(0):0.#},{baseline:0.#} Z\"/>"));
        }
        writer.Write($"<path class=\"line\" d=\"{path}\"/>");
        foreach (var m in markers)
            writer.Write(Invariant($"<circle class=\"{m.CssClass}\" cx=\"{X(IndexAt(series, m.Time)):0.#}\" cy=\"{Y(m.Value):0.#}\" r=\"4\"><title>{Encode(m.Title)}</title></circle>"));
        writer.Write("</svg>");
    }

    /// <summary>The SVG path through the kept points of a series.</summary>
    private static StringBuilder Path(IReadOnlyList<(DateTimeOffset Time, decimal Value)> series, List<int> kept, Func<int, double> x, Func<decimal, double> y)
    {
        var path = new StringBuilder();
        foreach (var i in kept)
            path.Append(Invariant($"{(path.Length == 0 ? "M" : " L")}{x(i):0.#},{y(series[i].Value):0.#}"));
        return path;
    }

    /// <summary>The first point at or after <paramref name="time"/> (the last point for a time after them all).</summary>
    internal static int IndexAt(IReadOnlyList<(DateTimeOffset Time, decimal Value)> series, DateTimeOffset time)
    {
        int lo = 0, hi = series.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (series[mid].Time < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void Axes(TextWriter writer, decimal low, decimal high, IReadOnlyList<(DateTimeOffset Time, decimal Value)> series,
        Func<int, double> x, Func<decimal, double> y, Func<decimal, string> format)
    {
        foreach (var v in new[] { low, (low + high) / 2m, high })
        {
            var at = y(v);
            writer.Write(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{at:0.#}\" y2=\"{at:0.#}\"/>"));
            writer.Write(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{at + 4:0.#}\" text-anchor=\"end\">{Encode(format(v))}</text>"));
        }
        var last = series.Count - 1;
        // A chart within a few days labels times of day too: dates alone would all read the same.
        var timeFormat = series[last].Time - series[0].Time < ShortSpan ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd";
        string Label(int i) => Encode(series[i].Time.ToString(timeFormat, CultureInfo.InvariantCulture));
        writer.Write(Invariant($"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 8}\">{Label(0)}</text>"));
        if (last >= 2 && Label(last / 2) != Label(0) && Label(last / 2) != Label(last))
            writer.Write(Invariant($"<text class=\"axis\" x=\"{x(last / 2):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Label(last / 2)}</text>"));
        writer.Write(Invariant($"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{Label(last)}</text>"));
    }

    /// <summary>The span under which the time axis labels times of day as well as dates.</summary>
    private static readonly TimeSpan ShortSpan = TimeSpan.FromDays(3);

    /// <summary>
    /// The indexes of the points drawn, at most <see cref="MaxPoints"/>: per bucket, its lowest and highest in time
    /// order (plus the last point); every index when the series is short enough.
    /// </summary>
    internal static List<int> Thin(IReadOnlyList<(DateTimeOffset Time, decimal Value)> series)
    {
        if (series.Count <= MaxPoints) return [.. Enumerable.Range(0, series.Count)];
        var buckets = (MaxPoints / 2) - 1;
        var size = (int)Math.Ceiling(series.Count / (double)buckets);
        var thinned = new List<int>(MaxPoints);
        for (var start = 0; start < series.Count; start += size)
        {
            var (lo, hi) = (start, start);
            for (var i = start; i < Math.Min(series.Count, start + size); i++)
            {
                if (series[i].Value < series[lo].Value) lo = i;
                if (series[i].Value > series[hi].Value) hi = i;
            }
            thinned.Add(Math.Min(lo, hi));
            if (lo != hi) thinned.Add(Math.Max(lo, hi));
        }
        if (thinned[^1] != series.Count - 1) thinned.Add(series.Count - 1);
        return thinned;
    }

}
