namespace Bulwark.Backtest.Reports;

/// <summary>
/// What one side's round trips came to: a strategy that trades both ways often earns on one and pays for it on the
/// other, which the whole run's figures hide. PnL as <see cref="Trade.PnL"/> has it (net of commissions, financing and
/// dividends); the open trade's, marked at its symbol's last close, apart, and left out of the win rate and the rest.
/// </summary>
/// <param name="Trades">Closed round trips on this side.</param>
/// <param name="OpenTrades">Round trips on this side still held at the end.</param>
/// <param name="WinRate">Winning closed trades over closed trades; 0 when none closed.</param>
/// <param name="PnL">The closed trades' PnL.</param>
/// <param name="OpenPnL">The open trades' PnL at the last close; 0 when none is open.</param>
/// <param name="Stats">The closed trades' profit factor, averages, runs and hold (see <see cref="TradeStatistics"/>).</param>
public sealed record SideStatistics(TradeSide Side, int Trades, int OpenTrades, decimal WinRate, decimal PnL, decimal OpenPnL,
    TradeStatistics Stats)
{
    /// <summary>Each side that traded (closed or open), long first.</summary>
    public static IReadOnlyList<SideStatistics> Of(IReadOnlyList<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        List<SideStatistics> sides = [];
        foreach (var side in (ReadOnlySpan<TradeSide>)[TradeSide.Long, TradeSide.Short])
        {
            var mine = trades.Where(t => t.Side == side).ToList();
            if (mine.Count == 0) continue;
            var closed = mine.Where(t => !t.IsOpen).ToList();
            sides.Add(new SideStatistics(side, closed.Count, mine.Count - closed.Count,
                closed.Count == 0 ? 0m : (decimal)closed.Count(t => t.PnL > 0m) / closed.Count,
                closed.Sum(t => t.PnL), mine.Where(t => t.IsOpen).Sum(t => t.PnL), TradeStatistics.Of(closed)));
        }
        return sides;
    }
}
