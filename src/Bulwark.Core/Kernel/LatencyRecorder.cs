using System.Diagnostics;

namespace Bulwark.Core.Kernel;

/// <summary>Records signal-to-order latencies (Stopwatch ticks) into a preallocated buffer, for benchmarks.</summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _count;

    public int Count => Math.Min(_count, _samples.Length);

    public void Record(long startTimestamp)
    {
        if (_count < _samples.Length) _samples[_count] = Stopwatch.GetTimestamp() - startTimestamp;
        _count++;
    }

    /// <summary>Percentile (0-100) in microseconds.</summary>
    public double PercentileMicroseconds(double percentile)
    {
        var n = Count;
        if (n == 0) return 0;
        var sorted = _samples.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100.0 * n) - 1, 0, n - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
