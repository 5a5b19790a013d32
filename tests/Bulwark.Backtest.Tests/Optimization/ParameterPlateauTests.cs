using Bulwark.Backtest.Optimization;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class ParameterPlateauTests
{
    private static List<KeyValuePair<string, IReadOnlyList<string>>> Axes(params (string Key, int Count)[] axes) =>
        [.. axes.Select(a => new KeyValuePair<string, IReadOnlyList<string>>(a.Key, [.. Enumerable.Range(1, a.Count).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))]))];

    /// <summary>Rows of a grid with these Sharpe ratios in grid order, sorted best first as the optimizer gives them.</summary>
    private static List<OptimizationRow> Rows(List<KeyValuePair<string, IReadOnlyList<string>>> axes, params double?[] sharpes)
    {
        var grid = ParameterGrid.Parse(axes.Select(a => $"{a.Key}=1..{a.Value.Count}"));
        return [.. Optimizer.Sort(sharpes.Select((s, i) => new OptimizationRow(i, grid.Combination(i), s is null ? null : 10_000m, 0m, 0, 0m,
            s is null ? "failed" : null) { Sharpe = s }), OptimizationRank.Sharpe)];
    }

    [Fact]
    public void OnOneParameter_APeakAmongPoorNeighbours_LosesToABroadRise()
    {
        var axes = Axes(("period", 7));
        // period 2 peaks at 2.0 beside 0 and 0; periods 5 to 7 hold 1.0 to 1.2 (7, at the edge, is not chosen).
        var rows = Rows(axes, 0d, 2d, 0d, 0.2d, 1d, 1.2d, 1.1d);

        var plateau = ParameterPlateau.Of(axes, rows, OptimizationRank.Sharpe)!;

        Assert.Equal("sharpe", plateau.Figure);
        Assert.Equal("6", plateau.Parameters["period"]);
        Assert.Equal((1.2d, 3), (plateau.Own, plateau.Cells));
        Assert.Equal(1.1d, plateau.Mean, 12);
        Assert.Equal("2", plateau.BestParameters["period"]);
        Assert.Equal((2d, 3), (plateau.BestOwn, plateau.BestCells));
        Assert.Equal(2d / 3d, plateau.BestMean, 12);
        Assert.False(plateau.BestIsSteadiest);
    }

    [Fact]
    public void OnTwoParameters_TheNeighboursAreTheCellsAround_FailedRowsAreLeftOut_AndEdgesAreNotChosen()
    {
        var axes = Axes(("a", 4), ("b", 3));
        // Grid order a=1 b=1..3, a=2 b=1..3, ...; a=4 b=3 failed.
        var rows = Rows(axes, 1d, 1d, 0d, 1d, 3d, 0d, 2d, 2d, 2d, 2d, 2d, null);

        var plateau = ParameterPlateau.Of(axes, rows, OptimizationRank.Sharpe)!;

        // Inside the grid: a=2 b=2, the best row, (1 + 1 + 0 + 1 + 3 + 0 + 2 + 2 + 2) / 9; a=3 b=2, without the failed
        // cell, (1 + 3 + 0 + 2 + 2 + 2 + 2 + 2) / 8. The corner a=4 b=1 averages 2 but only the half of its cells searched.
        Assert.Equal(new Dictionary<string, string> { ["a"] = "3", ["b"] = "2" }, plateau.Parameters);
        Assert.Equal((2d, 1.75d, 8), (plateau.Own, plateau.Mean, plateau.Cells));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "2" }, plateau.BestParameters);
        Assert.Equal((3d, 9), (plateau.BestOwn, plateau.BestCells));
        Assert.Equal(12d / 9d, plateau.BestMean, 12);
    }

    [Fact]
    public void ABestRowInTheBroadestPlateau_IsTheSteadiest_AndAGridWithoutNeighboursHasNone()
    {
        var axes = Axes(("period", 4));
        var plateau = ParameterPlateau.Of(axes, Rows(axes, 0d, 1d, 1.5d, 1.2d), OptimizationRank.Sharpe)!;

        Assert.True(plateau.BestIsSteadiest);
        Assert.Equal("3", plateau.Parameters["period"]);
        Assert.Equal(3.7d / 3d, plateau.Mean, 12); // period 4 averages more, (1.5 + 1.2) / 2, but at the edge
        var single = Axes(("period", 1));
        Assert.Null(ParameterPlateau.Of(single, Rows(single, 1d), OptimizationRank.Sharpe));
    }

    [Fact]
    public void RankedByValue_TheTotalReturnIsAveraged()
    {
        var axes = Axes(("period", 3));
        var grid = ParameterGrid.Parse(["period=1..3"]);
        var rows = Optimizer.Sort([.. new[] { 0.1m, 0.3m, -0.1m }.Select((r, i) => new OptimizationRow(i, grid.Combination(i), 10_000m * (1m + r), r, 0, 0m, null))]);

        var plateau = ParameterPlateau.Of(axes, rows, OptimizationRank.Value)!;

        Assert.Equal("return", plateau.Figure);
        // Period 2, the only one inside: (0.1 + 0.3 - 0.1) / 3.
        Assert.Equal(("2", 3), (plateau.Parameters["period"], plateau.Cells));
        Assert.Equal(0.1d, plateau.Mean, 12);
        Assert.True(plateau.BestIsSteadiest);
    }
}
