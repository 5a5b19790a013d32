using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>
/// What every operator command does with a bot: a stopped bot (its lock free) gets the command's events appended to its
/// journal now, under the lock, so they are what it starts with; a running bot gets the command through its control
/// queue and applies it within a second.
/// </summary>
internal static class OperatorJournal
{
    /// <summary>
    /// Runs <paramref name="whileStopped"/> with the bot's journal and state under its lock when the bot is stopped, and
    /// returns what it says; otherwise queues <paramref name="kind"/> with <paramref name="reason"/> and returns <paramref name="queued"/>.
    /// </summary>
    public static async Task<string> ApplyAsync(BotPaths paths, TimeProvider time, string kind, string reason, string queued,
        Func<SqliteJournal, KernelState, Task<string>> whileStopped, CancellationToken cancellationToken)
    {
        using (var botLock = BotLock.TryAcquire(paths.Lock))
        {
            if (botLock is not null)
            {
                await using var journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
                var (state, _, _) = await BotKernel.LoadStateAsync(journal, journal, cancellationToken).ConfigureAwait(false);
                return await whileStopped(journal, state).ConfigureAwait(false);
            }
        }
        await using var live = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
        await live.EnqueueControlCommandAsync(kind, reason, cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>Appends <paramref name="events"/> after the journal's last, in order.</summary>
    public static async Task AppendAsync(SqliteJournal journal, KernelState state, IEnumerable<BotEvent> events, CancellationToken cancellationToken)
    {
        var next = state.LastSequence;
        List<JournaledEvent> numbered = [.. events.Select(e => new JournaledEvent(++next, e))];
        if (numbered.Count > 0) await journal.AppendAsync(numbered, cancellationToken).ConfigureAwait(false);
    }
}
