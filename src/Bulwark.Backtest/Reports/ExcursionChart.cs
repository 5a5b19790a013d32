using System.Globalization;
using static Bulwark.Backtest.Reports.ReportText;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Draws the closed trades as an inline SVG scatter: x how far each went against its entry (<see cref="Trade.Mae"/>,
/// as a positive percent) or in its favour (<see cref="Trade.Mfe"/>), y its return, winners and losers apart. Read
/// against each other, they show where a stop would have cut the losers without touching the winners (losers to the
/// right of every winner on the adverse chart) and where a target would have been reached. Over
/// <see cref="MaxDots"/> trades, an evenly spaced sample of them is drawn, and the caption says so.
/// </summary>
internal static class ExcursionChart
{
    public const int MaxDots = 5000;
    private const double Width = 960, Height = 260, Left = 70, Right = 12, Top = 12, Bottom = 40;

    /// <param name="adverse">The adverse excursion (MAE) on x; else the favourable one (MFE).</param>
    public static void Write(TextWriter writer, IReadOnlyList<Trade> closed, bool adverse)
    {
        var label = adverse ? "Trade return against the adverse excursion (MAE)" : "Trade return against the favourable excursion (MFE)";
        writer.Write(Invariant($"<svg class=\"chart excursion\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\">"));
        writer.Write($"<title>{Encode(label)}</title>");
        if (closed.Count == 0)
        {
            writer.Write(Invariant($"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no closed trades</text></svg>"));
            return;
        }
        decimal Excursion(Trade t) => adverse ? -t.Mae : t.Mfe;
        var xHigh = Math.Max(closed.Max(Excursion), 0.0001m);
        var (yLow, yHigh) = (Math.Min(0m, closed.Min(t => t.Return)), Math.Max(0m, closed.Max(t => t.Return)));
        if (yLow == yHigh) (yLow, yHigh) = (-0.01m, 0.01m);
        double X(decimal v) => Left + ((double)(v / xHigh) * (Width - Left - Right));
        double Y(decimal v) => Top + ((double)((yHigh - v) / (yHigh - yLow)) * (Height - Top - Bottom));

        foreach (var v in new[] { yLow, 0m, yHigh }.Distinct())
        {
            writer.Write(Invariant($"<line class=\"{(v == 0m ? "zero" : "grid")}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>"));
            writer.Write(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{AxisPercent(v)}</text>"));
        }
        foreach (var (v, anchor) in new[] { (0m, "start"), (xHigh / 2m, "middle"), (xHigh, "end") })
            writer.Write(Invariant($"<text class=\"axis\" x=\"{X(v):0.#}\" y=\"{Height - 22}\" text-anchor=\"{anchor}\">{AxisPercent(v)}</text>"));
        var axis = adverse ? "how far the trade went against its entry" : "how far the trade went in its favour";
        writer.Write(Invariant($"<text class=\"axis\" x=\"{(Left + Width - Right) / 2:0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\">{axis}; up: its return</text>"));

        var step = closed.Count <= MaxDots ? 1 : (int)Math.Ceiling(closed.Count / (double)MaxDots);
        for (var i = 0; i < closed.Count; i += step)
        {
            var t = closed[i];
            var kind = t.PnL > 0m ? "win" : t.PnL < 0m ? "loss" : "even";
            var title = $"{t.Symbol} {t.Side.ToString().ToLowerInvariant()} {t.EntryTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}: "
                + $"{(adverse ? "MAE" : "MFE")} {AxisPercent(adverse ? t.Mae : t.Mfe)}, return {AxisPercent(t.Return)}";
            writer.Write(Invariant($"<circle class=\"dot {kind}\" cx=\"{X(Excursion(t)):0.#}\" cy=\"{Y(t.Return):0.#}\" r=\"3\"><title>{Encode(title)}</title></circle>"));
        }
        writer.Write("</svg>");
        if (step > 1)
            writer.Write(Invariant($"<p class=\"note\">One in every {step} of the {closed.Count:N0} closed trades is drawn.</p>"));
    }

    /// <summary>An axis or tooltip percent: to two places at most (1.5%, not 1.50%).</summary>
    private static string AxisPercent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
