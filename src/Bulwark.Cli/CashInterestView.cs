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
    /// <summary>The part of the idle cash that earned nothing (--cash-interest-free); null when all of it earned.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? FreeBalance { get; init; }

    /// <param name="total">What idle cash earned (negative: cost); null for a grid of runs.</param>
    /// <param name="freeBalance">The part of the idle cash that earns nothing.</param>
    public static CashInterestView Of(CashRates rates, decimal? total = null, decimal freeBalance = 0m) =>
        new(rates.FixedPercent, rates.FixedPercent is null ? rates.StepList : null, total) { FreeBalance = freeBalance > 0m ? freeBalance : null };

    /// <summary>
    /// "at 4.5% a year", or for rates that change: "at 5 rates from 2006-01-01, 0.25% to 5.25% a year"; with a part that
    /// earns nothing, "... a year above the first 10000".
    /// </summary>
    public static string Text(CashRates rates, decimal freeBalance = 0m) =>
        freeBalance > 0m ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at {rates} a year above the first {freeBalance}") : $"at {rates} a year";
}
