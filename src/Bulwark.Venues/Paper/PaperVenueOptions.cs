namespace Bulwark.Venues.Paper;

/// <summary>
/// How the paper venue charges, slips and fills. Commission parts are added together per fill, then raised to
/// <see cref="MinimumPerFill"/>, then capped at <see cref="MaximumPercentOfNotional"/>.
/// </summary>
public sealed record PaperVenueOptions
{
    /// <summary>Cash of a new account. Only used when the database file is created; an existing file keeps its cash.</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>Commission per unit of quantity filled.</summary>
    public decimal PerShare { get; init; }

    /// <summary>Commission in percent of the fill's notional: 0.1 means 0.1 % (10 bps).</summary>
    public decimal PercentOfNotional { get; init; }

    /// <summary>Flat commission per fill.</summary>
    public decimal PerFill { get; init; }

    /// <summary>The least commission one fill pays.</summary>
    public decimal MinimumPerFill { get; init; }

    /// <summary>
    /// The most commission one fill pays, in percent of its notional (1 means 1 %), after the minimum: a broker's cap on
    /// a per-share charge (1 % of the trade's value at Interactive Brokers), which the cheapest shares reach first and
    /// which wins over the minimum when the two cross. Null: no cap.
    /// </summary>
    public decimal? MaximumPercentOfNotional { get; init; }

    /// <summary>Adverse slippage of market and stop fills, in basis points of the reference price. Ignored when <see cref="SlippageTicks"/> is positive.</summary>
    public decimal SlippageBps { get; init; } = 5m;

    /// <summary>
    /// Market impact of market and stop fills, in percent of the price at a fill of a whole bar's volume: a fill of
    /// quantity q in a bar of volume V moves the price against the order by <c>ImpactPercent × sqrt(q / V)</c> percent
    /// (the square-root law of impact), on top of <see cref="SlippageBps"/> or <see cref="SlippageTicks"/>. So a large
    /// order in a thin bar pays more than a small one in a busy bar. 0 (the default) is none; a bar with no volume adds none.
    /// </summary>
    public decimal ImpactPercent { get; init; }

    /// <summary>Adverse slippage of market and stop fills, in ticks of the instrument. When positive it replaces <see cref="SlippageBps"/>.</summary>
    public decimal SlippageTicks { get; init; }

    /// <summary>
    /// The fraction of a bar's volume one order may take in that bar, in (0, 1]. 1 means no cap. A bar with volume 0 is
    /// read as "volume unknown" (many feeds carry none) and does not cap fills.
    /// </summary>
    public decimal MaxVolumeParticipation { get; init; } = 1m;

    /// <summary>When accepted market orders fill: at the next bar's open (default) or at once at the last price.</summary>
    public PaperMarketFill MarketFill { get; init; } = PaperMarketFill.NextOpen;

    /// <summary>When a bar fills a resting limit order: when it touches the limit (default) or trades through it.</summary>
    public PaperLimitFill LimitFill { get; init; } = PaperLimitFill.Touch;

    /// <summary>When false, a sell larger than the long position not already promised to open sells is rejected.</summary>
    public bool AllowShort { get; init; } = true;

    /// <summary>
    /// Yearly cost of holding a long position, in percent of its value at the last close (5 means 5 % a year): a leveraged
    /// long's interest, a pair's or a perpetual's long carry. Charged for every calendar day the position is held into
    /// a new day, over <see cref="FinancingDaysPerYear"/> days. Negative earns. 0 (the default) charges nothing.
    /// </summary>
    public decimal FinancingLongPercent { get; init; }

    /// <summary>The same for a short position: a share's borrow fee, a pair's or a perpetual's short carry.</summary>
    public decimal FinancingShortPercent { get; init; }

