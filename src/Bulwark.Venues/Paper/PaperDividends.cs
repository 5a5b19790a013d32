using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Pays the cash dividends of a position held at the close before an ex-date, as a broker credits a long and debits a
/// short (a payment in lieu): at the symbol's first bar that closes after the ex-date began (UTC), whose last close came
/// no later than that, on the position held before the bar's fills: per share times the quantity and the contract
/// multiplier. A margined position (a future) receives none. Each dividend is one cash activity for its symbol, recorded
/// and pushed in the bar's unit of work, like a position's financing.
/// </summary>
internal static class PaperDividends
{
    public static void Pay(IPaperStore store, Bar bar, Instrument instrument, PaperVenueOptions options, DateTimeOffset now,
        PaperEvents events)
    {
        if (instrument.InitialMargin != 0m || !options.Dividends.TryGetValue(bar.Symbol, out var dividends)) return;
        var position = store.Position(bar.Symbol);
        if (position.Quantity == 0m || store.LastBarTime(bar.Symbol) is not { } lastClose) return;
        for (var i = FirstNotBefore(dividends, lastClose); i < dividends.Count && dividends[i].ExStart < bar.CloseTime; i++)
        {
            var dividend = dividends[i];
            PaperCashBook.Record(store, events, CashActivityKind.Dividend, bar.Symbol,
                position.Quantity * dividend.PerShare * instrument.Multiplier, now, string.Create(CultureInfo.InvariantCulture,
                    $"dividend of {dividend.PerShare} a share on {position.Quantity} {bar.Symbol} held into its ex-date {dividend.ExDate:yyyy-MM-dd}"));
        }
    }

    /// <summary>Whether a bar of a held position closing at <paramref name="closeTime"/> pays one of <paramref name="dividends"/>.</summary>
    public static bool AnyDue(IReadOnlyList<Dividend> dividends, DateTimeOffset? lastClose, DateTimeOffset closeTime) =>
        lastClose is { } last && FirstNotBefore(dividends, last) is var i && i < dividends.Count && dividends[i].ExStart < closeTime;

    /// <summary>The index of the first dividend (by ex-date, ascending) whose ex-date begins at or after <paramref name="time"/>.</summary>
    private static int FirstNotBefore(IReadOnlyList<Dividend> dividends, DateTimeOffset time)
    {
        int low = 0, high = dividends.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (dividends[middle].ExStart < time) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
