using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The periods of <see cref="TrixStrategy"/>: the TRIX line is the one-bar percent change of the EMA of
/// <see cref="Period"/> closes of the EMA of the EMA of them (15 by default), its signal line an EMA of
/// <see cref="Signal"/> values of it (9); <see cref="Cross"/> says which line it must cross. <see cref="TrendPeriod"/>
/// takes long crosses only above the average of that many closes (simple, or any other <see cref="TrendAverage"/>) and
/// short ones only below.
/// </summary>
public sealed record TrixOptions
{
    /// <summary>The longest period, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    public int Period { get; init; } = 15;

    /// <summary>The signal line's period; not used when <see cref="Cross"/> is <see cref="CrossLine.Zero"/>.</summary>
    public int Signal { get; init; } = 9;

    public CrossLine Cross { get; init; } = CrossLine.Signal;

    /// <summary>Also trade the mirror image: short when the TRIX line crosses below, covered when it crosses back above.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The bars of the trend average an entry must be on the right side of; null: none. Exits are never filtered.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>
    /// The closes the lines are ready after: 3 × Period - 1 for the line, Signal - 1 more when the signal line is
    /// crossed; a cross needs one more.
    /// </summary>
    public int BarsToReady => Trix.BarsToReadyOf(Period, SignalPeriod);

    /// <summary>The signal line's period when it is crossed; null when zero is.</summary>
    internal int? SignalPeriod => Cross == CrossLine.Zero ? null : Signal;

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        if (StrategyProblem.OfPeriod("period", Period) is { } period) problems.Add(period);
        if (StrategyProblem.OfPeriod("signal", Signal) is { } signal) problems.Add(signal);
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
