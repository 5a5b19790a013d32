namespace Bulwark.Core.Venues;

/// <summary>What moved an account's cash without an order.</summary>
public enum CashActivityKind
{
    /// <summary>
    /// The cost of carrying a position overnight: interest on a leveraged long, a short's borrow fee, a currency pair's
    /// swap, a perpetual's funding. Negative when paid, positive when earned.
    /// </summary>
    Financing,

    /// <summary>
    /// Interest on the account's idle cash, paid for each day it is held into a new day (charged when the rate is
    /// negative). Not for a position: its symbol is null.
    /// </summary>
    Interest,

    /// <summary>
    /// A cash dividend on a position held at the close before the ex-date: received by a long, paid by a short (a
    /// payment in lieu). Its symbol is the position's.
    /// </summary>
    Dividend,
}
