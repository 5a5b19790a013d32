using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Pays (or, at a negative rate, charges) interest on the account's idle cash held into a new day, as a broker credits
/// a cash balance: at the first bar of any symbol whose close falls on a later calendar day (UTC) than the latest bar
/// before it, for the days in between at each day's rate, on the cash balance at that last close as a broker counts it: the cash, plus the
/// margin posted for margined positions (still the account's money), less the proceeds of open short sales of
/// instruments that are not margined (held against the short; valued at their last close), less the part a broker pays
/// nothing on (<see cref="PaperVenueOptions.CashInterestFreeBalance"/>). A debit balance pays nothing here. Each payment is one cash activity without a symbol, recorded and pushed in the bar's unit of work, like a
/// position's financing.
/// </summary>
internal static class PaperCashInterest
{
    public static void Pay(IPaperStore store, Bar bar, IReadOnlyDictionary<string, Instrument> instruments,
        PaperVenueOptions options, DateTimeOffset now, PaperEvents events)
    {
        if (store.LatestBarTime() is not { } last) return;
        var days = PaperFinancing.DaysSince(last, bar.CloseTime);
        if (days <= 0) return;
        // The days the balance was held: from the day of the last close (a close at midnight ends the day before, as a
        // daily bar's does), one rate each.
        var from = DateOnly.FromDateTime(last.UtcDateTime.AddTicks(-1));
        var (percentDays, lowest, highest) = options.CashInterest.Over(from, from.AddDays(days));
        var cash = store.Cash();
        var (margin, shortProceeds) = HeldByPositions(store, instruments);
        var idle = cash + margin - shortProceeds;
        var earning = idle - options.CashInterestFreeBalance;
        if (earning <= 0m) return;
        var amount = PaperCashBook.Round(earning * percentDays / 100m / PaperVenueOptions.FinancingDaysPerYear);
        if (amount == 0m) return;

        // Each part formatted invariantly: a nested interpolated string would take the current culture.
        var inv = CultureInfo.InvariantCulture;
        var plusMargin = margin == 0m ? "" : string.Create(inv, $" plus margin {margin:0.00}");
        var lessShorts = shortProceeds == 0m ? "" : string.Create(inv, $" less short proceeds {shortProceeds:0.00}");
        var basis = idle == cash ? "" : string.Create(inv, $" (cash {cash:0.00}{plusMargin}{lessShorts})");
        var free = options.CashInterestFreeBalance == 0m ? "" : string.Create(inv, $", above the first {options.CashInterestFreeBalance:0.00}, which earns none,");
        var rate = lowest == highest ? string.Create(inv, $"{lowest}%") : string.Create(inv, $"{lowest}% to {highest}%");
        PaperCashBook.Record(store, events, CashActivityKind.Interest, null, amount, now,
            string.Create(inv, $"interest on idle cash {idle:0.00}{basis}{free} held {days} day(s) at {rate} a year"));
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
