namespace Bulwark.Storage;

/// <summary>Writes whole files so a crash leaves either the old content or the new, never a torn mix.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, fsyncs it, renames it over the
    /// target (atomic on the same file system), then fsyncs the directory so the rename itself is durable. Creates the
    /// directory if it is missing.
    /// </summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The file path is empty.", nameof(path));
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw new ArgumentException($"'{fullPath}' is a directory; give the path of a file.", nameof(path));
        var directory = Path.GetDirectoryName(fullPath)!;
        DirectorySync.CreateDurably(directory);

        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0,
                FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        DirectorySync.Flush(directory);
    }
}
