using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Events;

public sealed record OrderDenied(string ClientOrderId, DenyReason Reason, string Detail) : BotEvent;
