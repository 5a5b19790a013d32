using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>Merges bar sequences that are each in time order into one sequence in time order.</summary>
public static class BarMerge
{
    /// <summary>
    /// Streams the bars of all <paramref name="sources"/> by <see cref="Bar.Time"/>; bars with equal
    /// times come in source order (stable). Each source is enumerated once and lazily.
    /// </summary>
    /// <exception cref="InvalidOperationException">A source goes back in time.</exception>
    public static IEnumerable<Bar> ByTime(IReadOnlyList<IEnumerable<Bar>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is null) throw new ArgumentException($"Source {i} is null.", nameof(sources));
        }
        return Merge(sources);
    }

    private static IEnumerable<Bar> Merge(IReadOnlyList<IEnumerable<Bar>> sources)
    {
        var cursors = new IEnumerator<Bar>?[sources.Count];
        try
        {
            for (int i = 0; i < sources.Count; i++)
            {
                var cursor = sources[i].GetEnumerator();
                cursors[i] = cursor;
                if (!cursor.MoveNext()) Close(cursors, i);
            }

            while (true)
            {
                int next = -1;
                for (int i = 0; i < cursors.Length; i++)
                {
                    if (cursors[i] is { } cursor && (next < 0 || cursor.Current.Time < cursors[next]!.Current.Time)) next = i;
                }
                if (next < 0) yield break;

                var chosen = cursors[next]!;
                var bar = chosen.Current;
                yield return bar;
                if (!chosen.MoveNext()) Close(cursors, next);
                else if (chosen.Current.Time < bar.Time)
                    throw new InvalidOperationException(
                        $"Source {next} goes back in time: {chosen.Current.Symbol} at {chosen.Current.Time:O} after {bar.Time:O}.");
            }
        }
        finally
        {
            for (int i = 0; i < cursors.Length; i++) Close(cursors, i);
        }
    }

    private static void Close(IEnumerator<Bar>?[] cursors, int index)
    {
        cursors[index]?.Dispose();
        cursors[index] = null;
    }
}
