namespace Bulwark.Core.Kernel.Commands;

/// <summary>Anything the kernel's single writer consumes: market data, signals, venue events, operator commands, timers.</summary>
public abstract record KernelMessage;
