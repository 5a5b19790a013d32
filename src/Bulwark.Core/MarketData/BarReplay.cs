using System.Runtime.CompilerServices;
using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>Turns a sequence of bars into an asynchronous stream, optionally paced on a clock.</summary>
public static class BarReplay
{
    /// <summary>
    /// Yields <paramref name="bars"/> in order. With a positive <paramref name="barsPerSecond"/>, bar n
    /// (0-based) is released n / barsPerSecond after the first one, timed by <paramref name="timeProvider"/>
    /// (a slow consumer catches up without extra waits); with null or 0, bars are yielded without delay. Bars that
    /// <paramref name="unpaced"/> names (history a restarted bot replays) are yielded at once and not counted.
    /// </summary>
    public static IAsyncEnumerable<Bar> PaceAsync(IEnumerable<Bar> bars, double? barsPerSecond,
        TimeProvider timeProvider, CancellationToken cancellationToken, Func<Bar, bool>? unpaced = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (barsPerSecond is { } pace && (!double.IsFinite(pace) || pace < 0))
            throw new ArgumentOutOfRangeException(nameof(barsPerSecond), pace, "Bars per second must be a finite number >= 0.");
        double ticksPerBar = barsPerSecond is > 0 ? TimeSpan.TicksPerSecond / barsPerSecond.Value : 0;
        return ReplayAsync(bars, ticksPerBar, timeProvider, unpaced, cancellationToken);
    }

    private static async IAsyncEnumerable<Bar> ReplayAsync(IEnumerable<Bar> bars, double ticksPerBar,
        TimeProvider timeProvider, Func<Bar, bool>? unpaced, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long started = timeProvider.GetTimestamp();
        long index = 0;
        foreach (var bar in bars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (unpaced is not null && unpaced(bar))
            {
                yield return bar;
                continue;
            }
            if (index == 0) started = timeProvider.GetTimestamp(); // the pace starts at the first paced bar
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
