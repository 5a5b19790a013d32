namespace Bulwark.Backtest.Reports;

/// <summary>What <see cref="MonteCarlo.Run"/> found over <see cref="Runs"/> resampled paths of <see cref="Trades"/> trades.</summary>
/// <param name="LossProbability">The share of paths that ended below the starting cash.</param>
public sealed record MonteCarloResult(int Runs, int Seed, int Trades, FinalValuePercentiles FinalValue, DrawdownPercentiles MaxDrawdown,
    decimal LossProbability)
{
    /// <summary>Whether the trades were drawn as fractions of the account and compounded (proportional sizing), not as PnL added.</summary>
    public bool Compounded { get; init; }

    /// <summary>How many consecutive trades each draw took (1: each trade drawn on its own).</summary>
    public int Block { get; init; } = 1;
}

/// <summary>The resampled paths' final values: the 5th, 50th and 95th percentiles.</summary>
public sealed record FinalValuePercentiles(decimal P5, decimal P50, decimal P95);

/// <summary>The resampled paths' deepest drawdowns, as fractions of the peak: the 50th, 95th and 99th percentiles.</summary>
public sealed record DrawdownPercentiles(decimal P50, decimal P95, decimal P99);
