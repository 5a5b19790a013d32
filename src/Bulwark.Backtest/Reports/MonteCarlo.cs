namespace Bulwark.Backtest.Reports;

/// <summary>
/// How much of a backtest's result was the order its trades came in: the closed trades' PnL (commission, financing and
/// dividends in) drawn again at random with replacement, as many as there were, <c>runs</c> times, each path from the
/// starting cash. The spread of the paths' final values and deepest drawdowns is what the same edge could have given;
/// the run's own path is one of them. A path whose value reaches zero is ruined: its drawdown is 100 % and it stops. Time
/// in cash and open trades are not in it. Deterministic for a seed.
/// </summary>
public static class MonteCarlo
{
    /// <summary>The fewest runs and the most: under 100 the tails are noise, over a million the wait is long.</summary>
    public const int MinRuns = 100, MaxRuns = 1_000_000;

    /// <summary>The resampled paths' spread, or null with fewer than two closed trades (nothing to reorder).</summary>
    public static MonteCarloResult? Run(IReadOnlyList<Trade> trades, decimal startingCash, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, MinRuns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runs, MaxRuns);
        decimal[] pnl = [.. trades.Where(t => !t.IsOpen).Select(t => t.PnL)];
        if (pnl.Length < 2 || startingCash <= 0m) return null;
        var random = new Random(seed);
        var finals = new decimal[runs];
        var drawdowns = new decimal[runs];
        for (var run = 0; run < runs; run++)
        {
            decimal value = startingCash, peak = startingCash, deepest = 0m;
            for (var i = 0; i < pnl.Length; i++)
            {
                value += pnl[random.Next(pnl.Length)];
                if (value <= 0m)
                {
                    deepest = 1m; // ruined: the path ends here
                    break;
                }
                if (value > peak) peak = value;
                else deepest = Math.Max(deepest, (peak - value) / peak);
            }
            (finals[run], drawdowns[run]) = (value, deepest);
        }
        Array.Sort(finals);
        Array.Sort(drawdowns);
        return new MonteCarloResult(runs, seed, pnl.Length,
            new FinalValuePercentiles(Rank(finals, 5), Rank(finals, 50), Rank(finals, 95)),
            new DrawdownPercentiles(Rank(drawdowns, 50), Rank(drawdowns, 95), Rank(drawdowns, 99)),
            (decimal)finals.Count(f => f < startingCash) / runs);
    }

    /// <summary>The <paramref name="percent"/>th percentile of sorted values, by nearest rank.</summary>
    private static decimal Rank(decimal[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100d * sorted.Length) - 1)];
}
