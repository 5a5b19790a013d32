using Bulwark.Venues.Paper;

namespace Bulwark.Host.Configuration;

/// <summary>
/// What holding a position overnight costs, in percent a year of its value at the last close, charged by the paper
/// venue for each calendar day a position is held into a new day (negative earns), and what idle cash held into a new
/// day earns. 0: nothing.
/// </summary>
public sealed record FinancingConfig
{
    /// <summary>A long's yearly rate: a leveraged long's interest, a pair's swap, a perpetual's funding.</summary>
    public decimal LongPercent { get; init; }

    /// <summary>A short's yearly rate: a share's borrow fee, a pair's or a perpetual's short carry.</summary>
    public decimal ShortPercent { get; init; }

    /// <summary>
    /// Idle cash's yearly interest, as a broker pays on a credit balance (<see cref="PaperVenueOptions.CashInterest"/>):
    /// on the cash (margin posted included) less short sales' proceeds; negative charges.
    /// </summary>
    public decimal CashPercent { get; init; }

    /// <summary>The part of idle cash that earns nothing (<see cref="PaperVenueOptions.CashInterestFreeBalance"/>): a broker's first slice.</summary>
    public decimal CashFreeBalance { get; init; }

    /// <summary>
    /// Instruments' own rates (<c>symbols: {GME: {shortPercent: 35}}</c>), both sides resolved: a side a symbol does not
    /// give is <see cref="LongPercent"/> or <see cref="ShortPercent"/>.
    /// </summary>
    public IReadOnlyDictionary<string, FinancingRates> Symbols { get; init; } = NoSymbols;

    /// <summary>One shared empty map, so configurations without symbols' rates compare equal.</summary>
    private static readonly IReadOnlyDictionary<string, FinancingRates> NoSymbols = new Dictionary<string, FinancingRates>(StringComparer.Ordinal);

    public override string ToString() =>
        $"LongPercent = {LongPercent}, ShortPercent = {ShortPercent}, CashPercent = {CashPercent}, CashFreeBalance = {CashFreeBalance}, Symbols = {{{string.Join(", ", Symbols.Select(s => $"{s.Key}: {s.Value}"))}}}";
}