    /// <summary>
    /// Yearly interest the account's idle cash earns, in percent (4.5 means 4.5 % a year), paid for every calendar day
    /// it is held into a new day at that day's rate, over <see cref="FinancingDaysPerYear"/> days, as a broker pays on a
    /// credit balance.
    /// Idle cash is the cash at the last close, plus the margin margined positions hold (still the account's money), less
    /// the proceeds of short sales of instruments that are not margined (their value at the last close): a broker holds
    /// those against the short. A debit balance pays nothing here
    /// (<see cref="FinancingLongPercent"/> charges a leveraged long's interest). Negative charges, as a deposit at a
    /// negative rate does. <see cref="CashRates.None"/> (the default) pays nothing.
    /// </summary>
    public CashRates CashInterest { get; init; } = CashRates.None;

    /// <summary>
    /// The part of the idle cash that earns nothing, as a broker pays no interest on a first slice of a balance
    /// (Interactive Brokers: the first 10,000 of the base currency): interest is paid on the idle cash above it. 0 (the
    /// default): all of it earns.
    /// </summary>
    public decimal CashInterestFreeBalance { get; init; }

    /// <summary>
    /// Cash dividends by symbol, each symbol's in ascending ex-date order: a position held at the close before an ex-date
    /// receives (a long) or pays (a short) the dividend per share at its first bar after (see <see cref="PaperDividends"/>).
    /// None by default.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Dividends { get; init; } = NoDividends;

    /// <summary>No dividends: the default of <see cref="Dividends"/>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Dividend>> NoDividends =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, IReadOnlyList<Dividend>>.Empty;

    /// <summary>The days a year's financing is spread over.</summary>
    public const int FinancingDaysPerYear = 365;

    /// <summary>
    /// Rates of particular symbols in place of <see cref="FinancingLongPercent"/> and <see cref="FinancingShortPercent"/>
    /// (a hard-to-borrow share's fee, one pair's swap), both sides given: a symbol not here pays those.
    /// </summary>
    public IReadOnlyDictionary<string, FinancingRates> FinancingBySymbol { get; init; } = NoSymbolRates;

    private static readonly IReadOnlyDictionary<string, FinancingRates> NoSymbolRates = new Dictionary<string, FinancingRates>(StringComparer.Ordinal);

    /// <summary>The rates <paramref name="symbol"/>'s positions pay.</summary>
    public FinancingRates FinancingFor(string symbol) => FinancingBySymbol.TryGetValue(symbol, out var rates)
        ? rates
        : new FinancingRates(FinancingLongPercent, FinancingShortPercent);

    /// <summary>True when holding some position overnight costs or earns anything.</summary>
    public bool ChargesFinancing => FinancingRates.AnyCharge(FinancingLongPercent, FinancingShortPercent, FinancingBySymbol);

