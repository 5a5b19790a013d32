namespace Bulwark.Backtest.Reports;

/// <summary>
/// How much of a backtest's result was the order its trades came in: the closed trades' PnL (commission, financing and
/// dividends in) drawn again at random with replacement, as many as there were, <c>runs</c> times, each path from the
/// starting cash. The spread of the paths' final values and deepest drawdowns is what the same edge could have given;
/// the run's own path is one of them. A path whose value reaches zero is ruined: its drawdown is 100 % and it stops. Time
/// in cash and open trades are not in it. Deterministic for a seed.
/// <para>A run whose entries were sized in proportion to the account (a percent of its value, or by the risk to a stop)
/// traded larger as it grew: its trades are drawn as each one's PnL over the account's value when it was entered, and a
/// path compounds them, so a path that falls trades smaller, as the run would have.</para>
/// <para>Drawn one at a time, trades are independent draws: a strategy whose losses come in streaks (a regime it does not
/// suit) has them broken up, and its drawdowns look shallower than they are. Drawn in blocks (a circular block bootstrap),
/// each path is made of runs of consecutive trades in the order they closed, each run from a random start and wrapping
/// past the last trade to the first, so streaks up to a block long are kept.</para>
/// </summary>
public static class MonteCarlo
{
    /// <summary>The fewest runs and the most: under 100 the tails are noise, over a million the wait is long.</summary>
    public const int MinRuns = 100, MaxRuns = 1_000_000;

    /// <summary>A <c>block</c> that asks for the usual length: the cube root of the closed trades, rounded (at least 1).</summary>
    public const int AutoBlock = 0;

    /// <summary>The resampled paths' spread, or null with fewer than two closed trades (nothing to reorder).</summary>
    /// <param name="compoundOn">The run's equity curve when its sizing was proportional to the account: each trade is then
    /// drawn as its PnL over the account's value at the last point before its entry (the starting cash before the first),
    /// and a path multiplies by one plus it. Null: each trade is drawn as its PnL and added.</param>
    /// <param name="block">How many consecutive trades (in the order they closed) one draw takes, at least 1; more than the
    /// closed trades is taken as all of them (each path is then the run's own trades, rotated); <see cref="AutoBlock"/>:
    /// the cube root of the closed trades.</param>
    public static MonteCarloResult? Run(IReadOnlyList<Trade> trades, decimal startingCash, int runs, int seed,
        IReadOnlyList<EquityPoint>? compoundOn = null, int block = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block, AutoBlock);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, MinRuns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runs, MaxRuns);
        var closed = trades.Where(t => !t.IsOpen).ToList();
        if (block == AutoBlock) block = Math.Max(1, (int)Math.Round(Math.Cbrt(closed.Count)));
        // Blocks keep the order trades closed in; single draws need no order (and keep their draws for a seed as before).
        if (block > 1) closed = [.. closed.OrderBy(t => t.ExitTime).ThenBy(t => t.EntryTime)];
        decimal[] pnl = compoundOn is null ? [.. closed.Select(t => t.PnL)] : [.. closed.Select(t => t.PnL / ValueBefore(compoundOn, t.EntryTime, startingCash))];
        if (pnl.Length < 2 || startingCash <= 0m) return null;
        block = Math.Min(block, pnl.Length);
        var random = new Random(seed);
        var finals = new decimal[runs];
        var drawdowns = new decimal[runs];
        for (var run = 0; run < runs; run++)
        {
            decimal value = startingCash, peak = startingCash, deepest = 0m;
            var start = 0;
            for (var i = 0; i < pnl.Length; i++)
            {
                var step = i % block;
                if (step == 0) start = random.Next(pnl.Length);
                var drawn = pnl[(start + step) % pnl.Length];
                value = compoundOn is null ? value + drawn : value * (1m + drawn);
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
            (decimal)finals.Count(f => f < startingCash) / runs)
        {
            Compounded = compoundOn is not null,
            Block = block,
        };
    }

    /// <summary>The account's value at the last curve point before <paramref name="time"/>; the starting cash before the first.</summary>
    private static decimal ValueBefore(IReadOnlyList<EquityPoint> curve, DateTimeOffset time, decimal startingCash)
    {
        int lo = 0, hi = curve.Count; // the first point at or after the time
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (curve[mid].Time < time) lo = mid + 1;
            else hi = mid;
        }
        var value = lo == 0 ? startingCash : curve[lo - 1].Equity;
        return value > 0m ? value : startingCash;
    }

    /// <summary>The <paramref name="percent"/>th percentile of sorted values, by nearest rank.</summary>
    private static decimal Rank(decimal[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100d * sorted.Length) - 1)];
}
