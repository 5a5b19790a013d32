namespace Bulwark.Host.Running;

/// <summary>
/// The one-writer-per-bot guarantee across processes: an exclusive lock on {bot}/bot.lock, held while the bot
/// runs. The operating system releases it when the process dies, even by SIGKILL, so a crash never leaves it stuck.
/// </summary>
public sealed class BotLock : IDisposable
{
    private readonly FileStream _stream;

    private BotLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another process holds it.</summary>
    public static BotLock? TryAcquire(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new BotLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when some process holds the lock right now.</summary>
    public static bool IsHeld(string path)
    {
        if (!File.Exists(path)) return false;
        using var probe = TryAcquire(path);
        return probe is null;
    }

    public void Dispose() => _stream.Dispose();
}
