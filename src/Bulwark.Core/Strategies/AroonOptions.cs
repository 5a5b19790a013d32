using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend of <see cref="AroonStrategy"/>: Chande's Aroon over <see cref="Period"/> bars (25, as he set it), up once
/// its oscillator is above <see cref="Threshold"/> and down once below its negative (0: whichever of the highest high
/// and the lowest low is the more recent). <see cref="TurnOptions.TrendPeriod"/> takes long turns only above the
/// average of that many closes (simple, or any other <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record AroonOptions : TurnOptions
{
    /// <summary>The longest Aroon, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>The oscillator's most: a threshold must be below it, or the trend would never turn.</summary>
    public const decimal MaxThreshold = 100m;

    public int Period { get; init; } = 25;

    public decimal Threshold { get; init; }

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        if (StrategyProblem.OfPeriod("period", Period) is { } period) problems.Add(period);
        if (Threshold is < 0m or >= MaxThreshold)
            problems.Add(new("threshold", string.Create(inv, $"must be at least 0 and below {MaxThreshold} (the oscillator's most), got {Threshold}")));
    }
}
