using Bulwark.Backtest.Optimization;
using static Bulwark.Backtest.Reports.ReportText;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Draws an optimization's ranking figure over the parameters it varied, as an inline SVG: over two, a heatmap (the
/// first parameter across, the second down, a cell a combination); over one, a profile (the figure against the
/// parameter's values in the order given). Cells and points are coloured on a scale centred on
/// <see cref="Figure.Neutral"/> (the starting cash for the final value, 0 for a ratio): red below it, green above,
/// deeper the further; a combination with no figure (refused, failed) is grey. What a grid is read for is its shape: a
/// broad plateau of good values is a robust choice, a lone bright cell among red ones a fitted one.
/// </summary>
internal static class OptimizationHeatmap
{
    /// <summary>The figure the grid is ranked by, and the value that reads as neither gain nor loss.</summary>
    public readonly record struct Figure(string Name, Func<OptimizationRow, double?> Of, double Neutral, Func<double, string> Format);

    /// <summary>The most values an axis may have for its cells to carry their figures as text (beyond, tooltips only).</summary>
    private const int MaxLabelledValues = 16;

    private const double Left = 90, Top = 16, Right = 12, Bottom = 56, Width = 960;

    /// <summary>A heatmap of <paramref name="figure"/> over <paramref name="x"/> (across) and <paramref name="y"/> (down).</summary>
    /// <param name="steadiest">The combination to outline (see <see cref="ParameterPlateau"/>), or null.</param>
    public static void WriteGrid(TextWriter writer, KeyValuePair<string, IReadOnlyList<string>> x, KeyValuePair<string, IReadOnlyList<string>> y,
        IReadOnlyList<OptimizationRow> rows, Figure figure, IReadOnlyDictionary<string, string>? steadiest = null)
    {
        var cells = new Dictionary<(string, string), OptimizationRow>();
        foreach (var row in rows)
            if (row.Parameters.TryGetValue(x.Key, out var a) && row.Parameters.TryGetValue(y.Key, out var b)) cells[(a, b)] = row;
        var scale = Scale(rows.Select(figure.Of), figure.Neutral);
        var cellWidth = (Width - Left - Right) / x.Value.Count;
        var cellHeight = Math.Clamp(360d / y.Value.Count, 6d, 28d);
        var height = Top + (cellHeight * y.Value.Count) + Bottom;
        var labelled = x.Value.Count <= MaxLabelledValues && y.Value.Count <= MaxLabelledValues;
        writer.Write(Invariant($"<svg class=\"chart heatmap\" viewBox=\"0 0 {Width} {height:0.#}\" role=\"img\" aria-label=\"{Encode(figure.Name)} by {Encode(x.Key)} and {Encode(y.Key)}\">"));
        writer.Write($"<title>{Encode(figure.Name)} by {Encode(x.Key)} (across) and {Encode(y.Key)} (down)</title>");
        for (var j = 0; j < y.Value.Count; j++)
        {
            var top = Top + (j * cellHeight);
            if (labelled || j % Step(y.Value.Count) == 0)
                writer.Write(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{top + (cellHeight / 2) + 4:0.#}\" text-anchor=\"end\">{Encode(y.Value[j])}</text>"));
            for (var i = 0; i < x.Value.Count; i++)
            {
                var left = Left + (i * cellWidth);
                cells.TryGetValue((x.Value[i], y.Value[j]), out var row);
                var value = row is null ? null : figure.Of(row);
                var title = $"{x.Key}={x.Value[i]}, {y.Key}={y.Value[j]}: {(row is null ? "not run" : value is { } v ? $"{figure.Name} {figure.Format(v)}" : row.Error ?? "no figure")}";
                writer.Write(Invariant($"<rect class=\"cell\" x=\"{left:0.#}\" y=\"{top:0.#}\" width=\"{cellWidth:0.##}\" height=\"{cellHeight:0.##}\" fill=\"{scale(value)}\"><title>{Encode(title)}</title></rect>"));
                if (labelled && value is { } shown)
                    writer.Write(Invariant($"<text class=\"cell-text\" x=\"{left + (cellWidth / 2):0.#}\" y=\"{top + (cellHeight / 2) + 4:0.#}\" text-anchor=\"middle\">{Encode(figure.Format(shown))}</text>"));
            }
        }
        if (steadiest is not null && steadiest.TryGetValue(x.Key, out var sx) && steadiest.TryGetValue(y.Key, out var sy)
            && IndexOf(x.Value, sx) is var si and >= 0 && IndexOf(y.Value, sy) is var sj and >= 0)
            writer.Write(Invariant($"<rect class=\"steadiest\" x=\"{Left + (si * cellWidth):0.#}\" y=\"{Top + (sj * cellHeight):0.#}\" width=\"{cellWidth:0.##}\" height=\"{cellHeight:0.##}\"><title>{Encode($"steadiest: {x.Key}={sx} {y.Key}={sy}")}</title></rect>"));
        var bottom = Top + (cellHeight * y.Value.Count);
        for (var i = 0; i < x.Value.Count; i += labelled ? 1 : Step(x.Value.Count))
            writer.Write(Invariant($"<text class=\"axis\" x=\"{Left + ((i + 0.5) * cellWidth):0.#}\" y=\"{bottom + 16:0.#}\" text-anchor=\"middle\">{Encode(x.Value[i])}</text>"));
        writer.Write(Invariant($"<text class=\"axis\" x=\"{(Left + Width - Right) / 2:0.#}\" y=\"{bottom + 40:0.#}\" text-anchor=\"middle\">{Encode(x.Key)} across, {Encode(y.Key)} down</text>"));
        writer.Write("</svg>");
    }

    /// <summary>A profile of <paramref name="figure"/> over the values of <paramref name="axis"/>, in the order given.</summary>
    /// <param name="steadiest">The combination to ring (see <see cref="ParameterPlateau"/>), or null.</param>
    public static void WriteProfile(TextWriter writer, KeyValuePair<string, IReadOnlyList<string>> axis, IReadOnlyList<OptimizationRow> rows, Figure figure,
        IReadOnlyDictionary<string, string>? steadiest = null)
    {
        const double Height = 260;
        var byValue = new Dictionary<string, OptimizationRow>();
        foreach (var row in rows)
            if (row.Parameters.TryGetValue(axis.Key, out var v)) byValue[v] = row;
        var values = axis.Value.Select(v => byValue.TryGetValue(v, out var row) ? figure.Of(row) : null).ToList();
        var known = values.OfType<double>().Where(double.IsFinite).Append(figure.Neutral).ToList();
        var (low, high) = (known.Min(), known.Max());
        if (low == high) (low, high) = (low - 1d, high + 1d);
        var scale = Scale(values, figure.Neutral);
        var step = (Width - Left - Right) / axis.Value.Count;
        double X(int i) => Left + ((i + 0.5) * step);
        // An infinite figure (a gain with no drawdown, ranked above every ratio) stands at the top.
        double Y(double v) => double.IsPositiveInfinity(v) ? Top : Top + ((high - v) / (high - low) * (Height - Top - Bottom));
        writer.Write(Invariant($"<svg class=\"chart profile\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(figure.Name)} by {Encode(axis.Key)}\">"));
        writer.Write($"<title>{Encode(figure.Name)} by {Encode(axis.Key)}</title>");
        foreach (var v in new[] { low, figure.Neutral, high }.Distinct())
        {
            writer.Write(Invariant($"<line class=\"{(v == figure.Neutral ? "zero" : "grid")}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>"));
            writer.Write(Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{Encode(figure.Format(v))}</text>"));
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) continue;
            var title = $"{axis.Key}={axis.Value[i]}: {figure.Name} {figure.Format(v)}";
            writer.Write(Invariant($"<circle class=\"point\" cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"4\" fill=\"{scale(v)}\"><title>{Encode(title)}</title></circle>"));
        }
        if (steadiest is not null && steadiest.TryGetValue(axis.Key, out var sv) && IndexOf(axis.Value, sv) is var si and >= 0
            && values[si] is { } steady)
            writer.Write(Invariant($"<circle class=\"steadiest\" cx=\"{X(si):0.#}\" cy=\"{Y(steady):0.#}\" r=\"8\"><title>{Encode($"steadiest: {axis.Key}={sv}")}</title></circle>"));
        for (var i = 0; i < axis.Value.Count; i += Step(axis.Value.Count))
            writer.Write(Invariant($"<text class=\"axis\" x=\"{X(i):0.#}\" y=\"{Height - 34}\" text-anchor=\"middle\">{Encode(axis.Value[i])}</text>"));
        writer.Write(Invariant($"<text class=\"axis\" x=\"{(Left + Width - Right) / 2:0.#}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Encode(axis.Key)}</text>"));
        writer.Write("</svg>");
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
            if (string.Equals(values[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Every how many values an axis is labelled, so that at most <see cref="MaxLabelledValues"/> labels show.</summary>
    private static int Step(int count) => Math.Max(1, (int)Math.Ceiling(count / (double)MaxLabelledValues));

    /// <summary>A colour for a figure: red below <paramref name="neutral"/>, green above, deeper the further; grey for none.</summary>
    internal static Func<double?, string> Scale(IEnumerable<double?> figures, double neutral)
    {
        var reach = figures.OfType<double>().Where(double.IsFinite).Select(v => Math.Abs(v - neutral)).DefaultIfEmpty(0d).Max();
        return value =>
        {
            if (value is not { } v) return "#ddd";
            var t = reach == 0d || !double.IsFinite(v) ? (double.IsPositiveInfinity(v) ? 1d : 0d) : Math.Clamp((v - neutral) / reach, -1d, 1d);
            var (r, g, b) = t >= 0d ? (26, 150, 65) : (215, 25, 28);
            var a = Math.Abs(t);
            return Invariant($"rgb({Mix(r, a)},{Mix(g, a)},{Mix(b, a)})");
        };
    }

    private static int Mix(int channel, double amount) => (int)Math.Round(255 + ((channel - 255) * amount));

}
