using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;

namespace Bulwark.Host.Operations;

/// <summary>
/// flatten from the command line. A running bot gets the command through its queue and starts within a second; a stopped
/// bot gets the switch to reduce-only and the request appended to its journal now, under the bot's lock, so nothing new
/// is opened and it closes everything as soon as it runs again (the venue is needed for that).
/// </summary>
public static class FlattenCommands
{
    public static Task<string> ApplyAsync(BotPaths paths, string reason, TimeProvider time, CancellationToken cancellationToken) =>
        OperatorJournal.ApplyAsync(paths, time, OperatorCommand.Flatten, reason, $"{paths.BotId}: flatten queued (running; starts within a second)", async (journal, state) =>
        {
            if (state.LastSequence == 0) return $"{paths.BotId}: never started, nothing to flatten";
            var now = time.GetUtcNow();
            List<BotEvent> events = [];
            if (state.TradingState != TradingState.Reducing || state.TradingStateReason != reason)
                events.Add(new TradingStateChanged(TradingState.Reducing, reason) { Time = now });
            events.Add(new FlattenRequested(reason) { Time = now });
            await OperatorJournal.AppendAsync(journal, state, events, cancellationToken).ConfigureAwait(false);
            var held = state.Positions.Values.Count(p => !p.IsFlat);
            return $"{paths.BotId}: flatten persisted (bot not running): reduce-only now; its {held} {(held == 1 ? "position is" : "positions are")} closed and {state.OpenOrderCount} working {(state.OpenOrderCount == 1 ? "order" : "orders")} canceled when it next runs";
        }, cancellationToken);
}
