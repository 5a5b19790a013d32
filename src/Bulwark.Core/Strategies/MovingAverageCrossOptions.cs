using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The two averages of <see cref="MovingAverageCrossStrategy"/>: the <see cref="Average"/> of the last
/// <see cref="Fast"/> closes and of the last <see cref="Slow"/> (10 and 30 by default; 50 and 200 make the golden and
/// death crosses). <see cref="TrendPeriod"/> takes long crosses only above a third average, of that many closes (simple,
/// or any other <see cref="TrendAverage"/>), and short ones only below.
/// </summary>
public sealed record MovingAverageCrossOptions
{
    /// <summary>The longest average, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    public int Fast { get; init; } = 10;

    public int Slow { get; init; } = 30;

    /// <summary>The kind of both averages: simple by default, or any other <see cref="Strategies.TrendAverage"/>.</summary>
    public TrendAverage Average { get; init; }

    /// <summary>Also trade the mirror image: short when the fast average crosses below, covered when it crosses back above.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The bars of the trend average an entry must be on the right side of; null: none. Exits are never filtered.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>The closes until both averages are ready (the slow one's, unless the kind makes the fast one slower); a cross needs one more.</summary>
    public int BarsToReady => Math.Max(TrendSides.BarsToReady(Fast, Average), TrendSides.BarsToReady(Slow, Average));

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        var fast = StrategyProblem.OfPeriod("fast", Fast);
        if (fast is not null) problems.Add(fast);
        if (StrategyProblem.OfPeriod("slow", Slow) is { } slow) problems.Add(slow);
        else if (fast is null && Slow <= Fast)
            problems.Add(new("slow", string.Create(inv, $"must be above fast ({Fast}): the fast average crosses the slow one; got {Slow}")));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
