namespace Bulwark.Backtest;

/// <summary>Independent backtests side by side (optimizer grids, cost grids, asset-class workflows).</summary>
internal static class ParallelRuns
{
    /// <summary>Runs <paramref name="count"/> jobs in parallel; result i is job i's.</summary>
    internal static async Task<T[]> RunEachAsync<T>(int count, int? maxParallelism, Func<int, CancellationToken, Task<T>> job,
        CancellationToken cancellationToken)
    {
        var parallelism = maxParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1, nameof(maxParallelism));
        var results = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await job(i, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
