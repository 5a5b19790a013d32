using System.Text.Json.Serialization;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>
/// How a run's output states the interest idle cash earned: the one yearly rate (null when it changed over time), each
/// rate with the day it began when it did, and for a backtest what it came to.
/// </summary>
internal sealed record CashInterestView(
    decimal? CashPercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CashRateStep>? CashRates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Total)
{
    /// <param name="total">What idle cash earned (negative: cost); null for a grid of runs.</param>
    public static CashInterestView Of(CashRates rates, decimal? total = null) =>
        new(rates.FixedPercent, rates.FixedPercent is null ? rates.StepList : null, total);

    /// <summary>"at 4.5% a year", or for rates that change: "at 5 rates from 2006-01-01, 0.25% to 5.25% a year".</summary>
    public static string Text(CashRates rates) => $"at {rates} a year";
}
