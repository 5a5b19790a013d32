using Bulwark.Core.Calendar;
using Bulwark.Core.Execution;
using Bulwark.Core.Journal;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Backtest;

public sealed record BacktestOptions
{
    public required IReadOnlyDictionary<string, Instrument> Instruments { get; init; }
    public decimal Cash { get; init; } = 10_000m;

    /// <summary>Units per entry (fixed-quantity sizing); ignored when <see cref="Sizing"/> is given.</summary>
    public decimal Size { get; init; } = 1m;

    /// <summary>
    /// Commission per fill, paid from cash. An instrument with an initial margin is accounted futures-like (margin posted
    /// per contract, marked to market at every close); its multiplier and margin come with the instrument.
    /// </summary>
    public decimal CommissionPerFill { get; init; }

    /// <summary>Commission per unit filled (per share, per contract).</summary>
    public decimal CommissionPerShare { get; init; }

    /// <summary>Commission in percent of a fill's notional: 0.1 means 0.1 %.</summary>
    public decimal CommissionPercent { get; init; }

    /// <summary>The least one fill pays, after the parts above are added up.</summary>
    public decimal MinimumCommission { get; init; }

    /// <summary>The most one fill pays, in percent of its notional, after the minimum; null: no cap (see <see cref="Venues.Paper.PaperVenueOptions.MaximumPercentOfNotional"/>).</summary>
    public decimal? MaximumCommissionPercent { get; init; }

    /// <summary>Adverse slippage of market and stop fills in basis points of the price (0 by default in backtests).</summary>
    public decimal SlippageBps { get; init; }

    /// <summary>Market impact of market and stop fills (see <see cref="Venues.Paper.PaperVenueOptions.ImpactPercent"/>); 0 is none.</summary>
    public decimal ImpactPercent { get; init; }

    /// <summary>Adverse slippage in ticks of the instrument; when above 0 it replaces <see cref="SlippageBps"/>.</summary>
    public decimal SlippageTicks { get; init; }

    /// <summary>
    /// The largest fraction (0, 1] of a bar's volume one order may fill in that bar; 1 (the default) is no cap. A bar
    /// with volume 0 (volume unknown) does not cap.
    /// </summary>
    public decimal MaxVolumeParticipation { get; init; } = 1m;

    /// <summary>
    /// Whether the account may sell more than it holds (the default, as a margin account may). False: a cash account,
    /// whose venue rejects a sell larger than the long position not already on sale.
    /// </summary>
    public bool AllowShort { get; init; } = true;

    /// <summary>
    /// Yearly cost of holding a long overnight, in percent of its value (interest on a leveraged long, a pair's swap, a
    /// perpetual's funding); charged per calendar day held into a new day. Negative earns. 0: none.
    /// </summary>
    public decimal FinancingLongPercent { get; init; }

    /// <summary>The same for a short (a share's borrow fee, a pair's or a perpetual's short carry).</summary>
    public decimal FinancingShortPercent { get; init; }

    /// <summary>Symbols' own rates, both sides, in place of <see cref="FinancingLongPercent"/> and <see cref="FinancingShortPercent"/>.</summary>
    public IReadOnlyDictionary<string, Venues.Paper.FinancingRates> FinancingBySymbol { get; init; } =
        new Dictionary<string, Venues.Paper.FinancingRates>(StringComparer.Ordinal);

    /// <summary>
    /// Yearly interest idle cash earns, in percent, for each calendar day it is held into a new day: the cash less
    /// short sales' proceeds (margin posted counts as cash), as a broker pays on a credit balance, at each day's rate
    /// (one rate, or a schedule that changes over time). Negative charges. <see cref="Venues.Paper.CashRates.None"/>: none.
    /// </summary>
    public Venues.Paper.CashRates CashInterest { get; init; } = Venues.Paper.CashRates.None;

    /// <summary>The part of the idle cash that earns no interest (<see cref="Venues.Paper.PaperVenueOptions.CashInterestFreeBalance"/>).</summary>
    public decimal CashInterestFreeBalance { get; init; }

    /// <summary>
    /// Cash dividends by symbol in ascending ex-date order (--dividends): a position held at the close before an ex-date
    /// receives (long) or pays (short) the dividend per share. None by default. Not with adjusted prices, which hold them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Venues.Paper.Dividend>> Dividends { get; init; } =
        new Dictionary<string, IReadOnlyList<Venues.Paper.Dividend>>(StringComparer.Ordinal);

    /// <summary>True when some position held overnight pays or earns financing.</summary>
    public bool ChargesFinancing => Venues.Paper.FinancingRates.AnyCharge(FinancingLongPercent, FinancingShortPercent, FinancingBySymbol);

