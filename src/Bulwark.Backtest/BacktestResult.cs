namespace Bulwark.Backtest;

public sealed record BacktestResult(
    decimal StartingCash,
    decimal FinalValue,
    decimal Cash,
    int BarsProcessed,
    int BarsSkipped,
    IReadOnlyList<BacktestOrder> Orders,
    IReadOnlyList<EquityPoint> EquityCurve)
{
    /// <summary>
    /// Strategies that threw during the run (source, symbol, time, error). The kernel switched each off and carried on,
    /// so a result with failures is not the strategy's result: callers report it as a failure.
    /// </summary>
    public IReadOnlyList<string> StrategyFailures { get; init; } = [];

    /// <summary>
    /// What the engine reported besides the orders, in the order it happened: alerts (strategies' notes among them),
    /// halts, circuit breaker trips, grid stops. At most <see cref="BacktestNotices.Kept"/>; <see cref="NoticeCounts"/>
    /// counts them all by code.
    /// </summary>
    public IReadOnlyList<BacktestNotice> Notices { get; init; } = [];

    /// <summary>Every notice of the run by code (ordinal order), including those beyond the kept ones.</summary>
    public IReadOnlyDictionary<string, int> NoticeCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>Per signal source (every strategy's, and the end-of-day flatten's if it ran), by name.</summary>
    public IReadOnlyList<BacktestSourceResult> Sources { get; init; } = [];

    /// <summary>What holding positions overnight cost (negative) or earned in all: the venue's financing charges.</summary>
    public decimal Financing { get; init; }

    /// <summary>What idle cash earned (or, at a negative rate, cost) in interest in all; in no trade's PnL.</summary>
    public decimal Interest { get; init; }

    /// <summary>What the positions received (longs) less what they paid (shorts) in dividends; in the trades' PnL.</summary>
    public decimal Dividends { get; init; }

    /// <summary>Each financing charge of <see cref="Financing"/> that named a symbol, and each dividend: the trades they fell in carry them.</summary>
    public IReadOnlyList<FinancingCharge> FinancingCharges { get; init; } = [];

    /// <summary>
    /// The yearly interest idle cash earned in the run, in percent by day (<see cref="BacktestOptions.CashInterest"/>):
    /// the risk-free rate its Sharpe and Sortino ratios measure returns in excess of.
    /// </summary>
    public Venues.Paper.CashRates CashInterest { get; init; } = Venues.Paper.CashRates.None;

    /// <summary>
    /// The time zone the exchange calendars of all the run's instruments keep ("America/New_York" for XNYS and XNAS), or
    /// null when they keep several.
    /// </summary>
    public TimeZoneInfo? ExchangeTimeZone { get; init; }

    /// <summary>The trading time of the run's markets, which annualises its per-bar figures (see <see cref="Core.Calendar.TradingYear.Widest"/>).</summary>
    public Core.Calendar.TradingYear Year { get; init; } = Core.Calendar.TradingYear.Equities;

    /// <summary>How the run filled market orders (<see cref="BacktestOptions.Fill"/>): at the next bar's open or at the close.</summary>
    public BacktestFill Fill { get; init; } = BacktestFill.NextOpen;

    public decimal TotalReturn => StartingCash == 0m ? 0m : (FinalValue - StartingCash) / StartingCash;

    /// <summary>What every fill paid in commission, summed (the trades' PnL is net of it, this says how much it took).</summary>
    public decimal Commission => Orders.Sum(o => o.Commission);

    /// <summary>What slippage and market impact cost every fill, summed (<see cref="BacktestOrder.Slippage"/>): inside the fill prices, so inside the trades' PnL.</summary>
    public decimal Slippage => Orders.Sum(o => o.Slippage);

    /// <summary>
    /// What the market and stop orders' fills cost against the prices they were decided at, summed
    /// (<see cref="BacktestOrder.ImplementationShortfall"/>): <see cref="Slippage"/> on those orders plus the market's move to each fill
    /// (the gap from a signal's close to the next open, an open through a stop).
    /// </summary>
    public decimal ImplementationShortfall => Orders.Sum(o => o.ImplementationShortfall);
    public int Buys => Orders.Count(o => o.Side == Core.Orders.OrderSide.Buy && o.FilledAt is not null);
    public int Sells => Orders.Count(o => o.Side == Core.Orders.OrderSide.Sell && o.FilledAt is not null);
}
