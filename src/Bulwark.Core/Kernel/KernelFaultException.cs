namespace Bulwark.Core.Kernel;

/// <summary>
/// An invariant of the kernel failed while a strategy was calling into it. Unlike a strategy's own exception (which
/// only switches that strategy off), this stops the bot: fail fast.
/// </summary>
public sealed class KernelFaultException(Exception inner)
    : Exception($"The kernel failed while serving a strategy: {inner.Message}", inner);
