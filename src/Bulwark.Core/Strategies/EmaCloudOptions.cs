namespace Bulwark.Core.Strategies;

/// <summary>
/// Periods of the two EMA clouds of <see cref="EmaCloudStrategy"/>: the fast cloud (EMA <see cref="FastShort"/> and EMA
/// <see cref="FastLong"/>) and the trend cloud (EMA <see cref="TrendShort"/> and EMA <see cref="TrendLong"/>).
/// <see cref="TrendPeriod"/> takes long turns only above the average of that many closes (simple, or any other
/// <see cref="TrendAverage"/>) and short ones only below, a slower trend than the clouds'.
/// </summary>
public sealed record EmaCloudOptions
{
    public int FastShort { get; init; } = 5;
    public int FastLong { get; init; } = 12;
    public int TrendShort { get; init; } = 34;
    public int TrendLong { get; init; } = 50;

    /// <summary>Also trade the mirror image: short when the fast cloud turns bearish below the trend cloud.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The bars of the trend average an entry must be on the right side of; null: none. Exits are never filtered.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name (fastShort, fastLong, trendShort, trendLong, trendPeriod); empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        if (FastShort < 1) problems.Add(new("fastShort", $"must be at least 1, got {FastShort}"));
        if (TrendShort < 1) problems.Add(new("trendShort", $"must be at least 1, got {TrendShort}"));
        if (FastLong <= FastShort) problems.Add(new("fastLong", $"must be greater than fastShort ({FastShort}), got {FastLong}"));
        if (TrendLong <= TrendShort) problems.Add(new("trendLong", $"must be greater than trendShort ({TrendShort}), got {TrendLong}"));
        if (TrendShort >= 1 && TrendShort < FastLong) problems.Add(new("trendShort", $"the trend cloud must be slower than the fast cloud: must be at least fastLong ({FastLong}), got {TrendShort}"));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
