using Bulwark.Backtest.Optimization;
using static Bulwark.Backtest.Reports.ReportText;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Writes an optimization as one self-contained HTML page (inline CSS and SVG, no scripts, so it opens with no network):
/// the ranking figure over the parameters the grid varied (a heatmap over two, a profile over one; see
/// <see cref="OptimizationHeatmap"/>), the rows best first, the walk-forward windows and the cost grid when they ran, and
/// what produced the run. All text is HTML-escaped.
/// </summary>
public static class OptimizationReport
{
    /// <summary>Rows beyond this are left out of the table's end (the JSON has every row).</summary>
    public const int MaxRows = 1000;

    /// <param name="axes">The grid's parameters with their values, in the order given.</param>
    /// <param name="rows">The combinations that ran (refused ones left out), best first.</param>
    /// <param name="refused">How many combinations the strategy refused.</param>
    /// <param name="startingCash">The account's cash at the start: where the final value reads as neither gain nor loss.</param>
    /// <param name="run">What produced the run, as name and value rows for the page's last table; null or empty: none.</param>
    /// <param name="walkForward">The walk-forward validation (--walk-forward); null: not run.</param>
    /// <param name="costGrid">The transaction-cost sensitivity (--cost-grid); null: not run.</param>
    /// <param name="sampled">Only a random sample of the grid ran (--sample): the cells not drawn have no figure.</param>
    public static void Write(TextWriter writer, string title, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> axes,
        IReadOnlyList<OptimizationRow> rows, int refused, OptimizationRank rank, decimal startingCash,
        IReadOnlyList<(string Name, string Value)>? run = null, WalkForwardResult? walkForward = null, CostGridResult? costGrid = null,
        bool sampled = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(rows);
        var figure = FigureOf(rank, startingCash);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.Write($"<title>{Encode(title)}</title><style>{HtmlReport.Style}</style></head><body>\n");
        writer.Write($"<h1>{Encode(title)}</h1>\n");
        writer.Write(Invariant($"<p class=\"note\">{rows.Count:N0} combinations ran{(refused > 0 ? Invariant($", {refused:N0} refused by the strategy") : "")}; ranked by {Encode(figure.Name)}, best first.</p>\n"));

        var varied = axes.Where(a => a.Value.Count > 1).ToList();
        var plateau = ParameterPlateau.Of(axes, rows, rank);
        writer.Write($"<h2>{Encode(Capitalised(figure.Name))} over the grid</h2>\n");
        if (varied.Count == 2)
        {
            writer.Write("<p class=\"note\">Green above the start (for a ratio, above 0), red below, deeper the further; grey: no figure" + (sampled ? " (or not drawn: a random sample ran)" : "") + ". A broad plateau is a robust choice, a lone bright cell a fitted one" +
                (plateau is null ? "" : "; the outlined cell is the steadiest combination (see where the result holds up, below)") + ".</p>\n");
            OptimizationHeatmap.WriteGrid(writer, varied[0], varied[1], rows, figure, plateau?.Parameters);
        }
        else if (varied.Count == 1)
        {
            if (sampled) writer.Write("<p class=\"note\">A random sample ran: the values not drawn have no point.</p>\n");
            if (plateau is not null)
                writer.Write("<p class=\"note\">The ringed point is the steadiest combination (see where the result holds up, below).</p>\n");
            OptimizationHeatmap.WriteProfile(writer, varied[0], rows, figure, plateau?.Parameters);
        }
        else writer.Write($"<p class=\"note\">{(varied.Count == 0 ? "The grid varied no parameter" : Invariant($"The grid varied {varied.Count} parameters"))}: a chart takes one or two; give the others one value each to see them.</p>\n");

        RowTable(writer, axes, rows, figure);
        if (DeflatedSharpe.Of(rows) is { Trials: >= 2 } deflated) DeflatedTable(writer, deflated);
        if (plateau is not null) PlateauTable(writer, plateau);
        if (walkForward is not null) WalkForwardTable(writer, walkForward);
        if (costGrid is not null) CostTable(writer, costGrid, startingCash);
        if (run is { Count: > 0 })
        {
            writer.Write("<h2>Run</h2>\n<table class=\"metrics\">");
            foreach (var (name, value) in run) writer.Write($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>");
            writer.Write("</table>\n");
        }
        writer.Write("</body></html>\n");
    }

    /// <summary>How much of the best row's Sharpe ratio the search explains (see <see cref="DeflatedSharpe"/>).</summary>
    private static void DeflatedTable(TextWriter writer, DeflatedSharpeResult d)
    {
        writer.Write("\n<h2>The best row against chance</h2>\n<p class=\"note\">The best of many combinations has a high Sharpe ratio even with no edge. " +
            "The probabilistic Sharpe ratio is the probability that the best row's true Sharpe ratio is above 0, from its returns' length, skew and tails; " +
            "the deflated one, that it is above what the best of this many trials shows by chance. Neighbouring combinations trade alike, " +
            "so the trials count as fewer independent ones: as many as the mean correlation of their returns makes of them.</p>\n<table class=\"metrics\">");
        (string Name, string Value)[] rows =
        [
            ("Best row", string.Join(" ", d.Parameters.Select(p => $"{p.Key}={p.Value}"))),
            ("Its Sharpe ratio (annualised)", Invariant($"{Ratio(d.Sharpe)} over {d.Observations:N0} returns")),
            ("Trials", Count(d.Trials)),
            ("Mean correlation of their returns", d.MeanCorrelation is { } r ? Ratio(r) : "n/a (counted as independent)"),
            ("Independent trials", Ratio(d.EffectiveTrials)),
            ("Spread of the trials' Sharpe ratios", Ratio(d.SharpeSpread)),
            ("Best of that many expected by chance", Ratio(d.ExpectedMaxSharpe)),
            ("Probabilistic Sharpe ratio (above 0)", Probability(d.ProbabilisticSharpe)),
            ("Deflated Sharpe ratio (above chance)", Probability(d.Deflated)),
        ];
        foreach (var (name, value) in rows) writer.Write($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>");
        writer.Write("</table>\n");
    }

    /// <summary>Where the result holds up in the grid, beside the best row (see <see cref="ParameterPlateau"/>).</summary>
    private static void PlateauTable(TextWriter writer, PlateauResult p)
    {
        writer.Write("\n<h2>Where the result holds up</h2>\n<p class=\"note\">Each combination's figure averaged with its neighbours' in the grid " +
            "(one step or none on each parameter). A best row among poor neighbours is a peak the data's noise made; a broad plateau is what " +
            "a trader can expect to keep working.</p>\n<table class=\"metrics\">");
        string Figure(double v) => p.Figure == "return" ? Ratio(v * 100d) + "%" : Ratio(v);
        (string Name, string Value)[] rows =
        [
            ("Steadiest combination", string.Join(" ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))),
            ($"Its {p.Figure} alone / with its neighbours", Invariant($"{Figure(p.Own)} / {Figure(p.Mean)} over {p.Cells} combinations")),
            ("Best row", string.Join(" ", p.BestParameters.Select(kv => $"{kv.Key}={kv.Value}"))),
            ($"Its {p.Figure} alone / with its neighbours", Invariant($"{Figure(p.BestOwn)} / {Figure(p.BestMean)} over {p.BestCells} combinations")),
        ];
        foreach (var (name, value) in rows) writer.Write($"<tr><th>{Encode(name)}</th><td>{Encode(value)}</td></tr>");
        writer.Write("</table>\n");
    }

    private static string Probability(double? p) => p is { } v ? Ratio(v * 100d) + "%" : "-";

    /// <summary>The figure a rank sorts by, as the heatmap colours it.</summary>
    internal static OptimizationHeatmap.Figure FigureOf(OptimizationRank rank, decimal startingCash) => rank switch
    {
        OptimizationRank.Sharpe => new("Sharpe ratio", r => r.Sharpe, 0d, Ratio),
        OptimizationRank.Sortino => new("Sortino ratio", r => r.Sortino, 0d, Ratio),
        // As the ranking has it: a gain with no drawdown is the best there is (infinite).
        OptimizationRank.ReturnOverDrawdown => new("return over drawdown", r => r.Ok ? Optimizer.Key(r, rank) : null, 0d, Ratio),
        // A colour and a label, not an amount booked: the final value is read in double like the ratios beside it.
        _ => new("final value", r => r.FinalValue is { } v ? (double)v : null, (double)startingCash, Money),
    };

    private static void RowTable(TextWriter writer, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> axes, IReadOnlyList<OptimizationRow> rows,
        OptimizationHeatmap.Figure figure)
    {
        writer.Write("\n<h2>Combinations</h2>\n<table class=\"rows\"><tr><th>#</th>");
        foreach (var axis in axes) writer.Write($"<th>{Encode(axis.Key)}</th>");
        // The constraint each row missed (optimize --min-trades, --max-drawdown), when any did: why a row ranks low.
        var missed = rows.Any(r => r.Missed is not null);
        writer.Write("<th>Final value</th><th>Return</th><th>Sharpe</th><th>Sortino</th><th>Max drawdown</th><th>Return / drawdown</th><th>Fills</th>" +
            (missed ? "<th>Missed</th>" : "") + "</tr>");
        for (var i = 0; i < Math.Min(rows.Count, MaxRows); i++)
        {
            var r = rows[i];
            var sign = figure.Of(r) is { } v ? v >= figure.Neutral ? "pos" : "neg" : "";
            writer.Write(Invariant($"<tr><td>{i + 1}</td>"));
            foreach (var axis in axes) writer.Write($"<td>{Encode(r.Parameters.TryGetValue(axis.Key, out var p) ? p : "-")}</td>");
            if (!r.Ok)
            {
                writer.Write(Invariant($"<td colspan=\"{(missed ? 8 : 7)}\" class=\"neg\">{Encode(r.Error!)}</td></tr>"));
                continue;
            }
            writer.Write($"<td class=\"{sign}\">{Money(r.FinalValue!.Value)}</td><td>{Percent(r.TotalReturn)}</td><td>{(r.Sharpe is { } s ? Ratio(s) : "-")}</td><td>{(r.Sortino is { } so ? Ratio(so) : "-")}</td>");
            writer.Write(Invariant($"<td>{Percent(r.MaxDrawdown)}</td><td>{(r.ReturnOverDrawdown is { } rd ? Ratio((double)rd) : "-")}</td><td>{r.Fills}</td>"));
            writer.Write(missed ? $"<td class=\"neg\">{Encode(r.Missed ?? "")}</td></tr>" : "</tr>");
        }
        if (rows.Count > MaxRows)
            writer.Write(Invariant($"<tr class=\"omitted\"><td colspan=\"{axes.Count + (missed ? 8 : 7)}\">… {rows.Count - MaxRows:N0} more (every row is in the JSON output) …</td></tr>"));
        writer.Write("</table>\n");
    }

    private static void WalkForwardTable(TextWriter writer, WalkForwardResult forward)
    {
        writer.Write(Invariant($"\n<h2>Walk-forward (train {forward.TrainBars:N0}{(forward.Anchored ? " from the first bar, anchored" : "")}, test {forward.TestBars:N0} bar times{(forward.Plateau ? ", choosing each window's steadiest combination" : "")})</h2>\n"));
        writer.Write(Invariant($"<p class=\"note\">Out-of-sample return {Percent(forward.OutOfSampleReturn)}; walk-forward efficiency {(forward.Efficiency is { } e ? Ratio(e) : "-")} ")
            + "(the out-of-sample gain per bar over the chosen parameters' in-sample gain per bar: near 1 the edge held, near 0 or below it was fitted).</p>\n");
        writer.Write("<table class=\"windows\"><tr><th>Window</th><th>Train</th><th>Test</th><th>Chosen</th><th>Train return</th><th>Test return</th><th>Test fills</th></tr>");
        foreach (var w in forward.Windows)
        {
            var chosen = w.Parameters is null ? w.Error ?? "-" : string.Join(" ", w.Parameters.Select(p => $"{p.Key}={p.Value}"));
            var sign = w.TestReturn is { } t ? t >= 0m ? "pos" : "neg" : "";
            writer.Write(Invariant($"<tr><td>{w.Number}</td><td>{Date(w.TrainFrom)} to {Date(w.TrainTo)}</td><td>{Date(w.TestFrom)} to {Date(w.TestTo)}</td>"));
            writer.Write(Invariant($"<td>{Encode(chosen)}</td><td>{Percent(w.TrainReturn)}</td><td class=\"{sign}\">{Percent(w.TestReturn)}</td><td>{w.TestFills}</td></tr>"));
        }
        writer.Write("</table>\n");
    }

    private static void CostTable(TextWriter writer, CostGridResult grid, decimal startingCash)
    {
        writer.Write("\n<h2>Cost sensitivity</h2>\n<p class=\"note\">Each row's final value re-run at each cost, which replaces that one cost of the run.</p>\n");
        writer.Write("<table class=\"costs\"><tr><th>Combination</th>");
        foreach (var cost in grid.Costs) writer.Write($"<th>{Encode(cost.Label)}</th>");
        writer.Write("</tr>");
        foreach (var row in grid.Rows)
        {
            writer.Write($"<tr><td>{Encode(string.Join(" ", row.Parameters.Select(p => $"{p.Key}={p.Value}")))}</td>");
            foreach (var value in row.FinalValues)
                writer.Write(value is { } v ? $"<td class=\"{(v >= startingCash ? "pos" : "neg")}\">{Money(v)}</td>" : "<td>failed</td>");
            writer.Write("</tr>");
        }
        writer.Write("</table>\n");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
