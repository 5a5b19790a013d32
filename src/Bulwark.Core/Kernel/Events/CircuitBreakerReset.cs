namespace Bulwark.Core.Kernel.Events;

public sealed record CircuitBreakerReset(string Reason) : BotEvent;