    /// <summary>Every problem with these options, each named by its property; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InitialCash < 0m) problems.Add($"{nameof(InitialCash)} must not be negative (was {InitialCash}).");
        if (PerShare < 0m) problems.Add($"{nameof(PerShare)} must not be negative (was {PerShare}).");
        if (PercentOfNotional < 0m) problems.Add($"{nameof(PercentOfNotional)} must not be negative (was {PercentOfNotional}).");
        if (PerFill < 0m) problems.Add($"{nameof(PerFill)} must not be negative (was {PerFill}).");
        if (MinimumPerFill < 0m) problems.Add($"{nameof(MinimumPerFill)} must not be negative (was {MinimumPerFill}).");
        if (MaximumPercentOfNotional is <= 0m or > 100m)
            problems.Add($"{nameof(MaximumPercentOfNotional)} must be above 0 and at most 100 percent (was {MaximumPercentOfNotional}).");
        if (SlippageBps < 0m) problems.Add($"{nameof(SlippageBps)} must not be negative (was {SlippageBps}).");
        if (SlippageTicks < 0m) problems.Add($"{nameof(SlippageTicks)} must not be negative (was {SlippageTicks}).");
        if (ImpactPercent is < 0m or > 100m) problems.Add($"{nameof(ImpactPercent)} must be from 0 to 100 percent (was {ImpactPercent}).");
        if (!Enum.IsDefined(MarketFill)) problems.Add($"{nameof(MarketFill)} is not a known fill mode (was {MarketFill}).");
        if (!Enum.IsDefined(LimitFill)) problems.Add($"{nameof(LimitFill)} is not a known limit fill rule (was {LimitFill}).");
        if (!FinancingRates.IsValid(FinancingLongPercent))
            problems.Add($"{nameof(FinancingLongPercent)} must be in [-100, 100] percent a year (was {FinancingLongPercent}).");
        if (!FinancingRates.IsValid(FinancingShortPercent))
            problems.Add($"{nameof(FinancingShortPercent)} must be in [-100, 100] percent a year (was {FinancingShortPercent}).");
        if (CashInterestFreeBalance < 0m) problems.Add($"{nameof(CashInterestFreeBalance)} must be >= 0 (was {CashInterestFreeBalance}).");
        foreach (var step in CashInterest.StepList.Where(s => !FinancingRates.IsValid(s.Percent)))
        {
            problems.Add(CashInterest.FixedPercent is null
                ? $"{nameof(CashInterest)} from {step.From:yyyy-MM-dd} must be in [-100, 100] percent a year (was {step.Percent})."
                : $"{nameof(CashInterest)} must be in [-100, 100] percent a year (was {step.Percent}).");
        }
        foreach (var (symbol, rates) in FinancingBySymbol)
        {
            if (!FinancingRates.IsValid(rates.LongPercent))
                problems.Add($"{nameof(FinancingBySymbol)}[{symbol}].{nameof(rates.LongPercent)} must be in [-100, 100] percent a year (was {rates.LongPercent}).");
            if (!FinancingRates.IsValid(rates.ShortPercent))
                problems.Add($"{nameof(FinancingBySymbol)}[{symbol}].{nameof(rates.ShortPercent)} must be in [-100, 100] percent a year (was {rates.ShortPercent}).");
        }
        foreach (var (symbol, dividends) in Dividends)
            for (var i = 0; i < dividends.Count; i++)
            {
                if (dividends[i].PerShare <= 0m)
                    problems.Add($"{nameof(Dividends)}[{symbol}] on {dividends[i].ExDate:yyyy-MM-dd} must pay more than 0 a share (was {dividends[i].PerShare}).");
                if (i > 0 && dividends[i].ExDate <= dividends[i - 1].ExDate)
                    problems.Add($"{nameof(Dividends)}[{symbol}] must be in ascending ex-date order, once each ({dividends[i].ExDate:yyyy-MM-dd} follows {dividends[i - 1].ExDate:yyyy-MM-dd}).");
            }
        if (MaxVolumeParticipation is <= 0m or > 1m)
            problems.Add($"{nameof(MaxVolumeParticipation)} must be in (0, 1] (was {MaxVolumeParticipation}).");
        return problems;
    }

    internal decimal CommissionFor(decimal quantity, decimal notional)
    {
        var commission = Math.Max((PerShare * Math.Abs(quantity)) + (notional * PercentOfNotional / 100m) + PerFill, MinimumPerFill);
        return MaximumPercentOfNotional is { } cap ? Math.Min(commission, Math.Abs(notional) * cap / 100m) : commission;
    }

    /// <summary>
    /// The market impact of a fill of <paramref name="quantity"/> in a bar that traded <paramref name="barVolume"/>, as a
    /// fraction of the price (see <see cref="ImpactPercent"/>); 0 without impact or volume.
    /// </summary>
    internal decimal ImpactAt(decimal quantity, decimal barVolume) =>
        ImpactPercent == 0m || barVolume <= 0m || quantity <= 0m ? 0m
            : ImpactPercent / 100m * (decimal)Math.Sqrt((double)(quantity / barVolume));

    /// <summary>The adverse price move of one market or stop fill at <paramref name="price"/>.</summary>
    internal decimal SlippageAt(decimal price, decimal tickSize) =>
        SlippageTicks > 0m ? SlippageTicks * tickSize : price * SlippageBps / 10_000m;
}
