namespace Bulwark.Core.Strategies;

/// <summary>
/// The channels of <see cref="DonchianBreakoutStrategy"/>: entries on a close beyond the channel of the last
/// <see cref="EntryPeriod"/> bars, exits on a close beyond the opposite side of the last <see cref="ExitPeriod"/> bars'
/// (the turtle traders' 20 and 10; their slower system is 55 and 20). <see cref="TrendPeriod"/> takes long breakouts
/// only above the average of that many closes (simple, or any other <see cref="TrendAverage"/>) and short ones only
/// below. <see cref="SkipAfterWin"/> is the turtles' first system's filter: a breakout is skipped when the last one,
/// taken or not, would have won; <see cref="FailsafePeriod"/> takes a skipped one anyway once the close breaks out of
/// that longer channel.
/// </summary>
public sealed record DonchianBreakoutOptions
{
    /// <summary>The longest channel, in bars (each is kept in memory).</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    public int EntryPeriod { get; init; } = 20;
    public int ExitPeriod { get; init; } = 10;

    /// <summary>Also trade the mirror image: short on a close below the entry channel, covered above the exit channel.</summary>
    public bool AllowShort { get; init; }

    /// <summary>
    /// Skip a breakout when the paper trade of the last breakout (in at its close, out at the close that crossed the exit
    /// channel or broke out the other way) closed beyond its entry, in its favour; the skipped breakout's own paper trade
    /// decides the next.
    /// </summary>
    public bool SkipAfterWin { get; init; }

    /// <summary>
    /// With <see cref="SkipAfterWin"/>, take a skipped breakout anyway once the close is beyond the channel of this many
    /// bars before it (the turtles' 55); null: never.
    /// </summary>
    public int? FailsafePeriod { get; init; }

    /// <summary>Longs only while the close is above the average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name (entryPeriod, exitPeriod, failsafePeriod, trendPeriod); empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        if (StrategyProblem.OfPeriod("entryPeriod", EntryPeriod) is { } entry) problems.Add(entry);
        if (StrategyProblem.OfPeriod("exitPeriod", ExitPeriod) is { } exit) problems.Add(exit);
        if (FailsafePeriod is { } failsafe)
        {
            if (!SkipAfterWin) problems.Add(new("failsafePeriod", "takes skipped breakouts, so it needs skipAfterWin=true"));
            else if (StrategyProblem.OfPeriod("failsafePeriod", failsafe) is { } bad) problems.Add(bad);
            else if (failsafe <= EntryPeriod)
                problems.Add(new("failsafePeriod", $"must be longer than entryPeriod ({EntryPeriod}): a skipped breakout is beyond the entry channel, so a shorter failsafe would take every one; got {failsafe}"));
        }
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
