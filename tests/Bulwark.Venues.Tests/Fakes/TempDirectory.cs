namespace Bulwark.Venues.Tests.Fakes;

/// <summary>A fresh directory under a temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? root = null)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), "bulwark-venues-tests",
            Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// /dev/shm where it exists (Linux tmpfs: real files, but fsync costs nothing), else the system temp folder.
    /// For tests that run thousands of fully synced transactions and test money math, not the disk.
    /// </summary>
    public static string MemoryBackedRoot() => Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
