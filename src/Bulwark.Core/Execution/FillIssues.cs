namespace Bulwark.Core.Execution;

/// <summary>What a fill failed validation on. Flags: a fill can fail several checks at once.</summary>
[Flags]
public enum FillIssues
{
    None = 0,
    UnknownOrder = 1,
    OrderNotFillable = 2,
    NonPositiveQuantity = 4,
    NonPositivePrice = 8,
    Slippage = 16,
    Stale = 32,
    Overfill = 64,
    SmallPartial = 128,
    SymbolMismatch = 256,
    SideMismatch = 512,
}
