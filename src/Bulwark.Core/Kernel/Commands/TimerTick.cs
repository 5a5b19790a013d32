namespace Bulwark.Core.Kernel.Commands;

/// <summary>Periodic wake-up: day rollover, breaker expiry and snapshots happen even when no data flows.</summary>
public sealed record TimerTick : KernelMessage;
