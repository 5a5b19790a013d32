namespace Bulwark.Core.Venues;

/// <summary>What moved an account's cash without an order.</summary>
public enum CashActivityKind
{
    /// <summary>
    /// The cost of carrying a position overnight: interest on a leveraged long, a short's borrow fee, a currency pair's
    /// swap, a perpetual's funding. Negative when paid, positive when earned.
    /// </summary>
    Financing,
}
