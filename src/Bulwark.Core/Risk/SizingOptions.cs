namespace Bulwark.Core.Risk;

public sealed record SizingOptions
{
    public SizingMode Mode { get; init; } = SizingMode.FixedQuantity;

    /// <summary>Units per entry, for <see cref="SizingMode.FixedQuantity"/>.</summary>
    public decimal Quantity { get; init; } = 1m;

    /// <summary>Account-currency notional per entry, for <see cref="SizingMode.FixedNotional"/>.</summary>
    public decimal Notional { get; init; } = 1_000m;

    /// <summary>Percent of equity per entry, for <see cref="SizingMode.PercentOfEquity"/>.</summary>
    public decimal PercentOfEquity { get; init; } = 5m;

    /// <summary>
    /// Percent of equity an entry may lose at its protective stop, for <see cref="SizingMode.RiskPercent"/>; never more
    /// than the account's value buys.
    /// </summary>
    public decimal RiskPercent { get; init; } = 1m;

    /// <summary>
    /// Percent of equity one average true range of the symbol moves an entry by, for <see cref="SizingMode.Volatility"/>;
    /// never more than the account's value buys.
    /// </summary>
    public decimal VolatilityPercent { get; init; } = 1m;

    /// <summary>Bars of the average true range <see cref="SizingMode.Volatility"/> sizes by (Wilder's, as the stops' ATR).</summary>
    public int VolatilityPeriod { get; init; } = 20;

    /// <summary>
    /// The most one position may hold, in percent of the account's value at its price (its notional: price times
    /// multiplier), whatever the mode sized: a tight stop or a calm market would otherwise size a position to the whole
    /// account. Null: no cap beyond what each mode has.
    /// </summary>
    public decimal? MaxPercentOfEquity { get; init; }

    /// <summary>
    /// The most the whole book's value may swing in a year, in percent of the account's value (one standard deviation,
    /// annualised from the bars' interval): an entry is cut to the largest size that keeps the book's estimated volatility
    /// within it, given the positions already held and how their returns move together (<see cref="ReturnCovariance"/>,
    /// <see cref="PortfolioVolatilityCap"/>). Null: no cap. Sizing by volatility sizes each symbol alone; this caps their sum,
    /// so two symbols that move together do not double the risk.
    /// </summary>
    public decimal? MaxPortfolioVolatilityPercent { get; init; }

    /// <summary>Bar times of returns the portfolio cap waits for before it sizes an entry (the estimate's warm-up).</summary>
    public int PortfolioVolatilityBars { get; init; } = 20;

    /// <summary>
    /// Trims the book back to <see cref="MaxPortfolioVolatilityPercent"/> once its estimated volatility has risen this
    /// percent over the cap (20: above 1.2 times it): at each symbol's next bar every position held by a signal source is
    /// cut by the same fraction, the cap over the estimate, so a book that was within the cap when it was entered does not
    /// stay over it when the market turns wild or its symbols start moving together. The band keeps the book from trading
    /// at every small rise. Null: the cap only sizes entries. In (0, 1000]; it needs the cap.
    /// </summary>
    public decimal? PortfolioVolatilityTrimPercent { get; init; }

    /// <summary>Why a trim without a cap is refused, after the parameter's name.</summary>
    public const string TrimNeedsACap = "trims the book back to its volatility cap: give maxPortfolioVolatilityPercent with it";

    /// <summary>Whether an entry's size grows and shrinks with the account's value (so the kernel works it out for each signal).</summary>
    public bool ScalesWithEquity() => Mode is SizingMode.PercentOfEquity or SizingMode.RiskPercent or SizingMode.Volatility;

    /// <summary>Whether a size needs the account's value: a mode that scales with it, or a cap in percent of it.</summary>
    public bool NeedsEquity() => ScalesWithEquity() || MaxPercentOfEquity is not null || MaxPortfolioVolatilityPercent is not null;

    /// <summary>
    /// Whether a source with <paramref name="protection"/> can never be sized: sizing by risk needs a stop to measure the
    /// risk to, and it keeps none.
    /// </summary>
    public bool CannotSize(ProtectiveStop? protection) => Mode == SizingMode.RiskPercent && protection is not { HasStop: true };

    /// <summary>Scale sized quantities by each signal source's adaptive weight.</summary>
    public bool UseAdaptiveWeights { get; init; }
}
