using System.Globalization;
using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The bands of <see cref="BollingerReversionStrategy"/>: long while the close is below the lower Bollinger band (the
/// simple average of <see cref="Period"/> closes less <see cref="Deviations"/> population standard deviations), closed
/// once it is back to the average plus <see cref="ExitDeviations"/> of them; with <see cref="AllowShort"/>, short above
/// the upper band, covered at the mirror (the average less <see cref="ExitDeviations"/>). <see cref="TrendPeriod"/>
/// takes longs only above the average of that many closes (simple, or any other <see cref="TrendAverage"/>) and shorts
/// only below. <see cref="MinBandwidth"/> and <see cref="MaxBandwidth"/> take entries only while the bands are that
/// wide.
/// </summary>
public sealed record BollingerReversionOptions
{
    /// <summary>The longest band or trend average, in bars (each keeps its window in memory).</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>The closes the bands are measured over; at least 2 (one close has no spread).</summary>
    public int Period { get; init; } = 20;

    /// <summary>How many standard deviations from the average the bands are; above 0 and below the square root of <see cref="Period"/> - 1.</summary>
    public decimal Deviations { get; init; } = 2m;

    /// <summary>
    /// Where a position is closed, in standard deviations past the average towards the other band: 0 at the average (the
    /// mean the price reverted to), 1 one deviation beyond it, <see cref="Deviations"/> at the other band, a negative value
    /// short of the average. From -<see cref="Deviations"/> to <see cref="Deviations"/>.
    /// </summary>
    public decimal ExitDeviations { get; init; }

    /// <summary>
    /// Entries only while the bands are at least this wide, in percent of the average (Bollinger's BandWidth: the upper band
    /// less the lower over the middle, × 100): a fade needs room between the band it buys at and the average it sells at to
    /// pay its costs. Null: any. Above 0.
    /// </summary>
    public decimal? MinBandwidth { get; init; }

    /// <summary>
    /// Entries only while the bands are at most this wide, in percent of the average: bands blown wide by a breakout are a
    /// trend a fade would stand in front of. Null: any. Above 0 and above <see cref="MinBandwidth"/>.
    /// </summary>
    public decimal? MaxBandwidth { get; init; }

    /// <summary>Also trade the mirror image: short while the close is above the upper band.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs only while the close is above the average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Whether bands <paramref name="deviation"/> standard deviations apart from <paramref name="middle"/> are as wide as asked.</summary>
    internal bool WideEnough(decimal middle, decimal deviation)
    {
        if (MinBandwidth is null && MaxBandwidth is null) return true;
        if (middle <= 0m) return false; // no width in percent of an average at or below 0
        // 100 × (upper - lower) / middle, compared without the division: 200 × deviations × deviation against limit × middle
        var width = 200m * Deviations * deviation;
        return !(width < MinBandwidth * middle) && !(width > MaxBandwidth * middle);
    }

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        if (Period is < 2 or > MaxPeriod) problems.Add(new("period", string.Create(inv, $"must be from 2 to {MaxPeriod} bars (one close has no spread), got {Period}")));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        if (Deviations <= 0m) problems.Add(new("deviations", string.Create(inv, $"must be above 0, got {Deviations}")));
        if (MinBandwidth <= 0m) problems.Add(new("minBandwidth", string.Create(inv, $"must be above 0 (percent of the average), got {MinBandwidth}")));
        if (MaxBandwidth <= 0m) problems.Add(new("maxBandwidth", string.Create(inv, $"must be above 0 (percent of the average), got {MaxBandwidth}")));
        else if (MinBandwidth is { } least && MaxBandwidth is { } most && least >= most)
            problems.Add(new("maxBandwidth", string.Create(inv, $"must be above minBandwidth ({least}): no bands would be both, and nothing would be entered; got {most}")));
        if (problems.Count > 0) return problems;
        // The close is one of the window's closes, so with the others all equal it is at most sqrt(N - 1) population
        // deviations from their mean: bands that far out are never crossed, and the strategy would never trade.
        if (Deviations * Deviations >= Period - 1)
        {
            var widest = DecimalMath.Sqrt(Period - 1);
            problems.Add(new("deviations", string.Create(inv,
                $"must be below {decimal.Round(widest, 4).ToString("0.####", inv)} (the square root of period - 1): a close is one of the {Period} closes, so it is never further than that from their average and no entry would come; got {Deviations}")));
        }
        else if (ExitDeviations < -Deviations || ExitDeviations > Deviations)
        {
            problems.Add(new("exitDeviations", string.Create(inv, $"must be from -{Deviations} to {Deviations} (the bands), got {ExitDeviations}")));
        }
        return problems;
    }
}
