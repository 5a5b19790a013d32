namespace Bulwark.Core.Kernel.Commands;

/// <summary>Operator command: make one symbol reduce-only, or lift that (which also ends a flatten of it under way).</summary>
public sealed record SetSymbolReduceOnly(string Symbol, bool ReduceOnly, string Reason) : KernelMessage;
