namespace Bulwark.Backtest.Optimization;

/// <summary>
/// The combination whose neighbourhood in the grid did best (see <see cref="ParameterPlateau"/>), beside the best row's
/// own figure and its neighbourhood's.
/// </summary>
/// <param name="Figure">What was averaged: "return", "sharpe", "sortino" or "ret/dd", the figure the rows are ranked by.</param>
/// <param name="Parameters">The steadiest combination's parameters.</param>
/// <param name="Own">Its own figure.</param>
/// <param name="Mean">The mean figure over it and its neighbours that ran.</param>
/// <param name="Cells">How many combinations that mean is over (it included).</param>
/// <param name="BestParameters">The best row's parameters.</param>
/// <param name="BestOwn">The best row's figure.</param>
/// <param name="BestMean">The mean over the best row and its neighbours.</param>
/// <param name="BestCells">How many combinations that is over.</param>
public sealed record PlateauResult(string Figure, IReadOnlyDictionary<string, string> Parameters, double Own, double Mean, int Cells,
    IReadOnlyDictionary<string, string> BestParameters, double BestOwn, double BestMean, int BestCells)
{
    /// <summary>The steadiest combination's place in the grid (<see cref="OptimizationRow.Index"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Index { get; init; }

    /// <summary>Whether the best row is itself the steadiest: its neighbours did as well as any.</summary>
    public bool BestIsSteadiest => Parameters.Count == BestParameters.Count
        && Parameters.All(p => BestParameters.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.Ordinal));
}
