using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>Operator command: kill (Halted), reduce-only, or resume (Active).</summary>
public sealed record SetTradingState(TradingState State, string Reason) : KernelMessage
{
    /// <summary>
    /// Also cancel every working order that would add to a position (entries not yet filled, a grid's resting levels on
    /// the adding side), leaving exits and protective stops working. For a kill or a reduce only.
    /// </summary>
    public bool CancelEntries { get; init; }
}
