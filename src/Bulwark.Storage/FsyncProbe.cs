using System.Diagnostics;

namespace Bulwark.Storage;

/// <summary>
/// Measures how many small durable writes (append 4 KiB, fsync) a directory's disk sustains per second: the ceiling
/// on journal commits per second, shown beside journal throughput by the benchmark.
/// </summary>
public static class FsyncProbe
{
    private const int BlockSize = 4096;

    public static double MeasureFsyncsPerSecond(string directory, TimeSpan duration)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The directory is empty.", nameof(directory));
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Cannot probe fsync in '{directory}': the directory does not exist.");
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The probe duration must be positive.");

        var path = Path.Combine(directory, $".bulwark-fsync-probe-{Guid.NewGuid():N}.tmp");
        var block = new byte[BlockSize];
        block.AsSpan().Fill(0x5A);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            long count = 0;
            var started = Stopwatch.GetTimestamp();
            TimeSpan elapsed;
            do
            {
                file.Write(block);
                file.Flush(flushToDisk: true);
                count++;
                elapsed = Stopwatch.GetElapsedTime(started);
            }
            while (elapsed < duration);
            return count / elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
