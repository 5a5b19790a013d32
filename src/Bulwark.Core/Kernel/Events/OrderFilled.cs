using Bulwark.Core.Execution;
using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// A venue fill applied to the order and the portfolio. Applied even when <paramref name="Issues"/> is not
/// <see cref="FillIssues.None"/>: the broker is truth. <paramref name="Recovered"/> marks a fill learned from a
/// venue query at start rather than pushed live.
/// </summary>
public sealed record OrderFilled(
    string ClientOrderId,
    string VenueTradeId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    DateTimeOffset FillTime,
    FillIssues Issues,
    bool Recovered) : BotEvent
{
    /// <summary>Contract multiplier of the instrument, so replay never depends on today's configuration.</summary>
    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Initial margin per contract of the instrument (0: ordinary cash accounting), for the same reason.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>
    /// What slippage and market impact cost the fill, as the venue reported it (<see cref="Venues.VenueFill.Slippage"/>):
    /// already in <see cref="Price"/>, recorded to say how much. 0 when unknown, and in events journaled before it was.
    /// </summary>
    public decimal Slippage { get; init; }
}
