using System.Runtime.InteropServices;

namespace Bulwark.Storage;

/// <summary>
/// fsync of a directory, so a file created or renamed in it survives a power cut. .NET cannot open a directory as a
/// file, so on Unix this calls libc's open/fsync/close. Windows has no directory fsync (NTFS journals metadata), so
/// there it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ORdOnly = 0;
    private const int EIntr = 4;
    private const int EInval = 22;

    /// <summary>
    /// Creates <paramref name="directory"/> and any missing ancestors, fsyncing the parent of each one created so the
    /// new directories themselves survive a power cut.
    /// </summary>
    public static void CreateDurably(string directory)
    {
        var missing = new Stack<string>();
        for (var d = directory; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
        if (missing.Count == 0) return;
        Directory.CreateDirectory(directory);
        while (missing.TryPop(out var created))
        {
            var parent = Path.GetDirectoryName(created);
            if (parent is not null) Flush(parent);
        }
    }

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Cannot fsync directory '{directory}': it does not exist.");

        int fd;
        do fd = Open(directory, ORdOnly);
        while (fd < 0 && Marshal.GetLastPInvokeError() == EIntr);
        if (fd < 0) throw Failure("open", directory);
        try
        {
            if (Fsync(fd) != 0)
            {
                // Some file systems cannot fsync a directory; their metadata is already as durable as it gets.
                if (Marshal.GetLastPInvokeError() == EInval) return;
                throw Failure("fsync", directory);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static IOException Failure(string call, string directory)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call}() of directory '{directory}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
