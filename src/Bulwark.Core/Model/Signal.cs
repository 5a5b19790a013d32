namespace Bulwark.Core.Model;

/// <summary>
/// A strategy's wish. <see cref="TargetQuantity"/>, when set, overrides the sizer with an exact signed target.
/// <see cref="Strength"/> in [0, 1] scales sized quantities.
/// </summary>
public sealed record Signal(
    string SignalId,
    string Source,
    string Symbol,
    SignalDirection Direction,
    decimal Strength,
    DateTimeOffset Time,
    decimal? TargetQuantity = null);
