using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>Books cash the venue moves without an order (financing, interest, dividends) in a unit of work of the store.</summary>
internal static class PaperCashBook
{
    /// <summary>A charge or payment worked out at a rate, to six places: small positions' daily amounts add up instead of rounding away.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Adds <paramref name="amount"/> to cash and records it as the next cash activity, pushed with the unit's events.
    /// </summary>
    public static void Record(IPaperStore store, PaperEvents events, CashActivityKind kind, string? symbol, decimal amount,
        DateTimeOffset now, string description)
    {
        store.SetCash(store.Cash() + amount);
        var sequence = store.Next(PaperIds.CashActivitySequence);
        var activity = new VenueCashActivity(sequence, PaperIds.CashActivity(sequence), kind, symbol, amount, now, description);
        store.InsertCashActivity(activity);
        events.CashActivity(activity);
    }
}
