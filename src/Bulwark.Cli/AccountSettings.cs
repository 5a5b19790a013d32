using Bulwark.Backtest;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>Checked values of <see cref="AccountOptions"/>.</summary>
internal sealed record AccountSettings(decimal Cash, decimal Size, decimal CommissionPerFill, BacktestFill Fill,
    decimal Multiplier, decimal Margin)
{
    /// <summary>Commission parts besides the per-fill one, and slippage.</summary>
    public TradingCosts Costs { get; init; } = new(0m, 0m, 0m, 0m, 0m);

    /// <summary>How entries are sized when the command line said (--size, --notional, --percent-of-equity); null: not said.</summary>
    public SizingOptions? Sizing { get; init; }

    /// <summary>
    /// Refuses a sizing option for a strategy that sizes its own orders (the grid's levels have their own size), where
    /// it would be ignored without a word.
    /// </summary>
    /// <exception cref="UsageException">--size, --notional, --percent-of-equity, --risk-percent or --volatility-percent was given for such a strategy.</exception>
    public void CheckSizingApplies(string strategyName)
    {
        if (Sizing is not { } sizing || !StrategyCatalog.SizesItsOwnOrders(strategyName)) return;
        var option = sizing.Mode switch
        {
            SizingMode.FixedNotional => "--notional",
            SizingMode.PercentOfEquity => "--percent-of-equity",
            SizingMode.RiskPercent => "--risk-percent",
            SizingMode.Volatility => "--volatility-percent",
            _ => "--size",
        };
        throw new UsageException($"{option}: {strategyName} sizes its own orders; give its levels' size as --param size=N (and --param sizeScale=F for the outer levels)");
    }

    /// <summary>--max-position-percent: the most one position may hold in percent of the account's value; null: no cap.</summary>
    public decimal? MaxPositionPercent { get; init; }

    /// <summary>--max-gross-exposure: the most the book may hold in all, long and short alike, in percent of the account's value; null: no limit.</summary>
    public decimal? MaxGrossExposurePercent { get; init; }

    /// <summary>--max-group-exposure: the most one group of instruments may hold together, in percent of the account's value; null: no limit.</summary>
    public decimal? MaxGroupExposurePercent { get; init; }

    /// <summary>--max-group-exposure NAME=P: groups with a limit of their own, by name; empty when none.</summary>
    public GroupExposureLimits MaxGroupExposurePercents { get; init; }

    /// <summary>Whether --max-group-exposure was given at all.</summary>
    public bool LimitsGroups => MaxGroupExposurePercent is not null || MaxGroupExposurePercents.Count > 0;

    /// <summary>--max-open-positions: the most symbols the book may hold positions in at once; null: not said.</summary>
    public int? MaxOpenPositions { get; init; }

    /// <summary>--max-orders-per-day: the most orders sent in a trading day; null: not said.</summary>
    public int? MaxOrdersPerDay { get; init; }

    /// <summary>--max-orders-per-minute: the most orders sent in any minute; null: not said.</summary>
    public int? MaxOrdersPerMinute { get; init; }

    /// <summary>--cooldown-after-loss: how long entries in a symbol wait after a losing round trip there; null: not said.</summary>
    public TimeSpan? CooldownAfterLoss { get; init; }

    /// <summary>--drawdown-stop: the fall from the account's peak value, in percent, that switches the bot to reduce-only; null: not said.</summary>
    public decimal? MaxDrawdownPercent { get; init; }

    /// <summary>--max-position-loss: the open loss of one position, in percent of the account's value, that closes it; null: not said.</summary>
    public decimal? MaxPositionLossPercent { get; init; }

    /// <summary>--daily-loss-stop: the fall from the account's value when the day began, in percent, that stops new exposure for that day; null: not said.</summary>
    public decimal? MaxDailyLossPercent { get; init; }

    /// <summary>
    /// <paramref name="risk"/> (the backtest's own, which limits no size, when null) with the limits on the whole book
    /// given on the command line (--max-gross-exposure, --max-open-positions, --drawdown-stop, --daily-loss-stop,
    /// --cooldown-after-loss, --max-orders-per-day, --max-orders-per-minute, --max-position-loss, --max-group-exposure);
    /// <paramref name="risk"/> when none was.
    /// </summary>
    public RiskLimits? LimitBook(RiskLimits? risk)
    {
        if (MaxGrossExposurePercent is null && MaxOpenPositions is null && MaxDrawdownPercent is null && MaxDailyLossPercent is null
            && CooldownAfterLoss is null && MaxOrdersPerDay is null && MaxOrdersPerMinute is null && MaxPositionLossPercent is null && !LimitsGroups) return risk;
        var limits = risk ?? new RiskLimits { MaxPositionNotional = decimal.MaxValue / 4, MaxOrderNotional = decimal.MaxValue / 4 };
        if (MaxGrossExposurePercent is { } gross) limits = limits with { MaxGrossExposurePercent = gross };
        if (MaxGroupExposurePercent is { } group) limits = limits with { MaxGroupExposurePercent = group };
        if (MaxGroupExposurePercents.Count > 0) limits = limits with { MaxGroupExposurePercents = MaxGroupExposurePercents };
        if (MaxDrawdownPercent is { } drawdown) limits = limits with { MaxDrawdownPercent = drawdown };
        if (MaxDailyLossPercent is { } dailyLoss) limits = limits with { MaxDailyLossPercent = dailyLoss };
        if (MaxPositionLossPercent is { } positionLoss) limits = limits with { MaxPositionLossPercent = positionLoss };
        if (CooldownAfterLoss is { } cooldown) limits = limits with { CooldownAfterLoss = cooldown };
        if (MaxOrdersPerDay is { } orders) limits = limits with { MaxOrdersPerDay = orders };
        if (MaxOrdersPerMinute is { } perMinute) limits = limits with { MaxOrdersPerMinute = perMinute };
        return MaxOpenPositions is { } open ? limits with { MaxOpenPositions = open } : limits;
    }

    /// <summary>--max-portfolio-volatility: the most the book may swing in a year, in percent of the account's value; null: no cap.</summary>
    public decimal? MaxPortfolioVolatilityPercent { get; init; }

    /// <summary>--portfolio-volatility-trim: how far over the book's volatility cap positions are trimmed back to it; null: never.</summary>
    public decimal? PortfolioVolatilityTrimPercent { get; init; }

    /// <summary>
    /// <paramref name="sizing"/> with the cap on a position (--max-position-percent), on the book's volatility
    /// (--max-portfolio-volatility) and its trim (--portfolio-volatility-trim) when they were given. A trim needs a cap,
    /// written on the command line or configured.
    /// </summary>
    public SizingOptions CapPositions(SizingOptions sizing)
    {
        ArgumentNullException.ThrowIfNull(sizing);
        var capped = MaxPositionPercent is { } cap ? sizing with { MaxPercentOfEquity = cap } : sizing;
        if (MaxPortfolioVolatilityPercent is { } volatility) capped = capped with { MaxPortfolioVolatilityPercent = volatility };
        if (PortfolioVolatilityTrimPercent is not { } trim) return capped;
        return capped.MaxPortfolioVolatilityPercent is null
            ? throw new UsageException("--portfolio-volatility-trim trims the book back to its volatility cap: give --max-portfolio-volatility with it")
            : capped with { PortfolioVolatilityTrimPercent = trim };
    }

    /// <summary>Whether sells may exceed the position (false with --no-short: a cash account).</summary>
    public bool AllowShort { get; init; } = true;

    /// <summary>The instruments' tick as --tick-size gave it; null: each symbol's from its data (at most a cent).</summary>
    public decimal? TickSize { get; init; }

    /// <summary>The instruments' lot as --lot-size gave it; null: 1, or a satoshi's fraction for crypto.</summary>
    public decimal? LotSize { get; init; }

    /// <summary>When a bar fills a resting limit order: touching the limit, or trading through it (--limit-fill).</summary>
    public PaperLimitFill LimitFill { get; init; } = PaperLimitFill.Touch;

    /// <summary>The fraction of a bar's volume one order may fill (--volume-cap in percent); 1: no cap.</summary>
    public decimal MaxVolumeParticipation { get; init; } = 1m;

    /// <summary>The volume cap as the JSON says it: percent of a bar's volume, or null with none.</summary>
    public decimal? VolumeCapPercent => MaxVolumeParticipation >= 1m ? null : MaxVolumeParticipation * 100m;

    /// <summary>Yearly financing of longs held overnight, in percent of their value (--financing-long), symbols' own included.</summary>
    public FinancingSide FinancingLong { get; init; } = FinancingSide.None;

    /// <summary>The same for shorts (--financing-short).</summary>
    public FinancingSide FinancingShort { get; init; } = FinancingSide.None;

    /// <summary>Yearly interest on idle cash, in percent by day (--cash-interest); none by default.</summary>
    public CashRates CashInterest { get; init; } = CashRates.None;

    /// <summary>The part of the idle cash that earns no interest (--cash-interest-free); 0: all of it earns.</summary>
    public decimal CashInterestFree { get; init; }

    /// <summary>Cash dividends by symbol (--dividends), each symbol's by ex-date; none by default.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Dividends { get; init; } = PaperVenueOptions.NoDividends;

    /// <summary>The limit fill rule as the CLI spells it.</summary>
    public string LimitFillName => LimitFill == PaperLimitFill.Through ? "through" : "touch";

    /// <summary>The fill mode as the CLI spells it.</summary>
    public string FillName => Fill == BacktestFill.Close ? "close" : "next-open";

    /// <summary>What the JSON output says about commission and accounting.</summary>
    public object CommissionView => CommissionViewWith(Multiplier, Margin, Margin > 0m);

    /// <summary>
    /// The commission view for instruments that carry their own multiplier and margin (a configured bot's): futures
    /// accounting when any has a margin; the multiplier and margin when all share one, else null (see each instrument).
    /// </summary>
    public object CommissionViewOf(IReadOnlyCollection<Instrument> instruments) => CommissionViewWith(
        Shared(instruments.Select(i => i.Multiplier)), Shared(instruments.Select(i => i.InitialMargin)),
        instruments.Any(i => i.InitialMargin > 0m));

    private object CommissionViewWith(decimal? multiplier, decimal? margin, bool futures) => new
    {
        Model = futures ? "futures" : Costs.ModelName,
        PerFill = CommissionPerFill,
        Costs.PerShare,
        Costs.Percent,
        Costs.Minimum,
        Costs.MaximumPercent,
        Multiplier = multiplier,
        MarginPerContract = margin,
    };

    private static decimal? Shared(IEnumerable<decimal> values) => values.Distinct().ToList() is [var one] ? one : null;

    /// <summary>A backtest of <paramref name="instruments"/> with this account: its cash, size, commission, slippage and fill mode.</summary>
    public BacktestOptions BacktestOptions(IReadOnlyDictionary<string, Instrument> instruments) => new()
    {
        Instruments = instruments,
        Cash = Cash,
        Size = Size,
        // A cap alone caps the fixed --size too.
        Sizing = Sizing is { } sizing ? CapPositions(sizing)
            : MaxPositionPercent is null && MaxPortfolioVolatilityPercent is null && PortfolioVolatilityTrimPercent is null ? null
            : CapPositions(new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = Size }),
        Risk = LimitBook(null),
        CommissionPerFill = CommissionPerFill,
        CommissionPerShare = Costs.PerShare,
        CommissionPercent = Costs.Percent,
        MinimumCommission = Costs.Minimum,
        MaximumCommissionPercent = Costs.MaximumPercent,
        SlippageBps = Costs.SlippageBps,
        SlippageTicks = Costs.SlippageTicks,
        ImpactPercent = Costs.ImpactPercent,
        Fill = Fill,
        LimitFill = LimitFill,
        MaxVolumeParticipation = MaxVolumeParticipation,
        AllowShort = AllowShort,
        FinancingLongPercent = FinancingLong.Percent,
        FinancingShortPercent = FinancingShort.Percent,
        FinancingBySymbol = FinancingSide.BySymbolOf(FinancingLong, FinancingShort, [.. instruments.Keys]),
        CashInterest = CashInterest,
        CashInterestFreeBalance = CashInterestFree,
        Dividends = DividendsOf([.. instruments.Keys]),
    };

    /// <summary>The dividends of <paramref name="symbols"/>; a symbol of the file that is not one of them is a usage error.</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<Dividend>> DividendsOf(IReadOnlyCollection<string> symbols)
    {
        var unknown = Dividends.Keys.Where(s => !symbols.Contains(s)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"--dividends: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an instrument" : "are not instruments")} of this run; its instruments: {string.Join(", ", symbols.Order(StringComparer.Ordinal))}");
        return Dividends;
    }

    /// <summary>What the JSON output says about slippage.</summary>
    public object SlippageView => new { Bps = Costs.SlippageTicks > 0m ? 0m : Costs.SlippageBps, Ticks = Costs.SlippageTicks, Costs.ImpactPercent };
}
