namespace Bulwark.Core.Kernel.Events;

/// <summary>The order is durable and handed to the router (pending new). The outbox sends it after commit.</summary>
public sealed record OrderSubmitted(string ClientOrderId, string Venue) : BotEvent;
