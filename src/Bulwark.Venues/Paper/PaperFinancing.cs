using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Charges (or pays) the carry of a position held into a new day, as a broker books interest, borrow fees, swaps or
/// funding: its value at the last close, times the side's yearly rate (the symbol's own, else the venue's), times the
/// calendar days (UTC dates of the bars' closes) since that close, over <see cref="PaperVenueOptions.FinancingDaysPerYear"/>.
/// Held over a weekend, a position pays the weekend's days at the next bar; a position opened and closed within a day
/// pays nothing. Each charge is one cash activity, recorded and pushed in the bar's unit of work.
/// </summary>
internal static class PaperFinancing
{
    /// <summary>Calendar days from the close of the last bar to <paramref name="closeTime"/>; 0 before the first bar.</summary>
    public static int DaysSince(DateTimeOffset? lastClose, DateTimeOffset closeTime) =>
        lastClose is { } last ? closeTime.UtcDateTime.Date.Subtract(last.UtcDateTime.Date).Days : 0;

    public static void Charge(IPaperStore store, Bar bar, Instrument instrument, PaperVenueOptions options,
        DateTimeOffset now, PaperEvents events)
    {
        var position = store.Position(bar.Symbol);
        if (position.Quantity == 0m) return;
        var days = DaysSince(store.LastBarTime(bar.Symbol), bar.CloseTime);
        if (days <= 0 || store.LastPrice(bar.Symbol) is not { } lastClose) return;
        var (side, percent) = options.FinancingFor(bar.Symbol).For(position.Quantity);
        var value = instrument.Notional(position.Quantity, lastClose);
        var amount = -PaperCashBook.Round(value * percent / 100m * days / PaperVenueOptions.FinancingDaysPerYear);
        if (amount == 0m) return;

        PaperCashBook.Record(store, events, CashActivityKind.Financing, bar.Symbol, amount, now, string.Create(CultureInfo.InvariantCulture,
            $"{side} {Math.Abs(position.Quantity)} {bar.Symbol} worth {value} held {days} day(s) at {percent}% a year"));
    }
}
