namespace Bulwark.Core.Journal;

/// <summary>
/// A bot's append-only event log. One writer. <see cref="AppendAsync"/> is a group commit: when it returns, every
/// event of the batch is durable (or none is, and it throws). Sequence numbers are assigned by the caller and
/// must continue <see cref="LastSequence"/> without gaps.
/// </summary>
public interface IEventJournal : IAsyncDisposable
{
    long LastSequence { get; }
    ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken);
    IAsyncEnumerable<JournaledEvent> ReadAsync(long afterSequence, CancellationToken cancellationToken);
}
