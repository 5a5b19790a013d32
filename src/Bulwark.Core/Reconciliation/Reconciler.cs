using System.Globalization;
using Bulwark.Core.Kernel;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Reconciliation;

/// <summary>
/// Compares the engine's positions, open orders and cash with the venue's. Only orders whose ClientOrderId carries
/// the bot's prefix are the bot's; anything else at the venue is reported, never adopted or fixed. A cash difference
/// is a warning, not a discrepancy (see <see cref="ReconciliationReport"/>).
/// </summary>
public static class Reconciler
{
    private const string CashDifferenceCauses =
        "a deposit, withdrawal, dividend, interest or fee the engine did not see, or a fill it missed; not adopted";

    /// <param name="venueCash">The venue's cash, or null when it cannot tell (then only the engine's is reported).</param>
    public static ReconciliationReport Compare(KernelState state, string orderIdPrefix,
        IReadOnlyList<VenuePosition> venuePositions, IReadOnlyList<VenueOrder> venueOpenOrders, DateTimeOffset now,
        decimal? venueCash = null)
    {
        var discrepancies = new List<string>();
        var venueQty = venuePositions.GroupBy(p => p.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity), StringComparer.Ordinal);
        var symbols = new SortedSet<string>(venueQty.Keys, StringComparer.Ordinal);
        foreach (var p in state.Positions.Values) if (!p.IsFlat) symbols.Add(p.Symbol);

        var positions = new List<PositionComparison>();
        foreach (var symbol in symbols)
        {
            var cmp = new PositionComparison(symbol, state.PositionQuantity(symbol), venueQty.GetValueOrDefault(symbol));
            positions.Add(cmp);
            if (!cmp.Matches)
                discrepancies.Add($"position {symbol}: engine {cmp.EngineQuantity}, venue {cmp.VenueQuantity}");
        }

        var engineOpen = state.Orders.Values.Where(o => o.Status.IsOpen()).Select(o => o.ClientOrderId)
            .Order(StringComparer.Ordinal).ToList();
        var venueOpen = venueOpenOrders.Select(o => o.ClientOrderId).Order(StringComparer.Ordinal).ToList();
        foreach (var id in engineOpen.Except(venueOpen, StringComparer.Ordinal))
            discrepancies.Add($"order {id}: open in the engine, not open at the venue");
        foreach (var id in venueOpen.Except(engineOpen, StringComparer.Ordinal))
            discrepancies.Add(id.StartsWith(orderIdPrefix, StringComparison.Ordinal)
                ? $"order {id}: open at the venue, not open in the engine"
                : $"order {id}: open at the venue and not placed by this bot");

        List<string> warnings = [];
        if (venueCash is { } cash && cash != state.Cash)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"cash: engine {state.Cash}, venue {cash} ({cash - state.Cash:+0.########;-0.########} at the venue); {CashDifferenceCauses}"));
        return new ReconciliationReport(now, discrepancies.Count == 0, discrepancies, positions, engineOpen, venueOpen)
        {
            EngineCash = state.Cash,
            VenueCash = venueCash,
            Warnings = warnings,
        };
    }
}
