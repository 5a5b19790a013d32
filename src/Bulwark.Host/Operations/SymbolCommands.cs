using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Host.Running;

namespace Bulwark.Host.Operations;

/// <summary>
/// reduce, resume and flatten for one symbol (<c>--symbol</c>), while the rest of the book trades on. A running bot gets
/// the command through its queue and applies it within a second; a stopped bot gets the events appended to its journal
/// now, under the bot's lock, so the symbol is reduce-only (and its flatten starts) as soon as it runs again.
/// </summary>
public static class SymbolCommands
{
    /// <summary>Makes <paramref name="symbol"/> reduce-only (<paramref name="reduceOnly"/>) or lifts that, which also ends its flatten.</summary>
    public static Task<string> SetReduceOnlyAsync(BotPaths paths, string symbol, bool reduceOnly, string reason, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var kind = reduceOnly ? OperatorCommand.Reduce : OperatorCommand.Resume;
        var queued = OperatorCommand.ForSymbol(kind, symbol);
        return OperatorJournal.ApplyAsync(paths, time, queued, reason, $"{paths.BotId}: {kind} {symbol} queued (running; applied within a second)", async (journal, state) =>
        {
            if (state.LastSequence == 0)
            {
                await journal.EnqueueControlCommandAsync(queued, reason, cancellationToken).ConfigureAwait(false);
                return $"{paths.BotId}: {kind} {symbol} queued (not started yet; applied at its first start)";
            }
            var held = state.ReduceOnlySymbols.TryGetValue(symbol, out var why);
            var dataStopped = !reduceOnly && state.DataStops.ContainsKey(symbol);
            if ((reduceOnly ? held && why == reason : !held) && !dataStopped)
                return $"{paths.BotId}: {symbol} already {(reduceOnly ? "reduce-only" : "trading")}";
            var now = time.GetUtcNow();
            List<BotEvent> events = [];
            if (reduceOnly ? !held || why != reason : held) events.Add(new SymbolReduceOnlyChanged(symbol, reduceOnly, reason) { Time = now });
            // The operator vouches for the data: its quality stop is lifted too, as a running bot does.
            if (dataStopped) events.Add(new DataQualityResumed(symbol, $"the operator resumed it: {reason}") { Time = now });
            await OperatorJournal.AppendAsync(journal, state, events, cancellationToken).ConfigureAwait(false);
            return $"{paths.BotId}: {symbol} {(reduceOnly ? "reduce-only" : "trading again")}{(dataStopped ? ", its data stop lifted" : "")} (bot not running; persisted)";
        }, cancellationToken);
    }

    /// <summary>Makes <paramref name="symbol"/> reduce-only, cancels its working orders and closes its position.</summary>
    public static Task<string> FlattenAsync(BotPaths paths, string symbol, string reason, TimeProvider time, CancellationToken cancellationToken) =>
        OperatorJournal.ApplyAsync(paths, time, OperatorCommand.ForSymbol(OperatorCommand.Flatten, symbol), reason,
            $"{paths.BotId}: flatten {symbol} queued (running; starts within a second)", async (journal, state) =>
        {
            if (state.LastSequence == 0) return $"{paths.BotId}: never started, nothing to flatten";
            var now = time.GetUtcNow();
            List<BotEvent> events = [];
            if (!state.ReduceOnlySymbols.TryGetValue(symbol, out var why) || why != reason)
                events.Add(new SymbolReduceOnlyChanged(symbol, true, reason) { Time = now });
            var halted = state.TradingState == TradingState.Halted;
            if (!halted && state.FlattenReason is null) events.Add(new FlattenRequested(reason) { Symbol = symbol, Time = now });
            await OperatorJournal.AppendAsync(journal, state, events, cancellationToken).ConfigureAwait(false);
            if (halted)
                return $"{paths.BotId}: {symbol} reduce-only (bot not running; persisted), but the bot is halted and would send nothing: reduce or resume it, then flatten {symbol} again";
            if (state.FlattenReason is not null)
                return $"{paths.BotId}: {symbol} reduce-only (bot not running; persisted); the bot's own flatten under way closes it";
            var position = state.PositionQuantity(symbol);
            var working = state.Orders.Values.Count(o => o.Symbol == symbol && o.Status.IsOpen());
            return string.Create(CultureInfo.InvariantCulture, $"{paths.BotId}: flatten of {symbol} persisted (bot not running): {symbol} reduce-only now; ")
                   + (position == 0m ? "no position held;" : string.Create(CultureInfo.InvariantCulture, $"its position of {position} is closed and"))
                   + string.Create(CultureInfo.InvariantCulture, $" {working} working {(working == 1 ? "order" : "orders")} canceled when it next runs");
        }, cancellationToken);
}
