namespace Bulwark.Core.Kernel.Events;

public sealed record OrderCancelRejected(string ClientOrderId, string Detail) : BotEvent;
