namespace Bulwark.Core.Risk;

public enum SizingMode
{
    FixedQuantity,
    FixedNotional,
    PercentOfEquity,

    /// <summary>
    /// Sized so that the source's protective stop, placed where the entry's price would put it, loses
    /// <see cref="SizingOptions.RiskPercent"/> of the account's value: a tight stop buys more, a wide one less.
    /// </summary>
    RiskPercent,

    /// <summary>
    /// Sized by the symbol's volatility: a move of one average true range of <see cref="SizingOptions.VolatilityPeriod"/>
    /// bars moves the position by <see cref="SizingOptions.VolatilityPercent"/> of the account's value (the turtle traders'
    /// unit), so a calm market buys more and a wild one less, and every position carries the same day-to-day risk.
    /// </summary>
    Volatility,
}
