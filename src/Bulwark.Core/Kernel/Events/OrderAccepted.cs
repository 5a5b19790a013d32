namespace Bulwark.Core.Kernel.Events;

public sealed record OrderAccepted(string ClientOrderId, string VenueOrderId) : BotEvent;
