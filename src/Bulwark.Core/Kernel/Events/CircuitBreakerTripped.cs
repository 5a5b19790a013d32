namespace Bulwark.Core.Kernel.Events;

public sealed record CircuitBreakerTripped(DateTimeOffset Until, string Reason) : BotEvent;
