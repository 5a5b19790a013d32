namespace Bulwark.Backtest.Optimization;

/// <summary>
/// One walk-forward window: bar times [TrainStart, TrainStart + TrainBars) to choose on, then the next TestBars bar times
/// to trade the choice on (a bar time holds every symbol's bar at it; with one symbol, a bar). Parameters and returns
/// are null when no combination succeeded on the train window.
/// </summary>
public sealed record WalkForwardWindow(
    int Number,
    int TrainStart,
    int TrainBars,
    DateTimeOffset TrainFrom,
    DateTimeOffset TrainTo,
    int TestStart,
    int TestBars,
    DateTimeOffset TestFrom,
    DateTimeOffset TestTo,
    IReadOnlyDictionary<string, string>? Parameters,
    decimal? TrainReturn,
    decimal? TestReturn,
    string? Error)
{
    /// <summary>The test run's fills (none when it did not run).</summary>
    public int TestFills { get; init; }

    /// <summary>The test run's fills by signal source (see <see cref="OptimizationRow.FillsBySource"/>): whether the window traded on hmm-regime's fallback.</summary>
    public IReadOnlyDictionary<string, long>? TestFillsBySource { get; init; }

    /// <summary>The test run's notices by code (see <see cref="OptimizationRow.NoticeCounts"/>); null when it did not run.</summary>
    public IReadOnlyDictionary<string, int>? TestNoticeCounts { get; init; }

    /// <summary>The test run's orders the venue rejected (see <see cref="OptimizationRow.OrdersRejected"/>).</summary>
    public long TestOrdersRejected { get; init; }
}
