using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Pays (or, at a negative rate, charges) interest on the account's idle cash held into a new day, as a broker credits
/// a cash balance: at the first bar of any symbol whose close falls on a later calendar day (UTC) than the latest bar
/// before it, for the days in between, on the cash balance at that last close as a broker counts it: the cash, plus the
/// margin posted for margined positions (still the account's money), less the proceeds of open short sales of
/// instruments that are not margined (held against the short; valued at their last close). A debit balance pays nothing
/// here. Each payment is one cash activity without a symbol, recorded and pushed in the bar's unit of work, like a
/// position's financing.
/// </summary>
internal static class PaperCashInterest
{
    public static void Pay(IPaperStore store, Bar bar, IReadOnlyDictionary<string, Instrument> instruments,
        PaperVenueOptions options, DateTimeOffset now, PaperEvents events)
    {
        var days = PaperFinancing.DaysSince(store.LatestBarTime(), bar.CloseTime);
        if (days <= 0) return;
        var cash = store.Cash();
        var (margin, shortProceeds) = HeldByPositions(store, instruments);
        var idle = cash + margin - shortProceeds;
        if (idle <= 0m) return;
        var percent = options.CashInterestPercent;
        var amount = PaperCashBook.Round(idle * percent / 100m * days / PaperVenueOptions.FinancingDaysPerYear);
        if (amount == 0m) return;

        var basis = idle == cash ? "" : string.Create(CultureInfo.InvariantCulture,
            $" (cash {cash:0.00}{(margin == 0m ? "" : $" plus margin {margin:0.00}")}{(shortProceeds == 0m ? "" : $" less short proceeds {shortProceeds:0.00}")})");
        PaperCashBook.Record(store, events, CashActivityKind.Interest, null, amount, now, string.Create(CultureInfo.InvariantCulture,
            $"interest on idle cash {idle:0.00}{basis} held {days} day(s) at {percent}% a year"));
    }

    /// <summary>
    /// The margin margined positions hold, and what the short positions of other instruments are worth at their last
    /// close: the cash their sale credited.
    /// </summary>
    private static (decimal Margin, decimal ShortProceeds) HeldByPositions(IPaperStore store,
        IReadOnlyDictionary<string, Instrument> instruments)
    {
        decimal margin = 0m, proceeds = 0m;
        foreach (var (symbol, position) in store.Positions())
        {
            if (position.Quantity == 0m || !instruments.TryGetValue(symbol, out var instrument)) continue;
            if (instrument.InitialMargin != 0m) margin += instrument.InitialMargin * Math.Abs(position.Quantity);
            else if (position.Quantity < 0m && store.LastPrice(symbol) is { } last) proceeds += instrument.Notional(position.Quantity, last);
        }
        return (margin, proceeds);
    }
}