    /// <summary>Resting limit orders fill when a bar touches the limit (default) or only when it trades through it.</summary>
    public Venues.Paper.PaperLimitFill LimitFill { get; init; } = Venues.Paper.PaperLimitFill.Touch;

    /// <summary>Market orders fill at the next bar's open (default) or at the signal bar's close.</summary>
    public BacktestFill Fill { get; init; } = BacktestFill.NextOpen;

    /// <summary>Skip bars outside the instrument's exchange sessions (opt out for synthetic or 24/7 data).</summary>
    public bool EnforceTradingHours { get; init; } = true;

    /// <summary>Which account values the result keeps: every bar by default; sample it for runs of millions of bars.</summary>
    public EquityCurveSampling EquityCurve { get; init; } = EquityCurveSampling.EveryBar;

    /// <summary>Bars are added here as the run goes (for a progress display); several runs may share one.</summary>
    public BacktestProgress? Progress { get; init; }

    /// <summary>
    /// A journal that also receives every event of the run, e.g. a SQLite file to inspect or verify afterwards. It must
    /// be empty; the caller owns and disposes it. Null (the default): only what the result needs is kept.
    /// </summary>
    public IEventJournal? Journal { get; init; }

    /// <summary>
    /// Bars before the run, in time order, shown to the strategies only (the kernel's <see cref="Core.Kernel.Commands.WarmUpBar"/>,
    /// see <see cref="Core.Strategies.WarmUpContext"/>), so their indicators are warm at the first bar traded, as a live
    /// bot's are: a walk-forward's test window warms up on its train window. They reach neither the venue nor the
    /// journal and are not in the results.
    /// </summary>
    public IReadOnlyList<Core.Model.Bar> WarmUpBars { get; init; } = [];

    /// <summary>Calendars by exchange code (with overrides); missing codes use the built-in ones.</summary>
    public IReadOnlyDictionary<string, IExchangeCalendar> Calendars { get; init; } =
        new Dictionary<string, IExchangeCalendar>(StringComparer.Ordinal);

    // Kernel settings, for backtesting a configured bot with its own rules. Each defaults to what a one-strategy
    // research backtest has always used, so a caller that sets none of them gets exactly the results it got before.

    /// <summary>The kernel's bot id: the prefix of every ClientOrderId of the run.</summary>
    public string BotId { get; init; } = "backtest";

    /// <summary>The account's currency, as the journal's AccountInitialized records it (a configured bot's venue.currency).</summary>
    public string Currency { get; init; } = Core.Model.Money.DefaultCurrency;

    /// <summary>How entries are sized (mode, amount, adaptive weights). Null: a fixed quantity of <see cref="Size"/>.</summary>
    public SizingOptions? Sizing { get; init; }

    /// <summary>The share of its size each signal source trades, in percent (a bot's strategies' <c>allocationPercent</c>); none: all of it.</summary>
    public IReadOnlyDictionary<string, decimal>? AllocationPercents { get; init; }

    /// <summary>The sizing the run uses: <see cref="Sizing"/>, or a fixed quantity of <see cref="Size"/>.</summary>
    public SizingOptions EffectiveSizing => Sizing ?? new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = Size };

    /// <summary>Position, order, daily-loss and losing-streak limits. Null: no limit.</summary>
    public RiskLimits? Risk { get; init; }

    /// <summary>Limits fills are checked against (a fill outside them still applies and raises an alert). Null: no age limit.</summary>
    public FillValidationOptions? FillValidation { get; init; }

    /// <summary>The kernel's data quality stops; a backtest checks jumps only (staleness needs a running bot's timer). Null: none.</summary>
    public Core.MarketData.DataQualityOptions? DataQuality { get; init; }

    /// <summary>Trading days of no new exposure (and of none held, for rows that exit): <c>--blackouts</c>, a bot's <c>blackouts</c>. Null: none.</summary>
    public Blackouts? Blackouts { get; init; }

    /// <summary>
    /// The kernel's exchange hours: with <see cref="TradingHoursOptions.Enforce"/>, signals for a closed market are
    /// denied and intraday positions are flattened before a close, swing sources exempt; it uses
    /// <see cref="Calendars"/>. Its <see cref="TradingHoursOptions.Extended"/> also widens what
    /// <see cref="EnforceTradingHours"/> keeps of intraday bars. Null: not enforced in the kernel (bars outside
    /// sessions are only skipped, see <see cref="EnforceTradingHours"/>).
    /// </summary>
    public TradingHoursOptions? TradingHours { get; init; }
}
