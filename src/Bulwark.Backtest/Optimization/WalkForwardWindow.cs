namespace Bulwark.Backtest.Optimization;

/// <summary>
/// One walk-forward window: bars [TrainStart, TrainStart + TrainBars) to choose on, then the next TestBars bars to
/// trade the choice on. Parameters and returns are null when no combination succeeded on the train window.
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
    string? Error);
