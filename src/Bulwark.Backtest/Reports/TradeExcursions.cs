namespace Bulwark.Backtest.Reports;

/// <summary>
/// How far a trade went against it and in its favour while open (its maximum adverse and favourable excursions), as
/// fractions of its entry price: from its entry and exit prices and the lows and highs of the bars it was open over
/// whole. Those are the bars between its entry and its exit; the entry's own bar too when the entry filled at its open
/// (a market order at the next open), and the exit's own when the exit filled at its close (a market order at the
/// close). A bar a stop, a limit or a fill at the close traded inside counts through the fill's price alone: which of its
/// prices came while the trade was open is not known. A trade still open counts every bar to the end.
/// </summary>
internal static class TradeExcursions
{
    /// <param name="entryBarHeld">The entry filled at the open of the bar at its time.</param>
    /// <param name="exitBarHeld">The exit filled at the close of the bar at its time.</param>
    public static Trade Of(Trade trade, bool entryBarHeld, bool exitBarHeld, SymbolBars bars)
    {
        var entry = trade.EntryPrice;
        if (entry <= 0m) return trade;
        decimal high = entry, low = entry;
        if (trade.ExitPrice is { } exitPrice) (high, low) = (Math.Max(high, exitPrice), Math.Min(low, exitPrice));
        var count = bars.Count(trade.Symbol);
        for (var k = bars.FirstAtOrAfter(trade.Symbol, trade.EntryTime); k < count; k++)
        {
            var bar = bars.At(trade.Symbol, k);
            if (bar.Time == trade.EntryTime && !entryBarHeld) continue;
            if (trade.ExitTime is { } exit && (bar.Time > exit || (bar.Time == exit && !exitBarHeld))) break;
            (high, low) = (Math.Max(high, bar.High), Math.Min(low, bar.Low));
        }
        var isLong = trade.Side == TradeSide.Long;
        return trade with
        {
            Mfe = Fraction(isLong ? high - entry : entry - low, entry),
            Mae = Fraction(isLong ? low - entry : entry - high, entry),
        };
    }

    private static decimal Fraction(decimal move, decimal entry) => Math.Round(move / entry, 8, MidpointRounding.AwayFromZero);
}
