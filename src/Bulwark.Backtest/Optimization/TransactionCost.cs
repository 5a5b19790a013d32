using System.Globalization;

namespace Bulwark.Backtest.Optimization;

/// <summary>Which cost of a run a <see cref="TransactionCost"/> sets.</summary>
public enum TransactionCostKind
{
    /// <summary>A flat commission on every fill (written as a plain number: 2.5).</summary>
    CommissionPerFill,

    /// <summary>A commission per unit filled (written with /share: 0.005/share).</summary>
    CommissionPerShare,

    /// <summary>A commission in percent of each fill's notional (written with %: 0.1%).</summary>
    CommissionPercent,

    /// <summary>Adverse slippage of market and stop fills in basis points (written with bps: 5bps).</summary>
    SlippageBps,

    /// <summary>Every long's yearly financing rate in percent, symbols' own included (written with %/long: 5%/long).</summary>
    FinancingLongPercent,

    /// <summary>Every short's yearly financing rate in percent, a borrow fee (written with %/short: 3%/short).</summary>
    FinancingShortPercent,

    /// <summary>
    /// Market impact in percent at a fill of a whole bar's volume, the square-root law's coefficient (written with
    /// %/impact: 10%/impact).
    /// </summary>
    ImpactPercent,
}

/// <summary>
/// One column of a cost grid: a value for one of a run's costs, the others staying as the run's options give them.
/// A trader on a per-fill plan writes 1,2,5; one paying a share of notional writes 0.05%,0.1%; slippage is 2bps,5bps;
/// what shorts held overnight pay a year is 0%/short,3%/short,10%/short (a long's rate %/long; these two may be negative,
/// a rate that earns); market impact is 0%/impact,10%/impact,30%/impact.
/// </summary>
public sealed record TransactionCost(TransactionCostKind Kind, decimal Value)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly (string Suffix, TransactionCostKind Kind)[] Suffixes =
    [
        ("%/long", TransactionCostKind.FinancingLongPercent), // before "%", which they end like
        ("%/short", TransactionCostKind.FinancingShortPercent),
        ("%/impact", TransactionCostKind.ImpactPercent),
        ("/share", TransactionCostKind.CommissionPerShare),
        ("%", TransactionCostKind.CommissionPercent),
        ("bps", TransactionCostKind.SlippageBps),
    ];

    /// <summary>How it is written on the command line and in a table's header: 2.5, 0.005/share, 0.1%, 5bps.</summary>
    public string Label => Value.ToString(Inv) + Array.Find(Suffixes, s => s.Kind == Kind).Suffix; // none (null) for per fill

    /// <summary>The run's options with this cost in place of the same kind of cost they had.</summary>
    public BacktestOptions ApplyTo(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Kind switch
        {
            TransactionCostKind.CommissionPerShare => options with { CommissionPerShare = Value },
            TransactionCostKind.CommissionPercent => options with { CommissionPercent = Value },
            // Ticks replace basis points when set; a grid of basis points must not be silently overridden by them.
            TransactionCostKind.SlippageBps => options with { SlippageBps = Value, SlippageTicks = 0m },
            // Every long (short) pays the column's rate: symbols' own rates on that side give way to it.
            TransactionCostKind.FinancingLongPercent => options with
            {
                FinancingLongPercent = Value,
                FinancingBySymbol = options.FinancingBySymbol.ToDictionary(s => s.Key, s => s.Value with { LongPercent = Value }, StringComparer.Ordinal),
            },
            TransactionCostKind.ImpactPercent => options with { ImpactPercent = Value },
            TransactionCostKind.FinancingShortPercent => options with
            {
                FinancingShortPercent = Value,
                FinancingBySymbol = options.FinancingBySymbol.ToDictionary(s => s.Key, s => s.Value with { ShortPercent = Value }, StringComparer.Ordinal),
            },
            _ => options with { CommissionPerFill = Value },
        };
    }

    /// <summary>
    /// Reads one value as written: a plain number is a commission per fill, then 0.005/share, 0.1% and 5bps.
    /// Throws <see cref="FormatException"/> naming the value when it is none of these or is negative.
    /// </summary>
    public static TransactionCost Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = text.Trim();
        var kind = TransactionCostKind.CommissionPerFill;
        foreach (var (suffix, k) in Suffixes)
            if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^suffix.Length].TrimEnd();
                kind = k;
                break;
            }
        var financing = kind is TransactionCostKind.FinancingLongPercent or TransactionCostKind.FinancingShortPercent;
        var styles = financing ? NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign : NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(number, styles, Inv, out var value) || (financing && !Venues.Paper.FinancingRates.IsValid(value)))
            throw new FormatException(financing
                ? $"'{text}' is not a yearly financing rate in [-100, 100] percent (3%/short, -1%/long)"
                : $"'{text}' is not a cost >= 0: write a commission per fill (2.5), per share (0.005/share), " +
                  "a percent of notional (0.1%), slippage in basis points (5bps), market impact (10%/impact) or a yearly financing rate (3%/short, 5%/long)");
        if (kind == TransactionCostKind.ImpactPercent && value > 100m)
            throw new FormatException($"'{text}' is not a market impact from 0 to 100 percent at a whole bar's volume (10%/impact)");
        return new TransactionCost(kind, value);
    }
}
