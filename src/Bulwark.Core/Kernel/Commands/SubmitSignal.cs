using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel.Commands;

public sealed record SubmitSignal(Signal Signal) : KernelMessage
{
    /// <summary>When the signal entered the kernel's queue (timestamp ticks), for latency measurement.</summary>
    public long EnqueuedAt { get; init; }
}
