namespace Bulwark.Core.Kernel.Events;

public sealed record OrderCancelRequested(string ClientOrderId, string Reason) : BotEvent;
