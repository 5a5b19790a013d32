namespace Bulwark.Venues.Paper;

/// <summary>
/// The yearly rates one instrument's positions held overnight pay, in percent of their value at the last close: a
/// hard-to-borrow share's fee, one currency pair's swap, one perpetual's funding. Negative earns.
/// </summary>
public sealed record FinancingRates(decimal LongPercent, decimal ShortPercent)
{
    /// <summary>The range a yearly rate must be in.</summary>
    public const decimal MaxPercent = 100m;

    /// <summary>True when holding either side overnight costs or earns anything.</summary>
    public bool Charges => LongPercent != 0m || ShortPercent != 0m;

    /// <summary>The side a signed position is on, and that side's rate.</summary>
    public (string Side, decimal Percent) For(decimal position) =>
        position > 0m ? ("long", LongPercent) : ("short", ShortPercent);

    /// <summary>True when rates for every instrument of <paramref name="longPercent"/> and <paramref name="shortPercent"/>, or
    /// some symbol's own, charge anything: whether a run or a venue finances positions at all.</summary>
    public static bool AnyCharge(decimal longPercent, decimal shortPercent, IReadOnlyDictionary<string, FinancingRates> bySymbol) =>
        longPercent != 0m || shortPercent != 0m || bySymbol.Values.Any(r => r.Charges);

    /// <summary>True when a rate is a yearly percent in [-100, 100].</summary>
    public static bool IsValid(decimal percent) => percent is >= -MaxPercent and <= MaxPercent;
}
