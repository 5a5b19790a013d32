namespace Bulwark.Core.Kernel.Commands;

/// <summary>Completes once every message queued before it has been processed and committed.</summary>
public sealed record Flush(TaskCompletionSource Done) : KernelMessage;
