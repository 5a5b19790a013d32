namespace Bulwark.Core.Strategies;

/// <summary>
/// The channels of <see cref="DonchianBreakoutStrategy"/>: entries on a close beyond the channel of the last
/// <see cref="EntryPeriod"/> bars, exits on a close beyond the opposite side of the last <see cref="ExitPeriod"/> bars'
/// (the turtle traders' 20 and 10; their slower system is 55 and 20).
/// </summary>
public sealed record DonchianBreakoutOptions
{
    /// <summary>The longest channel, in bars (each is kept in memory).</summary>
    public const int MaxPeriod = 100_000;

    public int EntryPeriod { get; init; } = 20;
    public int ExitPeriod { get; init; } = 10;

    /// <summary>Also trade the mirror image: short on a close below the entry channel, covered above the exit channel.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Every problem, keyed by parameter name (entryPeriod, exitPeriod); empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        if (EntryPeriod is < 1 or > MaxPeriod) problems.Add(new("entryPeriod", $"must be from 1 to {MaxPeriod} bars, got {EntryPeriod}"));
        if (ExitPeriod is < 1 or > MaxPeriod) problems.Add(new("exitPeriod", $"must be from 1 to {MaxPeriod} bars, got {ExitPeriod}"));
        return problems;
    }
}
