using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>Operator command: kill (Halted), reduce-only, or resume (Active).</summary>
public sealed record SetTradingState(TradingState State, string Reason) : KernelMessage;
