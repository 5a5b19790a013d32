namespace Bulwark.Core.Kernel.Events;

public sealed record AlertRaised(AlertSeverity Severity, string Code, string Message) : BotEvent;
