using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>
/// kill / reduce / resume from the command line (kill and reduce may also cancel the working entries). A running bot gets the command through its queue and applies
/// it within a second; a stopped bot gets the event appended to its journal now, under the bot's lock, so the
/// state is persisted either way and is what the bot starts with.
/// </summary>
public static class TradingStateCommands
{
    /// <param name="cancelEntries">Also cancel the working orders that would add (kill and reduce only): a stopped bot does it at its next start.</param>
    public static async Task<string> ApplyAsync(BotPaths paths, TradingState target, string reason, TimeProvider time,
        CancellationToken cancellationToken, bool cancelEntries = false)
    {
        var kind = OperatorCommand.KindOf(target) + (cancelEntries ? OperatorCommand.CancelEntriesSuffix : "");
        using (var botLock = BotLock.TryAcquire(paths.Lock))
        {
            if (botLock is not null)
            {
                await using var journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
                var (state, _, _) = await BotKernel.LoadStateAsync(journal, journal, cancellationToken).ConfigureAwait(false);
                var same = state.TradingState == target && state.TradingStateReason == reason;
                if (state.LastSequence > 0 && same && !cancelEntries)
                    return $"{paths.BotId}: already {target}";
                if (state.LastSequence == 0)
                    return await QueueAsync(journal, paths, kind, target, reason, cancellationToken, "not started yet; applied at its first start").ConfigureAwait(false);
                var now = time.GetUtcNow();
                var next = state.LastSequence + 1;
                List<JournaledEvent> events = [];
                if (!same) events.Add(new JournaledEvent(next++, new TradingStateChanged(target, reason) { Time = now }));
                if (cancelEntries) events.Add(new JournaledEvent(next, new EntriesCancelRequested(reason) { Time = now }));
                await journal.AppendAsync(events, cancellationToken).ConfigureAwait(false);
                return $"{paths.BotId}: {target} (bot not running; persisted)"
                       + (cancelEntries ? "; its working entries are canceled when it next runs, once reconciled" : "");
            }
        }
        await using var live = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
        return await QueueAsync(live, paths, kind, target, reason, cancellationToken, "running; applied within a second").ConfigureAwait(false);
    }

    private static async Task<string> QueueAsync(SqliteJournal journal, BotPaths paths, string kind, TradingState target, string reason,
        CancellationToken cancellationToken, string note)
    {
        await journal.EnqueueControlCommandAsync(kind, reason, cancellationToken).ConfigureAwait(false);
        return $"{paths.BotId}: {target}{(kind.EndsWith(OperatorCommand.CancelEntriesSuffix, StringComparison.Ordinal) ? " with its working entries canceled" : "")} queued ({note})";
    }
}
