using Bulwark.Core.Model;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Rolling walk-forward validation over the bar list (positions, not dates): window k trains on bars
/// [k·test, k·test + train) and tests on the next <c>test</c> bars (fewer in the last window if the data ends).
/// The test windows tile bars [train, end) without gaps or overlap. On each train window the grid is run and the
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
    public static async Task<WalkForwardResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName, ParameterGrid grid,
        BacktestOptions options, int trainBars, int testBars, int? maxParallelism, OptimizationRank rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainBars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testBars, 1);
        if (trainBars >= bars.Count)
            throw new ArgumentException($"train={trainBars} leaves no bars to test on ({bars.Count} bars)", nameof(trainBars));

        var windows = new List<WalkForwardWindow>();
        var compounded = 1m;
        for (var start = 0; start + trainBars < bars.Count; start += testBars)
        {
            var train = Slice(bars, start, trainBars);
            var test = Slice(bars, start + trainBars, Math.Min(testBars, bars.Count - start - trainBars));
            var rows = await Optimizer.RunAsync(train, strategyName, grid, options, maxParallelism, rank, cancellationToken).ConfigureAwait(false);
            var best = rows[0];
            OptimizationRow? tested = null;
            if (best.Ok)
                tested = await Optimizer.RunOneAsync(test, strategyName, best.Index, best.Parameters, options with { WarmUpBars = train },
                    cancellationToken).ConfigureAwait(false);
            if (tested?.TotalReturn is { } r) compounded *= 1m + r;
            windows.Add(new WalkForwardWindow(windows.Count + 1, start, train.Count, train[0].Time, train[^1].Time,
                start + trainBars, test.Count, test[0].Time, test[^1].Time,
                best.Ok ? best.Parameters : null, best.TotalReturn, tested?.TotalReturn, best.Error ?? tested?.Error)
            {
                TestFills = tested?.Fills ?? 0,
                TestFillsBySource = tested?.FillsBySource,
            });
        }
        return new WalkForwardResult(trainBars, testBars, windows, compounded - 1m);
    }

    /// <summary>
    /// The bars a walk-forward of <paramref name="combinations"/> runs over <paramref name="barCount"/> bars processes in
    /// all (every train window once per combination, then the test windows once; warm-up bars are not counted): the
    /// total of its progress.
    /// </summary>
    public static long BarsProcessed(int barCount, int combinations, int trainBars, int testBars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainBars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testBars, 1);
        if (trainBars >= barCount) return 0;
        long windows = (barCount - trainBars + testBars - 1) / testBars;
        return windows * combinations * trainBars + (barCount - trainBars);
    }

    private static List<Bar> Slice(IReadOnlyList<Bar> bars, int start, int count)
    {
        var slice = new List<Bar>(count);
        for (var i = start; i < start + count; i++) slice.Add(bars[i]);
        return slice;
    }
}
