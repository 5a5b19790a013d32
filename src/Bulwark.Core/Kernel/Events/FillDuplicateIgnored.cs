namespace Bulwark.Core.Kernel.Events;

public sealed record FillDuplicateIgnored(string ClientOrderId, string VenueTradeId) : BotEvent;
