using System.Globalization;
using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The stop of <see cref="ParabolicSarStrategy"/>: Wilder's parabolic SAR, closing in on the trend's extreme by
/// <see cref="Acceleration"/> more of the way with each new extreme, up to <see cref="MaxAcceleration"/> (0.02 and 0.2,
/// as Wilder set them and charts draw it). <see cref="TurnOptions.TrendPeriod"/> takes long reversals only above the
/// average of that many closes (simple, or any other <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record ParabolicSarOptions : TurnOptions
{
    public decimal Acceleration { get; init; } = 0.02m;

    public decimal MaxAcceleration { get; init; } = 0.2m;

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        var most = ParabolicSar.MaxAcceleration;
        if (Acceleration is <= 0m || Acceleration > most)
            problems.Add(new("acceleration", string.Create(inv, $"must be above 0 and at most {most}, got {Acceleration}")));
        if (MaxAcceleration > most)
            problems.Add(new("maxAcceleration", string.Create(inv, $"must be at most {most} (the stop would pass the trend's extreme), got {MaxAcceleration}")));
        else if (MaxAcceleration < Acceleration && Acceleration is > 0m && Acceleration <= most)
            problems.Add(new("maxAcceleration", string.Create(inv, $"must be at least acceleration ({Acceleration}), got {MaxAcceleration}")));
    }
}
