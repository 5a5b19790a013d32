using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>A bar the feed's gate refused (<see cref="MarketData.BarGate"/>), and why: journaled, and its symbol stopped.</summary>
public sealed record RejectedBar(Bar Bar, string Problem) : KernelMessage;
