namespace Bulwark.Core.Kernel;

/// <summary>
/// The backtest clock: it stands still until the driver moves it (to each bar's close). Timers, which a
/// backtest never needs on its hot path, run on real time from the base class.
/// </summary>
public sealed class SimulatedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    // Volatile, not Interlocked: a 64-bit volatile read is atomic, and Interlocked.Read is a locked compare-exchange,
    // which the kernel and the venue paid several times per bar.
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="now"/>; time never goes backwards.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        if (now.UtcTicks < Volatile.Read(ref _utcTicks))
            throw new InvalidOperationException($"The simulated clock cannot go back from {GetUtcNow():O} to {now:O}.");
        Volatile.Write(ref _utcTicks, now.UtcTicks);
    }
}
