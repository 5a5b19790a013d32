using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>What the venue said when asked about an order whose submit outcome was unknown (null: it has no such order).</summary>
public sealed record OrderQueryCompleted(string ClientOrderId, VenueOrder? Order, string? Error) : KernelMessage;
