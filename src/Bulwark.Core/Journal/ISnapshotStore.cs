namespace Bulwark.Core.Journal;

public interface ISnapshotStore
{
    ValueTask SaveAsync(KernelSnapshot snapshot, CancellationToken cancellationToken);
    ValueTask<KernelSnapshot?> LoadLatestAsync(CancellationToken cancellationToken);
}
