using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The line of <see cref="SupertrendStrategy"/>: <see cref="Multiplier"/> average true ranges (Wilder's, of
/// <see cref="Period"/> bars) from each bar's midpoint, 10 and 3 as charting packages draw it.
/// <see cref="TrendPeriod"/> takes long turns only above the average of that many closes (simple, or exponential with
/// <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record SupertrendOptions
{
    /// <summary>The longest average true range, in bars.</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>The widest line, in average true ranges.</summary>
    public const decimal MaxMultiplier = 100m;

    public int Period { get; init; } = 10;

    public decimal Multiplier { get; init; } = 3m;

    /// <summary>Also trade the mirror image: short when the trend turns down, covered when it turns back up.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The bars of the trend average an entry must be on the right side of; null: none. Exits are never filtered.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>Whether the <see cref="TrendPeriod"/> average is simple (the default) or exponential.</summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        if (Period is < 1 or > MaxPeriod) problems.Add(new("period", string.Create(inv, $"must be from 1 to {MaxPeriod} bars, got {Period}")));
        if (Multiplier is <= 0m or > MaxMultiplier) problems.Add(new("multiplier", string.Create(inv, $"must be above 0 and at most {MaxMultiplier} average true ranges, got {Multiplier}")));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
