namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Where in the grid the result holds up, not just peaks: each combination's figure (the one the rows are ranked by:
/// total return when ranked by value) averaged with its neighbours', every combination one step or none away on each
/// parameter (the cells around it, edges having fewer). A best row among poor neighbours is a peak the data's noise
/// made; parameters in a broad plateau are the ones a trader can expect to keep working when the market moves a
/// little. Combinations that failed, were refused, missed a constraint (<see cref="OptimizationConstraints"/>), or have
/// no figure (ret/dd without a drawdown) are left out of every mean. The steadiest is chosen among the combinations inside the grid (not at either end of a parameter of
/// three values or more): at an edge the mean is over the half of the neighbourhood that was searched, and what lies
/// beyond is unknown; widen the grid to read it.
/// </summary>
public static class ParameterPlateau
{
    /// <param name="axes">The grid's parameters and values, as <see cref="ParameterGrid.Axes"/> gives them.</param>
    /// <param name="rows">The combinations that ran, best first (their <see cref="OptimizationRow.Index"/> the grid's).</param>
    /// <returns>Null when no combination has a neighbour that ran (a grid of one value per parameter).</returns>
    public static PlateauResult? Of(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> axes, IReadOnlyList<OptimizationRow> rows,
        OptimizationRank rank)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(rows);
        int[] sizes = [.. axes.Select(a => a.Value.Count)];
        var figures = new Dictionary<int, double>();
        foreach (var row in rows)
            if (row.Ok && row.Missed is null && Figure(row, rank) is { } f && double.IsFinite(f)) figures[row.Index] = f;
        if (figures.Count == 0) return null;

        (OptimizationRow Row, double Mean, int Cells)? steadiest = null;
        (double Mean, int Cells)? best = null;
        foreach (var row in rows)
        {
            if (!figures.ContainsKey(row.Index)) continue;
            var (mean, cells, inside) = Neighbourhood(row.Index, sizes, figures);
            if (ReferenceEquals(row, rows[0])) best = (mean, cells);
            // Rows come best first: a tie keeps the better-ranked one.
            if (inside && cells >= 2 && (steadiest is null || mean > steadiest.Value.Mean)) steadiest = (row, mean, cells);
        }
        if (steadiest is not { } s || best is not { } b) return null;
        return new PlateauResult(FigureName(rank), s.Row.Parameters, figures[s.Row.Index], s.Mean, s.Cells, rows[0].Parameters,
            figures[rows[0].Index], b.Mean, b.Cells) { Index = s.Row.Index };
    }

    /// <summary>The name of the figure averaged for <paramref name="rank"/>.</summary>
    public static string FigureName(OptimizationRank rank) => rank switch
    {
        OptimizationRank.Sharpe => "sharpe",
        OptimizationRank.Sortino => "sortino",
        OptimizationRank.ReturnOverDrawdown => "ret/dd",
        _ => "return",
    };

    private static double? Figure(OptimizationRow row, OptimizationRank rank) => rank switch
    {
        OptimizationRank.Sharpe => row.Sharpe,
        OptimizationRank.Sortino => row.Sortino,
        OptimizationRank.ReturnOverDrawdown => row.ReturnOverDrawdown is { } r ? (double)r : null,
        _ => row.TotalReturn is { } t ? (double)t : null,
    };

    /// <summary>
    /// The mean figure over the cell at <paramref name="index"/> and every cell at most one step from it on each axis, and
    /// whether the cell is inside the grid: off both ends of every axis of three values or more.
    /// </summary>
    private static (double Mean, int Cells, bool Inside) Neighbourhood(int index, int[] sizes, Dictionary<int, double> figures)
    {
        var digits = new int[sizes.Length];
        var interior = true;
        for (int i = sizes.Length - 1, rest = index; i >= 0; i--)
        {
            digits[i] = rest % sizes[i];
            rest /= sizes[i];
            if (sizes[i] >= 3 && (digits[i] == 0 || digits[i] == sizes[i] - 1)) interior = false;
        }
        var offsets = new int[sizes.Length];
        Array.Fill(offsets, -1);
        double sum = 0d;
        var cells = 0;
        while (true)
        {
            var neighbour = 0;
            var inside = true;
            for (var i = 0; i < sizes.Length && inside; i++)
            {
                var d = digits[i] + offsets[i];
                inside = d >= 0 && d < sizes[i];
                neighbour = (neighbour * sizes[i]) + d;
            }
            if (inside && figures.TryGetValue(neighbour, out var f))
            {
                sum += f;
                cells++;
            }
            // The next offset in {-1, 0, 1} per axis, the last axis fastest; done after (1, ..., 1).
            var axis = sizes.Length - 1;
            while (axis >= 0 && offsets[axis] == 1) offsets[axis--] = -1;
            if (axis < 0) break;
            offsets[axis]++;
        }
        return (sum / cells, cells, interior);
    }
}
