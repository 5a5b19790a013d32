using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend of <see cref="IchimokuStrategy"/>: Hosoda's cloud of <see cref="ConversionPeriod"/>,
/// <see cref="BasePeriod"/> and <see cref="SpanBPeriod"/> bars (9, 26 and 52, as he set them), its spans drawn
/// <see cref="Displacement"/> bars ahead (26). The trend is up once a close is above the cloud and down once below it;
/// <see cref="ConfirmLines"/> also asks the conversion line to be above the base line (below, for down) and
/// <see cref="ConfirmLagging"/> the close to be above the close <see cref="Displacement"/> bars before (below, for
/// down), what the lagging line above (below) the prices says. <see cref="TurnOptions.TrendPeriod"/> takes long turns
/// only above the average of that many closes (simple, or any other <see cref="TurnOptions.TrendAverage"/>) and short
/// ones only below.
/// </summary>
public sealed record IchimokuOptions : TurnOptions
{
    /// <summary>The longest period or displacement, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    public int ConversionPeriod { get; init; } = 9;

    public int BasePeriod { get; init; } = 26;

    public int SpanBPeriod { get; init; } = 52;

    public int Displacement { get; init; } = 26;

    public bool ConfirmLines { get; init; }

    public bool ConfirmLagging { get; init; }

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        (string Name, int Value)[] periods =
            [("conversionPeriod", ConversionPeriod), ("basePeriod", BasePeriod), ("spanBPeriod", SpanBPeriod), ("displacement", Displacement)];
        foreach (var (name, value) in periods)
        {
            if (StrategyProblem.OfPeriod(name, value) is { } bad) problems.Add(bad);
        }
        if (problems.Count > 0) return;
        if (ConversionPeriod >= BasePeriod)
            problems.Add(new("conversionPeriod", string.Create(inv, $"must be below basePeriod {BasePeriod}, got {ConversionPeriod}")));
        if (BasePeriod >= SpanBPeriod)
            problems.Add(new("basePeriod", string.Create(inv, $"must be below spanBPeriod {SpanBPeriod}, got {BasePeriod}")));
    }
}
