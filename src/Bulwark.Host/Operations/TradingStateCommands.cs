using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>
/// kill / reduce / resume from the command line. A running bot gets the command through its queue and applies
/// it within a second; a stopped bot gets the event appended to its journal now, under the bot's lock, so the
/// state is persisted either way and is what the bot starts with.
/// </summary>
public static class TradingStateCommands
{
    public static async Task<string> ApplyAsync(BotPaths paths, TradingState target, string reason, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using (var botLock = BotLock.TryAcquire(paths.Lock))
        {
            if (botLock is not null)
            {
                await using var journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
                var (state, _, _) = await BotKernel.LoadStateAsync(journal, journal, cancellationToken).ConfigureAwait(false);
                if (state.LastSequence > 0 && state.TradingState == target && state.TradingStateReason == reason)
                    return $"{paths.BotId}: already {target}";
                if (state.LastSequence == 0)
                    return await QueueAsync(journal, paths, target, reason, cancellationToken, "not started yet; applied at its first start").ConfigureAwait(false);
                var e = new TradingStateChanged(target, reason) { Time = time.GetUtcNow() };
                await journal.AppendAsync([new JournaledEvent(state.LastSequence + 1, e)], cancellationToken).ConfigureAwait(false);
                return $"{paths.BotId}: {target} (bot not running; persisted)";
            }
        }
        await using var live = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
        return await QueueAsync(live, paths, target, reason, cancellationToken, "running; applied within a second").ConfigureAwait(false);
    }

    private static async Task<string> QueueAsync(SqliteJournal journal, BotPaths paths, TradingState target, string reason,
        CancellationToken cancellationToken, string note)
    {
        await journal.EnqueueControlCommandAsync(OperatorCommand.KindOf(target), reason, cancellationToken).ConfigureAwait(false);
        return $"{paths.BotId}: {target} queued ({note})";
    }
}
