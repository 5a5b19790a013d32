namespace Bulwark.Core.Risk;

public enum SizingMode
{
    FixedQuantity,
    FixedNotional,
    PercentOfEquity,
}
