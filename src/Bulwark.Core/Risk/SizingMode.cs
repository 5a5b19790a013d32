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
}
