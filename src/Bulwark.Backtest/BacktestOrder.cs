using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Backtest;

/// <summary>One order of a backtest: when and at what price it was decided, and when and how it filled.</summary>
public sealed record BacktestOrder(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    DateTimeOffset CreatedAt,
    decimal CreatePrice,
    DateTimeOffset? FilledAt,
    decimal? FillPrice,
    decimal Commission)
{
    /// <summary>
    /// The quantity executed, at <see cref="FillPrice"/> on average: <see cref="Quantity"/> when the order filled whole,
    /// less when part of it filled and the rest was canceled, expired or still working when the run ended (volume caps), 0
    /// when nothing filled. Trades, exposure and turnover count this. Not given, an order with a fill time filled whole.
    /// </summary>
    public decimal Filled
    {
        get => _filled ?? (FilledAt is null ? 0m : Quantity);
        init => _filled = value;
    }

    private readonly decimal? _filled;

    /// <summary>
    /// What slippage and market impact cost the order's fills, in money (adverse positive): against the bar's open for a
    /// market order (the close with close fills), the stop's level or the open through it for a stop; 0 for a limit, which
    /// fills at its price or better. Already in <see cref="FillPrice"/>: this says how much of it the costs were.
    /// </summary>
    public decimal Slippage { get; init; }

    /// <summary>
    /// What the fills cost against <see cref="CreatePrice"/>, the price the order was decided at (see
    /// <see cref="Core.Execution.DecisionShortfall"/>): for a market order the signal bar's close, for a stop its level;
    /// <see cref="Slippage"/> plus the market's move to the fill. 0 for a limit and for an order that did not fill.
    /// Derived, not stored: a run's million orders carry no more for it.
    /// </summary>
    public decimal ImplementationShortfall => Core.Execution.DecisionShortfall.Applies(Type) && FillPrice is { } price && Filled > 0m
        ? Core.Execution.DecisionShortfall.Of(Side, CreatePrice, price, Filled, Multiplier)
        : 0m;

    /// <summary>The instrument's contract multiplier at the fill: a price move is worth this much per unit (1 for shares).</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Market for a signal's order, limit for a grid's level, stop for a protective stop (its <see cref="CreatePrice"/> is the stop price).</summary>
    public OrderType Type { get; init; } = OrderType.Market;

    /// <summary>
    /// Why the engine placed an order that is not a signal's: <c>protective-stop</c> or <c>take-profit</c> for the kernel's
    /// protective exits, a grid's level label for the grid's. Null for a signal's order.
    /// </summary>
    public string? Tag { get; init; }

    /// <summary>True when the order was canceled (a protective exit replaced, making way for an exit, or canceled by its one-cancels-other sibling's fill); any fill before stays.</summary>
    public bool Canceled { get; init; }

    /// <summary>The signal source (strategy) the order came from.</summary>
    public string Source { get; init; } = "";

    /// <summary>Why the kernel's risk checks refused the order (it never reached the venue); null when it was sent.</summary>
    public DenyReason? Denied { get; init; }

    /// <summary>The check's own words for <see cref="Denied"/>, with the numbers: "order notional 25180.00 over 25000".</summary>
    public string? DeniedDetail { get; init; }

    /// <summary>Why the venue rejected the order (e.g. not enough buying power, or short selling off); null if it did not.</summary>
    public string? Rejected { get; init; }

    /// <summary>The venue's code for <see cref="Rejected"/> (InsufficientFunds: not enough cash for it); null if not rejected.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Core.Venues.VenueRejectCode? RejectCode { get; init; }
}
