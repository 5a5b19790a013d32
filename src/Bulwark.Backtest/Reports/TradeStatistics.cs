namespace Bulwark.Backtest.Reports;

/// <summary>
/// What the closed round trips add up to: gross profit over gross loss (the profit factor), the average and largest
/// winning and losing trade (PnL net of commission and financing), the expectancy (the average trade), the longest runs
/// of wins and of losses in the order the trades closed, and how long a trade was held on average. A breakeven trade
/// counts as neither a win nor a loss, and ends a run of either. Open trades are left out, as from the win rate.
/// </summary>
public sealed record TradeStatistics
{
    /// <summary>Gross profit over gross loss; null when no trade lost (the ratio has no value).</summary>
    public decimal? ProfitFactor { get; init; }
    public decimal AverageWin { get; init; }

    /// <summary>The average losing trade's PnL, negative (0 when none lost).</summary>
    public decimal AverageLoss { get; init; }
    public decimal LargestWin { get; init; }

    /// <summary>The worst trade's PnL, negative (0 when none lost).</summary>
    public decimal LargestLoss { get; init; }

    /// <summary>The mean PnL of a closed trade, breakevens included: what a trade was worth on average (0 when none closed).</summary>
    public decimal Expectancy { get; init; }

    /// <summary>
    /// The mean R-multiple (<see cref="Trade.R"/>) of the closed trades that had a protective stop: what a trade earned
    /// in units of what it risked; null when none had one.
    /// </summary>
    public decimal? AverageR { get; init; }

    /// <summary>
    /// The Kelly fraction of the trades' odds: W - (1 - W) / (average win / average loss), W the share of wins among the
    /// trades that won or lost. The share of the amount a trade puts at risk that maximises growth if the trades to come
    /// are like these; at or below 0 there is no edge to size, and traders size at a half or less of it, since the
    /// estimate is noisy and the full fraction's drawdowns are deep. Null when no trade won or none lost.
    /// </summary>
    public decimal? Kelly { get; init; }

    /// <summary>How many closed trades <see cref="AverageR"/> is over.</summary>
    public int TradesWithRisk { get; init; }

    /// <summary>The most trades in a row that won, in the order they closed.</summary>
    public int MaxConsecutiveWins { get; init; }

    /// <summary>The most trades in a row that lost, in the order they closed: the run of losses a trader must sit through.</summary>
    public int MaxConsecutiveLosses { get; init; }

    /// <summary>Mean time from entry to exit.</summary>
    public TimeSpan AverageHold { get; init; }

    /// <summary>A holding time as a person reads it: "3d 4h", "2h 15m", "45m", "20s".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span >= TimeSpan.FromDays(1)) return $"{(int)span.TotalDays}d {span.Hours}h";
        if (span >= TimeSpan.FromHours(1)) return $"{(int)span.TotalHours}h {span.Minutes}m";
        if (span >= TimeSpan.FromMinutes(1)) return $"{(int)span.TotalMinutes}m";
        return $"{(int)span.TotalSeconds}s";
    }

    public static TradeStatistics Of(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        decimal grossProfit = 0m, grossLoss = 0m, largestWin = 0m, largestLoss = 0m, net = 0m;
        int wins = 0, losses = 0, closed = 0;
        long heldTicks = 0;
        // Stable: trades that closed at one time keep their entry order.
        var inExitOrder = trades.Where(t => t.ExitTime is not null).OrderBy(t => t.ExitTime).ToList();
        var rs = inExitOrder.Where(t => t.R is not null).Select(t => t.R!.Value).ToList();
        foreach (var t in inExitOrder)
        {
            var exit = t.ExitTime!.Value;
            closed++;
            net += t.PnL;
            heldTicks += (exit - t.EntryTime).Ticks;
            if (t.PnL > 0m)
            {
                wins++;
                grossProfit += t.PnL;
                largestWin = Math.Max(largestWin, t.PnL);
            }
            else if (t.PnL < 0m)
            {
                losses++;
                grossLoss -= t.PnL;
                largestLoss = Math.Min(largestLoss, t.PnL);
            }
        }
        return new TradeStatistics
        {
            ProfitFactor = losses == 0 ? null : grossProfit / grossLoss,
            AverageWin = wins == 0 ? 0m : grossProfit / wins,
            AverageLoss = losses == 0 ? 0m : -grossLoss / losses,
            LargestWin = largestWin,
            LargestLoss = largestLoss,
            AverageHold = closed == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(heldTicks / closed),
            Expectancy = closed == 0 ? 0m : net / closed,
            MaxConsecutiveWins = Longest(inExitOrder, won: true),
            MaxConsecutiveLosses = Longest(inExitOrder, won: false),
            AverageR = rs.Count == 0 ? null : rs.Average(),
            TradesWithRisk = rs.Count,
            Kelly = wins == 0 || losses == 0 ? null
                : ((decimal)wins / (wins + losses)) - ((decimal)losses / (wins + losses) / (grossProfit / wins / (grossLoss / losses))),
        };
    }

    /// <summary>The longest run of winning (<paramref name="won"/>) or losing trades; anything else ends a run.</summary>
    private static int Longest(List<Trade> trades, bool won)
    {
        int longest = 0, run = 0;
        foreach (var t in trades)
        {
            run = (won ? t.PnL > 0m : t.PnL < 0m) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
