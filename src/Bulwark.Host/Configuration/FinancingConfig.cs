namespace Bulwark.Host.Configuration;

/// <summary>
/// What holding a position overnight costs, in percent a year of its value at the last close, charged by the paper
/// venue for each calendar day a position is held into a new day. Negative earns. 0: nothing.
/// </summary>
public sealed record FinancingConfig
{
    /// <summary>A long's yearly rate: a leveraged long's interest, a pair's swap, a perpetual's funding.</summary>
    public decimal LongPercent { get; init; }

    /// <summary>A short's yearly rate: a share's borrow fee, a pair's or a perpetual's short carry.</summary>
    public decimal ShortPercent { get; init; }
}
