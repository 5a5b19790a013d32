using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The line of <see cref="SupertrendStrategy"/>: <see cref="Multiplier"/> average true ranges (Wilder's, of
/// <see cref="Period"/> bars) from each bar's midpoint, 10 and 3 as charting packages draw it.
/// <see cref="TurnOptions.TrendPeriod"/> takes long turns only above the average of that many closes (simple, or any
/// other <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record SupertrendOptions : TurnOptions
{
    /// <summary>The longest average true range, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>The widest line, in average true ranges.</summary>
    public const decimal MaxMultiplier = 100m;

    public int Period { get; init; } = 10;

    public decimal Multiplier { get; init; } = 3m;

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        if (StrategyProblem.OfPeriod("period", Period) is { } period) problems.Add(period);
        if (Multiplier is <= 0m or > MaxMultiplier) problems.Add(new("multiplier", string.Create(inv, $"must be above 0 and at most {MaxMultiplier} average true ranges, got {Multiplier}")));
    }
}
