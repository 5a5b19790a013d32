namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Every walk-forward window and the out-of-sample return: the test returns compounded, window after window
/// (a window without a test return counts as flat).
/// </summary>
public sealed record WalkForwardResult(int TrainBars, int TestBars, IReadOnlyList<WalkForwardWindow> Windows, decimal OutOfSampleReturn)
{
    /// <summary>Whether every train window started at the first bar time (anchored), rather than rolling <see cref="TrainBars"/> along.</summary>
    public bool Anchored { get; init; }

    /// <summary>Whether each window chose its train grid's steadiest combination (see <see cref="ParameterPlateau"/>), not its best row.</summary>
    public bool Plateau { get; init; }

    /// <summary>
    /// Walk-forward efficiency: the out-of-sample gain per bar (the compounded test return over all test bars) as a
    /// fraction of the chosen parameters' in-sample gain per bar (their train returns, compounded per bar and averaged
    /// over the windows). Near 1 the in-sample edge held out of sample; near 0 or below it did not, the mark of a
    /// parameter choice fitted to noise. Null when the in-sample gain was not positive (nothing to hold) or no window
    /// was tested.
    /// </summary>
    public double? Efficiency
    {
        get
        {
            var trained = Windows.Where(w => w.TrainReturn is not null && w.TestReturn is not null).ToList();
            var testBars = Windows.Where(w => w.TestReturn is not null).Sum(w => w.TestBars);
            if (trained.Count == 0 || testBars == 0) return null;
            var inSample = trained.Average(w => PerBar(w.TrainReturn!.Value, w.TrainBars));
            if (!(inSample > 0d)) return null;
            return PerBar(OutOfSampleReturn, testBars) / inSample;
        }
    }

    private static double PerBar(decimal total, int bars) => Math.Pow(1d + (double)total, 1d / bars) - 1d;
}
