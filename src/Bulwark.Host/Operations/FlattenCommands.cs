using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>
/// flatten from the command line. A running bot gets the command through its queue and starts within a second; a stopped
/// bot gets the switch to reduce-only and the request appended to its journal now, under the bot's lock, so nothing new
/// is opened and it closes everything as soon as it runs again (the venue is needed for that).
/// </summary>
public static class FlattenCommands
{
    public static async Task<string> ApplyAsync(BotPaths paths, string reason, TimeProvider time, CancellationToken cancellationToken)
    {
        using (var botLock = BotLock.TryAcquire(paths.Lock))
        {
            if (botLock is not null)
            {
                await using var journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
                var (state, _, _) = await BotKernel.LoadStateAsync(journal, journal, cancellationToken).ConfigureAwait(false);
                if (state.LastSequence == 0) return $"{paths.BotId}: never started, nothing to flatten";
                var now = time.GetUtcNow();
                var next = state.LastSequence + 1;
                List<JournaledEvent> events = [];
                if (state.TradingState != TradingState.Reducing || state.TradingStateReason != reason)
                    events.Add(new JournaledEvent(next++, new TradingStateChanged(TradingState.Reducing, reason) { Time = now }));
                events.Add(new JournaledEvent(next, new FlattenRequested(reason) { Time = now }));
                await journal.AppendAsync(events, cancellationToken).ConfigureAwait(false);
                var held = state.Positions.Values.Count(p => !p.IsFlat);
                return $"{paths.BotId}: flatten persisted (bot not running): reduce-only now; its {held} {(held == 1 ? "position is" : "positions are")} closed and {state.OpenOrderCount} working {(state.OpenOrderCount == 1 ? "order" : "orders")} canceled when it next runs";
            }
        }
        await using var live = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
        await live.EnqueueControlCommandAsync(OperatorCommand.Flatten, reason, cancellationToken).ConfigureAwait(false);
        return $"{paths.BotId}: flatten queued (running; starts within a second)";
    }
}
