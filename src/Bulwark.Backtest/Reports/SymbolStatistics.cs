namespace Bulwark.Backtest.Reports;

/// <summary>
/// What one symbol's round trips came to, so a run over several shows which of them carried it and which cost it.
/// PnL as <see cref="Trade.PnL"/> has it (net of commissions, financing and dividends); the open trade's, marked at the
/// symbol's last close, apart. Interest on idle cash belongs to no symbol and is in none of them.
/// </summary>
/// <param name="Trades">Closed round trips.</param>
/// <param name="OpenTrades">Round trips still held at the end (0 or 1).</param>
/// <param name="WinRate">Winning closed trades over closed trades; 0 when none closed.</param>
/// <param name="PnL">The closed trades' PnL.</param>
/// <param name="OpenPnL">The open trade's PnL at the last close; 0 when none is open.</param>
/// <param name="Contribution">PnL and open PnL over the run's starting cash: the symbol's share of the total return.</param>
public sealed record SymbolStatistics(string Symbol, int Trades, int OpenTrades, decimal WinRate, decimal PnL, decimal OpenPnL,
    decimal Contribution)
{
    /// <summary>Each traded symbol's figures, in ordinal order of the symbols.</summary>
    public static IReadOnlyList<SymbolStatistics> Of(IReadOnlyList<Trade> trades, decimal startingCash)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return
        [
            .. trades.GroupBy(t => t.Symbol, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var closed = g.Where(t => !t.IsOpen).ToList();
                var pnl = closed.Sum(t => t.PnL);
                var open = g.Where(t => t.IsOpen).Sum(t => t.PnL);
                return new SymbolStatistics(g.Key, closed.Count, g.Count() - closed.Count,
                    closed.Count == 0 ? 0m : (decimal)closed.Count(t => t.PnL > 0m) / closed.Count, pnl, open,
                    startingCash > 0m ? (pnl + open) / startingCash : 0m);
            }),
        ];
    }
}
