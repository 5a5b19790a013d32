namespace Bulwark.Core.Kernel.Events;

public sealed record OrderExpired(string ClientOrderId) : BotEvent;
