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

    /// <summary>Annualised standard deviation of the per-bar returns (0.2 = 20% a year).</summary>
    public required double Volatility { get; init; }

    /// <summary>CAGR over max drawdown; 0 when the curve never fell.</summary>
    public required double Calmar { get; init; }

    /// <summary>The longest time under water, whatever its depth: from its peak to the first point back at it.</summary>
    public required DateTimeOffset? LongestDrawdownStart { get; init; }

    /// <summary>Where the longest time under water ended: back at the peak, or the last point if it never got back.</summary>
    public required DateTimeOffset? LongestDrawdownEnd { get; init; }

    /// <summary>Whether the curve got back to the peak of its longest time under water.</summary>
    public required bool LongestDrawdownRecovered { get; init; }

    /// <summary>The length of the longest time under water (zero when the curve never fell).</summary>
    public TimeSpan LongestDrawdown => LongestDrawdownEnd - LongestDrawdownStart ?? TimeSpan.Zero;

    /// <summary>Each calendar month's return, each year followed by its whole-year row (see <see cref="MonthlyReturn"/>).</summary>
    public required IReadOnlyList<MonthlyReturn> MonthlyReturns { get; init; }

    /// <summary>Closed round trips.</summary>
    public required int Trades { get; init; }
    public required int OpenTrades { get; init; }

    /// <summary>Closed trades a protective stop closed (see <see cref="Trade.StoppedOut"/>).</summary>
    public int StoppedOut { get; init; }

    /// <summary>Closed trades a take-profit closed (see <see cref="Trade.TookProfit"/>).</summary>
    public int TookProfit { get; init; }

    /// <summary>Trades (closed or open) a take-profit scaled out of before they closed (see <see cref="Trade.ScaledOut"/>).</summary>
    public int ScaledOut { get; init; }

    /// <summary>The take-profits that scaled out of those trades, every step of a ladder counted (<see cref="Trade.ScaleOuts"/>).</summary>
    public int ScaleOuts { get; init; }

    /// <summary>Closed trades a time stop closed (see <see cref="Trade.TimedOut"/>).</summary>
    public int TimedOut { get; init; }

    /// <summary>Closed trades the loss limit per position closed (see <see cref="Trade.LossLimited"/>).</summary>
    public int LossLimited { get; init; }

    /// <summary>Closed trades a blackout that exits closed (see <see cref="Trade.BlackedOut"/>).</summary>
    public int BlackedOut { get; init; }

    /// <summary>The spread of the closed trades resampled in another order (--monte-carlo); null when not asked or too few trades.</summary>
    public MonteCarloResult? MonteCarlo { get; init; }

    /// <summary>The run against a benchmark's closes (--benchmark); null when none was given.</summary>
    public BenchmarkResult? Benchmark { get; init; }

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

    /// <summary>The annualisation factor inferred from the bar spacing and the markets' trading time (252 for daily bars of US equities, 365.25 for crypto).</summary>
    public required double BarsPerYear { get; init; }

    /// <summary>What each traded symbol's round trips came to (see <see cref="SymbolStatistics"/>), in ordinal order.</summary>
    public IReadOnlyList<SymbolStatistics> BySymbol { get; init; } = [];

    /// <summary>The per-bar returns' tail (value at risk, expected shortfall, skewness, kurtosis) and the Ulcer index (see <see cref="ReturnRisk"/>).</summary>
    public ReturnRisk Risk { get; init; } = ReturnRisk.None;

    /// <summary>The Sharpe ratio over a moving quarter year (see <see cref="Reports.RollingSharpe"/>); null for a run shorter than two such windows.</summary>
    public RollingSharpe? RollingSharpe { get; init; }

    /// <summary>What each side's round trips came to (see <see cref="SideStatistics"/>): long first, only the sides that traded.</summary>
    public IReadOnlyList<SideStatistics> BySide { get; init; } = [];

    /// <summary>The closed trades by the weekday they were entered on, Monday first (see <see cref="EntryTimeStatistics"/>).</summary>
    public IReadOnlyList<EntryTimeStatistics> ByEntryWeekday { get; init; } = [];

    /// <summary>The closed trades by the hour of the day (in <see cref="EntryTimeZone"/>) they were entered in; empty when all were entered at one time of day.</summary>
    public IReadOnlyList<EntryTimeStatistics> ByEntryHour { get; init; } = [];

    /// <summary>
    /// The zone <see cref="ByEntryWeekday"/> and <see cref="ByEntryHour"/> read entry times in: the exchange's (its IANA id,
    /// "America/New_York") for an intraday run whose instruments' exchange calendars all keep that zone, else "UTC" (daily
    /// bars keep the date they are stamped with).
    /// </summary>
    public string EntryTimeZone { get; init; } = "UTC";

    /// <summary>What fixed stops at the closed trades' typical adverse excursions would have done (see <see cref="StopAnalysis"/>).</summary>
    public IReadOnlyList<StopLevel> StopAnalysis { get; init; } = [];

    /// <summary>Every round trip (closed and open) in entry order.</summary>
    public required IReadOnlyList<Trade> TradeList { get; init; }
}
