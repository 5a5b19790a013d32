using System.Runtime.CompilerServices;
using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>Turns a sequence of bars into an asynchronous stream, optionally paced on a clock.</summary>
public static class BarReplay
{
    /// <summary>
    /// Yields <paramref name="bars"/> in order. With a positive <paramref name="barsPerSecond"/>, bar n
    /// (0-based) is released n / barsPerSecond after the first one, timed by <paramref name="timeProvider"/>
    /// (a slow consumer catches up without extra waits); with null or 0, bars are yielded without delay.
    /// </summary>
    public static IAsyncEnumerable<Bar> PaceAsync(IEnumerable<Bar> bars, double? barsPerSecond,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (barsPerSecond is { } pace && (!double.IsFinite(pace) || pace < 0))
            throw new ArgumentOutOfRangeException(nameof(barsPerSecond), pace, "Bars per second must be a finite number >= 0.");
        double ticksPerBar = barsPerSecond is > 0 ? TimeSpan.TicksPerSecond / barsPerSecond.Value : 0;
        return ReplayAsync(bars, ticksPerBar, timeProvider, cancellationToken);
    }

    /// <summary>The bars of <paramref name="bars"/> that <paramref name="include"/> keeps.</summary>
    public static async IAsyncEnumerable<Bar> WhereAsync(IAsyncEnumerable<Bar> bars, Func<Bar, bool> include,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(include);
        await foreach (var bar in bars.WithCancellation(cancellationToken).ConfigureAwait(false))
            if (include(bar)) yield return bar;
    }

    private static async IAsyncEnumerable<Bar> ReplayAsync(IEnumerable<Bar> bars, double ticksPerBar,
        TimeProvider timeProvider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        long index = 0;
        foreach (var bar in bars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ticksPerBar > 0 && index > 0)
            {
                var due = TimeSpan.FromTicks((long)Math.Round(index * ticksPerBar));
                var wait = due - timeProvider.GetElapsedTime(started);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            index++;
            yield return bar;
        }
    }
}
