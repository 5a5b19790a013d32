namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Every walk-forward window and the out-of-sample return: the test returns compounded, window after window
/// (a window without a test return counts as flat).
/// </summary>
public sealed record WalkForwardResult(int TrainBars, int TestBars, IReadOnlyList<WalkForwardWindow> Windows, decimal OutOfSampleReturn);
