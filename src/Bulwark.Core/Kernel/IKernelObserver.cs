using Bulwark.Core.Journal;

namespace Bulwark.Core.Kernel;

/// <summary>Sees each committed batch, on the kernel's thread, after the commit. Must be quick and must not throw.</summary>
public interface IKernelObserver
{
    void OnCommitted(IReadOnlyList<JournaledEvent> batch, KernelState state);
}
