using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The channel of <see cref="KeltnerBreakoutStrategy"/>: the EMA of <see cref="Period"/> closes, with bands
/// <see cref="Multiplier"/> average true ranges (Wilder's, of <see cref="RangePeriod"/> bars) above and below it (20, 2
/// and 10, as charting packages draw it). A long is closed on a close below the EMA plus <see cref="ExitMultiplier"/>
/// average true ranges (0: the EMA; the multiplier: the first close back inside the channel; its negative: the lower
/// band), a short above the EMA less as many. With <see cref="SqueezeBars"/>, a breakout is an entry only soon after a
/// squeeze: Bollinger bands of <see cref="Period"/> closes, <see cref="SqueezeDeviations"/> population standard
/// deviations out, inside the channel. <see cref="TrendPeriod"/> takes long breakouts only above the average of that
/// many closes (simple, or any other <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record KeltnerBreakoutOptions
{
    public int Period { get; init; } = 20;
    public decimal Multiplier { get; init; } = 2m;
    public int RangePeriod { get; init; } = 10;
    public decimal ExitMultiplier { get; init; }

    /// <summary>
    /// Entries only when the Bollinger bands were inside the channel (their upper band below its upper band and their
    /// lower above its lower) on the bar or on one of the <c>SqueezeBars - 1</c> before it (1: only on such a bar);
    /// null: every breakout.
    /// </summary>
    public int? SqueezeBars { get; init; }

    /// <summary>The width of the squeeze's Bollinger bands, in population standard deviations of the closes.</summary>
    public decimal SqueezeDeviations { get; init; } = 2m;

    /// <summary>Also trade the mirror image: short on a close below the lower band, covered above the exit line.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs only while the close is above the average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var inv = CultureInfo.InvariantCulture;
        var problems = new List<StrategyProblem>();
        if (Period < 1) problems.Add(new("period", string.Create(inv, $"must be at least 1 bar, got {Period}")));
        if (RangePeriod < 1) problems.Add(new("rangePeriod", string.Create(inv, $"must be at least 1 bar, got {RangePeriod}")));
        if (SqueezeBars < 1) problems.Add(new("squeezeBars", string.Create(inv, $"must be at least 1 bar, got {SqueezeBars}")));
        if (SqueezeDeviations <= 0m) problems.Add(new("squeezeDeviations", string.Create(inv, $"must be above 0, got {SqueezeDeviations}")));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        if (Multiplier <= 0m) problems.Add(new("multiplier", string.Create(inv, $"must be above 0, got {Multiplier}")));
        else if (ExitMultiplier < -Multiplier || ExitMultiplier > Multiplier)
            problems.Add(new("exitMultiplier", string.Create(inv, $"must be from -{Multiplier} to {Multiplier} (the channel), got {ExitMultiplier}")));
        return problems;
    }
}
