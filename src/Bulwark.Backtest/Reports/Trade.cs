namespace Bulwark.Backtest.Reports;

/// <summary>
/// One round trip: from a flat position in <see cref="Symbol"/> back to flat (or a flip). Prices are quantity-weighted
/// averages of the entry and exit fills; <see cref="Quantity"/> is the total quantity entered. <see cref="PnL"/> is net
/// of every commission of the trade's fills and of the <see cref="Financing"/> its position paid (or earned) and the
/// <see cref="Dividends"/> it received (or paid) while it was held, as its <see cref="Return"/> is. An open trade (still held at the end) has no exit: its PnL and return are
/// marked at the last close of its symbol and it is left out of the win rate.
/// </summary>
public sealed record Trade(
    string Symbol,
    TradeSide Side,
    DateTimeOffset EntryTime,
    decimal EntryPrice,
    DateTimeOffset? ExitTime,
    decimal? ExitPrice,
    decimal Quantity,
    decimal PnL,
    decimal Return,
    decimal Financing = 0m)
{
    public bool IsOpen => ExitTime is null;

    /// <summary>The dividends the trade's position received (a long) or paid (a short) while held; in its PnL.</summary>
    public decimal Dividends { get; init; }

    /// <summary>True when a protective stop closed the trade (its exit fill was the stop's), rather than the strategy.</summary>
    public bool StoppedOut { get; init; }

    /// <summary>True when a take-profit closed the trade (its exit fill was the take-profit limit's), rather than the strategy.</summary>
    public bool TookProfit { get; init; }

    /// <summary>True when a take-profit sold (bought back) part of the trade before it closed: it scaled out (scaleOutPercent).</summary>
    public bool ScaledOut => ScaleOuts > 0;

    /// <summary>How many take-profits sold (bought back) part of the trade before it closed: the steps of its scale-out (scaleOutSteps).</summary>
    public int ScaleOuts { get; init; }

    /// <summary>True when a time stop closed the trade (its exit was the order the engine placed when the time was up).</summary>
    public bool TimedOut { get; init; }

    /// <summary>True when the loss limit per position closed the trade (<c>risk.maxPositionLossPercent</c>).</summary>
    public bool LossLimited { get; init; }

    /// <summary>True when a blackout that exits closed the trade (<c>blackouts</c>, a row with <c>exit</c>).</summary>
    public bool BlackedOut { get; init; }

    /// <summary>
    /// The most the trade went against it while open, as a fraction of its entry price (0 or below): its maximum adverse
    /// excursion (see <see cref="TradeExcursions"/>).
    /// </summary>
    public decimal Mae { get; init; }

    /// <summary>The most it went in its favour (0 or above): its maximum favourable excursion.</summary>
    public decimal Mfe { get; init; }

    /// <summary>
    /// What the trade risked when it was opened: the distance from its entry to the first protective stop placed for it,
    /// times that stop's quantity and the multiplier (see <see cref="InitialRisk"/>). Null when no stop was placed while
    /// it was held.
    /// </summary>
    public decimal? Risk { get; init; }

    /// <summary>Its R-multiple: PnL over <see cref="Risk"/> (-1 is a loss of what it risked, 2 a gain of twice that); null without a stop.</summary>
    public decimal? R => Risk is { } risk and > 0m ? PnL / risk : null;
}
