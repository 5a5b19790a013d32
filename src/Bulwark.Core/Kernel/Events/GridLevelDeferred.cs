using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The order due at <paramref name="Level"/> (the other half of a fill, or one the venue refused for funds) could not be
/// placed now, for <paramref name="Reason"/>: the level waits for it, and the grid places it on a later bar once nothing
/// stops it. A refusal for funds sets <see cref="RetryAfterFills"/> and <see cref="RetryAt"/> (see <see cref="GridDeferral"/>).
/// </summary>
public sealed record GridLevelDeferred(string Source, string Symbol, int Level, OrderSide Side, decimal Quantity, string Reason)
    : GridEvent(Source, Symbol)
{
    public long? RetryAfterFills { get; init; }

    public DateTimeOffset? RetryAt { get; init; }
}
