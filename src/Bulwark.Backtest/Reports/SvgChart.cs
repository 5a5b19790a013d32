using System.Globalization;
using System.Net;
using System.Text;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Draws one time series as an inline SVG line chart (x by time, y by value) with optional markers. Series longer
/// than <see cref="MaxPoints"/> are thinned to the lowest and highest value of each bucket, so spikes survive.
/// </summary>
internal static class SvgChart
{
    public const int MaxPoints = 2000;
    private const double Width = 960, Height = 260, Left = 70, Right = 12, Top = 12, Bottom = 28;

    public static void Write(TextWriter writer, string label, string cssClass, IReadOnlyList<(DateTimeOffset Time, decimal Value)> series,
        IReadOnlyList<ChartMarker> markers, bool area, Func<decimal, string> format)
    {
        writer.Write(Invariant($"<svg class=\"chart {cssClass}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\">"));
        writer.Write($"<title>{Encode(label)}</title>");
        if (series.Count == 0)
        {
            writer.Write(Invariant($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no data</text></svg>"));
            return;
        }
        var points = Thin(series);
        var (t0, t1) = (points[0].Time, points[^1].Time);
        var low = Math.Min(points.Min(p => p.Value), markers.Count == 0 ? decimal.MaxValue : markers.Min(m => m.Value));
        var high = Math.Max(points.Max(p => p.Value), markers.Count == 0 ? decimal.MinValue : markers.Max(m => m.Value));
        if (low == high) (low, high) = (low - 1m, high + 1m);
        double X(DateTimeOffset t) => t1 == t0 ? Left : Left + ((t - t0) / (t1 - t0) * (Width - Left - Right));
        double Y(decimal v) => Top + ((double)((high - v) / (high - low)) * (Height - Top - Bottom));

        Axes(writer, low, high, t0, t1, Y, format);
        var path = new StringBuilder();
        foreach (var (time, value) in points)
            path.Append(Invariant($"{(path.Length == 0 ? "M" : " L")}{X(time):0.#},{Y(value):0.#}"));
        if (area)
        {
            var baseline = Y(Math.Min(Math.Max(0m, low), high));
            writer.Write(Invariant($"<path class=\"area\" d=\"{path} L{X(t1):0.#},{baseline:0.#} L{X(t0):0.#},{baseline:0.#} Z\"/>"));
        }
        writer.Write($"<path class=\"line\" d=\"{path}\"/>");
        foreach (var m in markers)
            writer.Write(Invariant($"<circle class=\"{m.CssClass}\" cx=\"{X(m.Time):0.#}\" cy=\"{Y(m.Value):0.#}\" r=\"4\"><title>{Encode(m.Title)}</title></circle>"));
        writer.Write("</svg>");
    }

    private static void Axes(TextWriter writer, decimal low, decimal high, DateTimeOffset t0, DateTimeOffset t1,
        Func<decimal, double> y, Func<decimal, string> format)
    {
        foreach (var v in new[] { low, (low + high) / 2m, high })
        {
            var at = y(v);
            writer.Write(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{at:0.#}\" y2=\"{at:0.#}\"/>"));
            writer.Write(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{at + 4:0.#}\" text-anchor=\"end\">{Encode(format(v))}</text>"));
        }
        writer.Write(Invariant($"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 8}\">{t0:yyyy-MM-dd}</text>"));
        writer.Write(Invariant($"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{t1:yyyy-MM-dd}</text>"));
    }

    /// <summary>At most <see cref="MaxPoints"/> points: per bucket, its lowest and highest in time order (plus the last).</summary>
    internal static List<(DateTimeOffset Time, decimal Value)> Thin(IReadOnlyList<(DateTimeOffset Time, decimal Value)> series)
    {
        if (series.Count <= MaxPoints) return [.. series];
        var buckets = (MaxPoints / 2) - 1;
        var size = (int)Math.Ceiling(series.Count / (double)buckets);
        var thinned = new List<(DateTimeOffset Time, decimal Value)>(MaxPoints);
        for (var start = 0; start < series.Count; start += size)
        {
            var (lo, hi) = (start, start);
            for (var i = start; i < Math.Min(series.Count, start + size); i++)
            {
                if (series[i].Value < series[lo].Value) lo = i;
                if (series[i].Value > series[hi].Value) hi = i;
            }
            thinned.Add(series[Math.Min(lo, hi)]);
            if (lo != hi) thinned.Add(series[Math.Max(lo, hi)]);
        }
        if (thinned[^1] != series[^1]) thinned.Add(series[^1]);
        return thinned;
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
