using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Bulwark.Core.Positions;

/// <summary>
/// A position on average cost. Quantity is signed. Realized PnL is gross of commission (commissions are
/// tracked apart); a fill that crosses zero closes the old side and opens the new one at the fill price.
/// </summary>
public sealed class Position
{
    public required string Symbol { get; init; }
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Margin posted per contract; above 0 the position is accounted futures-like (<see cref="MarginAccounting"/>).</summary>
    public decimal InitialMargin { get; set; }

    /// <summary>For a margined position: the price its open PnL was last settled into cash at (the last fill or close).</summary>
    public decimal SettlementPrice { get; set; }

    public decimal Quantity { get; set; }
    public decimal AveragePrice { get; set; }
    public decimal RealizedPnl { get; set; }
    public decimal Commissions { get; set; }

    /// <summary>Net PnL of the round trip in progress (since the position last left zero).</summary>
    public decimal RoundTripPnl { get; set; }

    /// <summary>The signal source that opened the current round trip; its feedback gets the outcome.</summary>
    public string? OpenedBySource { get; set; }

    /// <summary>
    /// When the fill that opened the current round trip (from flat, or flipping the side) was made; null while flat, and
    /// for a position held from before the time was recorded.
    /// </summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>
    /// How many take-profits of the kernel filled into the current round trip without closing it: the steps the position
    /// scaled out at (<see cref="Risk.ProtectiveStop.ScaleOutPercent"/>, <see cref="Risk.ProtectiveStop.ScaleOutSteps"/>),
    /// each counted at its order's first fill. The next take-profit is the next step, and none is placed once the ladder
    /// is done. 0 while flat; reset when the position closes or flips.
    /// </summary>
    public int ScaleOuts { get; set; }

    /// <summary>
    /// The position's size (unsigned) just before its first scale-out in the round trip, which every step of a ladder
    /// sells its share of; 0 before the first, and in a snapshot from before it was recorded (the current size then
    /// stands in).
    /// </summary>
    public decimal ScaleOutBase { get; set; }

    /// <summary>
    /// When the symbol's last round trip closed, if it closed at a loss (its closing fill's time); null when the last one
    /// won or broke even, or none has closed. What the cooldown after a loss (<see cref="Risk.RiskLimits.CooldownAfterLoss"/>)
    /// counts from.
    /// </summary>
    public DateTimeOffset? LossClosedAt { get; set; }

    /// <summary>The net PnL of that losing round trip (negative); 0 when <see cref="LossClosedAt"/> is null.</summary>
    public decimal LossClosedPnl { get; set; }

    /// <summary>Whether the position has scaled out at least once in its round trip.</summary>
    [JsonIgnore]
    public bool ScaledOut => ScaleOuts > 0;

    /// <summary>
    /// Reads a snapshot written before <see cref="ScaleOuts"/> counted the steps, whose "scaledOut": true is one step
    /// taken. Never written.
    /// </summary>
    [JsonInclude, JsonPropertyName("scaledOut"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault), EditorBrowsable(EditorBrowsableState.Never)]
    public bool ScaledOutBeforeSteps
    {
        get => false;
        set { if (value && ScaleOuts == 0) ScaleOuts = 1; }
    }

    public bool IsFlat => Quantity == 0m;

    public bool IsMargined => InitialMargin > 0m;

    public decimal UnrealizedPnl(decimal mark) => (mark - AveragePrice) * Quantity * Multiplier;

    public decimal MarketValue(decimal mark) => mark * Quantity * Multiplier;

    /// <summary>What the position adds to equity at <paramref name="mark"/>: market value, or margin held plus unsettled variation.</summary>
    public decimal Value(decimal mark) =>
        MarginAccounting.PositionValue(Quantity, SettlementPrice, mark, Multiplier, InitialMargin);

    /// <summary>The price to value the position at when no mark has been seen: cost, or the last settlement when margined.</summary>
    public decimal FallbackMark => IsMargined ? SettlementPrice : AveragePrice;

    /// <summary>Applies a signed fill and returns the realized PnL it produced (gross of commission).</summary>
    public decimal Apply(decimal signedQuantity, decimal price, decimal commission)
    {
        if (signedQuantity == 0m) throw new ArgumentOutOfRangeException(nameof(signedQuantity), "A fill has a quantity.");
        Commissions += commission;
        decimal realized = 0m;
        if (Quantity == 0m || Math.Sign(Quantity) == Math.Sign(signedQuantity))
        {
            var newQty = Quantity + signedQuantity;
            AveragePrice = Quantity == 0m ? price // opening from flat: no decimal division
                : ((AveragePrice * Math.Abs(Quantity)) + (price * Math.Abs(signedQuantity))) / Math.Abs(newQty);
            Quantity = newQty;
        }
        else
        {
            var closing = Math.Min(Math.Abs(Quantity), Math.Abs(signedQuantity));
            realized = (price - AveragePrice) * closing * Math.Sign(Quantity) * Multiplier;
            var newQty = Quantity + signedQuantity;
            if (newQty == 0m) AveragePrice = 0m;
            else if (Math.Sign(newQty) != Math.Sign(Quantity)) AveragePrice = price; // flipped: the rest opens at the fill price
            Quantity = newQty;
        }
        RealizedPnl += realized;
        RoundTripPnl += realized - commission;
        return realized;
    }
}
