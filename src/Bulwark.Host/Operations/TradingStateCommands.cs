using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;

namespace Bulwark.Host.Operations;

/// <summary>
/// kill / reduce / resume from the command line (kill and reduce may also cancel the working entries). A running bot
/// gets the command through its queue and applies it within a second; a stopped bot gets the event appended to its
/// journal now, under the bot's lock, so the state is persisted either way and is what the bot starts with.
/// </summary>
public static class TradingStateCommands
{
    /// <param name="cancelEntries">Also cancel the working orders that would add (kill and reduce only): a stopped bot does it at its next start.</param>
    public static Task<string> ApplyAsync(BotPaths paths, TradingState target, string reason, TimeProvider time,
        CancellationToken cancellationToken, bool cancelEntries = false)
    {
        var kind = OperatorCommand.KindOf(target) + (cancelEntries ? OperatorCommand.CancelEntriesSuffix : "");
        var what = $"{target}{(cancelEntries ? " with its working entries canceled" : "")}";
        return OperatorJournal.ApplyAsync(paths, time, kind, reason, $"{paths.BotId}: {what} queued (running; applied within a second)", async (journal, state) =>
        {
            if (state.LastSequence == 0)
            {
                await journal.EnqueueControlCommandAsync(kind, reason, cancellationToken).ConfigureAwait(false);
                return $"{paths.BotId}: {what} queued (not started yet; applied at its first start)";
            }
            var same = state.TradingState == target && state.TradingStateReason == reason;
            if (same && !cancelEntries) return $"{paths.BotId}: already {target}";
            var now = time.GetUtcNow();
            List<BotEvent> events = [];
            if (!same) events.Add(new TradingStateChanged(target, reason) { Time = now });
            if (cancelEntries) events.Add(new EntriesCancelRequested(reason) { Time = now });
            await OperatorJournal.AppendAsync(journal, state, events, cancellationToken).ConfigureAwait(false);
            return $"{paths.BotId}: {target} (bot not running; persisted)"
                   + (cancelEntries ? "; its working entries are canceled when it next runs, once reconciled" : "");
        }, cancellationToken);
    }
}
