using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Events;

public sealed record OrderRejected(string ClientOrderId, VenueRejectCode Code, string Detail) : BotEvent;
