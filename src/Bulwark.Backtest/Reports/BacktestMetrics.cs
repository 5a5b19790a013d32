namespace Bulwark.Backtest.Reports;

/// <summary>
/// The results of a backtest (see <see cref="MetricsCalculator"/> for the definitions). Money and fractions of money
/// are decimal; Cagr, Sharpe, Sortino and BarsPerYear are ratios computed in double, never NaN or infinite.
/// </summary>
public sealed record BacktestMetrics
{
    public required decimal FinalValue { get; init; }
    public required decimal Cash { get; init; }
    public required decimal TotalReturn { get; init; }
    public required double Cagr { get; init; }
    public required double Sharpe { get; init; }
    public required double Sortino { get; init; }

    /// <summary>The largest fall from a running peak, as a fraction of that peak (0.25 = 25%).</summary>
    public required decimal MaxDrawdown { get; init; }
    public required DateTimeOffset? MaxDrawdownPeak { get; init; }
    public required DateTimeOffset? MaxDrawdownTrough { get; init; }

    /// <summary>When the curve first got back to the peak after the trough; null when it never did.</summary>
    public required DateTimeOffset? MaxDrawdownRecovery { get; init; }

    /// <summary>Closed round trips.</summary>
    public required int Trades { get; init; }
    public required int OpenTrades { get; init; }

    /// <summary>Winning closed trades over closed trades; 0 when nothing closed.</summary>
    public required decimal WinRate { get; init; }

    /// <summary>Profit factor, average and largest win and loss, average holding time of the closed trades.</summary>
    public required TradeStatistics TradeStats { get; init; }

    /// <summary>
    /// What holding the data would have returned: per symbol, its last close over its first open minus 1, averaged
    /// over the symbols (equal weights, no costs). The yardstick a strategy's total return is read against.
    /// </summary>
    public required decimal BuyAndHoldReturn { get; init; }

    /// <summary>Fraction of bars after which some position was held.</summary>
    public required decimal Exposure { get; init; }

    /// <summary>Sum of filled notional over the average account value.</summary>
    public required decimal Turnover { get; init; }

    /// <summary>The annualisation factor inferred from the bar spacing (252 for daily bars).</summary>
    public required double BarsPerYear { get; init; }

    /// <summary>Every round trip (closed and open) in entry order.</summary>
    public required IReadOnlyList<Trade> TradeList { get; init; }
}
