using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Driven mode, for a driver that owns the kernel's thread of control (backtests). No loop runs: each
/// <see cref="Step(in Bar)"/> handles one message with the same handlers as the loop, then commits and dispatches
/// until quiescent: router results and venue events an in-process venue posts while it is called are handled
/// within the same step, so when it returns everything the message caused is settled and the state may be read.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// Recovers, settles with the venue and reconciles exactly like <see cref="StartAsync"/>, but starts no loop.
    /// Call <see cref="Step(in Bar)"/> or <see cref="Step(KernelMessage)"/> from one thread at a time afterwards.
    /// Journal appends that do not complete at once are waited for on the calling thread, so do not drive the
    /// kernel from a single-threaded synchronization context.
    /// </summary>
    public async Task StartDrivenAsync(CancellationToken cancellationToken)
    {
        _driven = true;
        await RecoverAsync(cancellationToken).ConfigureAwait(false);
        IsReady = true;
        BeginStep();
        Settle(); // router results of what recovery dispatched (queries, cancels)
    }

    /// <summary>
    /// Handles one bar (no message allocated) and everything it causes. A daily bar's session is the trading day of
    /// the step: the clock reads midnight UTC, which in the bot's trading time zone may still be the day before, and
    /// the fills of the bar's open belong to its session as much as its signals (ClientOrderIds, the daily loss).
    /// </summary>
    public void Step(in Bar bar)
    {
        // The fills of the bar's open are drained first; their protective stops wait for the bar's close, which may move
        // a trailing stop, so one stop goes out per bar instead of one at the open's price replaced at once.
        // (A failed step leaves the flag set: the kernel stops there anyway, and the next bar's step sets it again.)
        _barStepping = _protection.Count > 0;
        var now = BeginStep(bar.IsDaily ? bar.SessionDate : null);
        _barStepping = false;
        RollDayIfDue(now);
        OnMarketBar(bar, now);
        Settle();
    }

    /// <summary>Handles one message (signal, command, flush) and everything it causes.</summary>
    public void Step(KernelMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        BeginStep();
        Handle(message);
        Settle();
    }

    private DateTimeOffset BeginStep(DateOnly? session = null)
    {
        if (!_driven || !IsReady) throw new InvalidOperationException("Step needs a kernel started with StartDrivenAsync.");
        _now = _time.GetUtcNow();
        if (session is { } date) RollDayTo(date, _now); // before the venue's fills of the bar are handled
        DrainVenueQueue(); // what an asynchronous venue posted since the last step, first, as the loop does
        return _now;
    }

    /// <summary>Commits and dispatches until nothing the step caused is left: no pending event, outbox item or venue message.</summary>
    private void Settle()
    {
        while (true)
        {
            DrainVenueQueue();
            if (_pending.Count == 0 && _outbox.Count == 0 && _flushes.Count == 0) return;
            var batch = PendingBatch();
            if (batch is not null) WaitFor(_journal.AppendAsync(batch, CancellationToken.None));
            Release(batch, _stopping.Token);
            if (SnapshotDue()) SnapshotAsync(_stopping.Token).GetAwaiter().GetResult();
        }
    }

    /// <summary>In-memory journals complete at once; a durable one is waited for (and consumed exactly once).</summary>
    private static void WaitFor(ValueTask append)
    {
        if (append.IsCompletedSuccessfully) append.GetAwaiter().GetResult();
        else append.AsTask().GetAwaiter().GetResult();
    }
}
