namespace Bulwark.Core.Kernel.Events;

public sealed record OrderCanceled(string ClientOrderId) : BotEvent;
