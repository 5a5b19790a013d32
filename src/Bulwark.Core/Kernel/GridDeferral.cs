using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>
/// A grid level waiting for its order: a replacement (the other half of a fill) that could not be placed when it was
/// due, or an order the venue refused for lack of funds. The grid places it on a later bar once nothing stops it.
/// Immutable: the projector replaces it.
/// </summary>
public sealed record GridDeferral(int Level, OrderSide Side, decimal Quantity)
{
    /// <summary>
    /// Set when the venue refused the level's order for funds: it is tried again only once the bot has applied more
    /// fills than this (any source's: the cash moved) or at <see cref="RetryAt"/>, whichever comes first. Null: tried
    /// on every bar.
    /// </summary>
    public long? RetryAfterFills { get; init; }

    /// <summary>When a level the venue refused for funds is tried again even without a fill (see <see cref="RetryAfterFills"/>).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>True while a level refused for funds must keep waiting: no fill since, and its retry time not reached.</summary>
    public bool WaitsForFunds(long botFills, DateTimeOffset now) =>
        RetryAfterFills is { } fills && botFills <= fills && !(RetryAt is { } at && now >= at);
}
