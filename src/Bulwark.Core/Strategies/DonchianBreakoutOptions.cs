namespace Bulwark.Core.Strategies;

/// <summary>
/// The channels of <see cref="DonchianBreakoutStrategy"/>: entries on a close beyond the channel of the last
/// <see cref="EntryPeriod"/> bars, exits on a close beyond the opposite side of the last <see cref="ExitPeriod"/> bars'
/// (the turtle traders' 20 and 10; their slower system is 55 and 20). <see cref="TrendPeriod"/> takes long breakouts
/// only above the average of that many closes (simple, or exponential with <see cref="TrendAverage"/>) and short ones
/// only below.
/// </summary>
public sealed record DonchianBreakoutOptions
{
    /// <summary>The longest channel, in bars (each is kept in memory).</summary>
    public const int MaxPeriod = 100_000;

    public int EntryPeriod { get; init; } = 20;
    public int ExitPeriod { get; init; } = 10;

    /// <summary>Also trade the mirror image: short on a close below the entry channel, covered above the exit channel.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs only while the close is above the average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>Whether the <see cref="TrendPeriod"/> average is simple (the default) or exponential.</summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name (entryPeriod, exitPeriod, trendPeriod); empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        if (EntryPeriod is < 1 or > MaxPeriod) problems.Add(new("entryPeriod", $"must be from 1 to {MaxPeriod} bars, got {EntryPeriod}"));
        if (ExitPeriod is < 1 or > MaxPeriod) problems.Add(new("exitPeriod", $"must be from 1 to {MaxPeriod} bars, got {ExitPeriod}"));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
