using Bulwark.Core.Model;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Rolling walk-forward validation over the bar times (positions, not dates): window k trains on bar times
/// [k·test, k·test + train) and tests on the next <c>test</c> bar times (fewer in the last window if the data ends);
/// anchored, window k trains on [0, k·test + train), all the history before its test window.
/// A bar time is one distinct time with all the symbols' bars at it, so with several symbols train=252 is 252 days of
/// each, not 126, and no time's bars are split between a train and a test window. The test windows tile the times
/// [train, end) without gaps or overlap. On each train window the grid is run and the
/// best row (the optimizer's first, by the rank asked) is chosen; the test run starts from fresh cash and a fresh strategy
/// that first warms up on the train window's bars (<see cref="BacktestOptions.WarmUpBars"/>: its indicators are ready at
/// the test window's first bar, as a live bot's would be, and nothing is traded before it).
/// </summary>
public static class WalkForward
{
    public static Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, trainBars, testBars, maxParallelism, OptimizationRank.Value, cancellationToken);

    /// <param name="rank">What makes a train window's best row.</param>
    public static Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, OptimizationRank rank, CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, trainBars, testBars, maxParallelism, rank, anchored: false, cancellationToken);

    /// <param name="rank">What makes a train window's best row.</param>
    /// <param name="anchored">Every train window starts at the first bar time and grows by the test windows before it (an
    /// anchored walk-forward: each choice sees all the history there was), rather than rolling <paramref name="trainBars"/>
    /// along; the test windows are the same.</param>
    public static Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, OptimizationRank rank, bool anchored,
        CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, trainBars, testBars, maxParallelism, rank, anchored, plateau: false, cancellationToken);

    /// <param name="rank">What makes a train window's best row, and the figure its plateau averages.</param>
    /// <param name="anchored">Every train window starts at the first bar time (see the overload without <paramref name="plateau"/>).</param>
    /// <param name="plateau">Each window chooses the steadiest combination of its train window's grid (the best mean of
    /// its figure with its neighbours', see <see cref="ParameterPlateau"/>) rather than the best row: parameters in a
    /// broad plateau, not on a peak the train window's noise made. The best row when no combination is inside the grid.</param>
    public static Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, OptimizationRank rank, bool anchored, bool plateau,
        CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, trainBars, testBars, maxParallelism, rank, anchored, plateau, OptimizationConstraints.None,
            cancellationToken);

    /// <param name="constraints">What a train window's choice must meet; a window whose grid has no row that meets them
    /// trades nothing in its test window (its row says why).</param>
    public static async Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, OptimizationRank rank, bool anchored, bool plateau,
        OptimizationConstraints constraints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainBars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testBars, 1);
        var starts = TimeStarts(bars);
        var times = starts.Length - 1;
        if (trainBars >= times)
            throw new ArgumentException($"train={trainBars} leaves no bar times to test on ({times} bar times)", nameof(trainBars));

        var windows = new List<WalkForwardWindow>();
        var compounded = 1m;
        foreach (var (start, testStart, testEnd) in Windows(times, trainBars, testBars, anchored))
        {
            var train = Slice(bars, starts[start], starts[testStart]);
            var test = Slice(bars, starts[testStart], starts[testEnd]);
            var rows = await Optimizer.RunAsync(train, strategyName, grid, options, maxParallelism, rank, constraints, cancellationToken).ConfigureAwait(false);
            var best = rows[0];
            if (plateau && best.Ok && ParameterPlateau.Of(grid.Axes, rows, rank) is { } steadiest)
                best = rows.First(r => r.Index == steadiest.Index);
            // The best row misses a constraint only when every row does: no choice, so the window trades nothing.
            var none = best.Missed is { } missed
                ? $"no combination met {constraints.Text} (the best: {string.Join(" ", best.Parameters.Select(p => $"{p.Key}={p.Value}"))}, {missed})"
                : null;
            OptimizationRow? tested = null;
            if (best.Ok && none is null)
                tested = await Optimizer.RunOneAsync(test, strategyName, best.Index, best.Parameters, options with { WarmUpBars = train },
                    cancellationToken).ConfigureAwait(false);
            if (tested?.TotalReturn is { } r) compounded *= 1m + r;
            windows.Add(new WalkForwardWindow(windows.Count + 1, start, testStart - start, train[0].Time, train[^1].Time,
                testStart, testEnd - testStart, test[0].Time, test[^1].Time,
                best.Ok && none is null ? best.Parameters : null, none is null ? best.TotalReturn : null, tested?.TotalReturn, best.Error ?? none ?? tested?.Error)
            {
                TestFills = tested?.Fills ?? 0,
                TestFillsBySource = tested?.FillsBySource,
                TestNoticeCounts = tested?.NoticeCounts,
                TestOrdersRejected = tested?.OrdersRejected ?? 0,
            });
        }
        return new WalkForwardResult(trainBars, testBars, windows, compounded - 1m) { Anchored = anchored, Plateau = plateau };
    }

    /// <summary>The number of distinct bar times (the unit of the windows' sizes): the bars' count for one symbol.</summary>
    public static int BarTimes(IReadOnlyList<Bar> bars) => TimeStarts(bars).Length - 1;

    /// <summary>
    /// The bars a walk-forward of <paramref name="combinations"/> runs over <paramref name="bars"/> processes in all
    /// (every train window once per combination, then the test windows once; warm-up bars are not counted): the total
    /// of its progress.
    /// </summary>
    public static long BarsProcessed(IReadOnlyList<Bar> bars, int combinations, int trainBars, int testBars, bool anchored = false)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainBars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testBars, 1);
        var starts = TimeStarts(bars);
        if (trainBars >= starts.Length - 1) return 0;
        long total = 0;
        foreach (var (start, testStart, testEnd) in Windows(starts.Length - 1, trainBars, testBars, anchored))
            total += ((long)combinations * (starts[testStart] - starts[start])) + (starts[testEnd] - starts[testStart]);
        return total;
    }

    /// <summary>
    /// Each window's first train time, first test time and the time after its test, as bar-time positions; anchored, every
    /// window trains from the first.
    /// </summary>
    private static IEnumerable<(int Start, int TestStart, int TestEnd)> Windows(int times, int trainBars, int testBars, bool anchored)
    {
        for (var start = 0; start + trainBars < times; start += testBars)
            yield return (anchored ? 0 : start, start + trainBars, Math.Min(start + trainBars + testBars, times));
    }

    /// <summary>The index of the first bar of each distinct time (bars are in time order), then the bars' count.</summary>
    private static int[] TimeStarts(IReadOnlyList<Bar> bars)
    {
        var starts = new List<int>(bars.Count + 1);
        for (var i = 0; i < bars.Count; i++)
            if (i == 0 || bars[i].Time != bars[i - 1].Time) starts.Add(i);
        starts.Add(bars.Count);
        return [.. starts];
    }

    private static List<Bar> Slice(IReadOnlyList<Bar> bars, int from, int to)
    {
        var slice = new List<Bar>(to - from);
        for (var i = from; i < to; i++) slice.Add(bars[i]);
        return slice;
    }
}
