namespace Bulwark.Storage.Tests.Support;

/// <summary>A fresh directory under the system temp dir, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bulwark-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A journal path in a not-yet-existing bot folder, the way the host lays files out.</summary>
    public string JournalPath(string botId = "bot-1") => System.IO.Path.Combine(Path, botId, "journal.db");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
