using System.Threading.Channels;
using Bulwark.Core.Kernel.Commands;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The kernel's inbox: many writers, one reader. An unbounded single-reader channel (no lock on the hot path)
/// with its own bound: writers past <c>capacity</c> wait until the reader has consumed. Internal wake-ups
/// bypass the bound, so venue events can never be blocked behind signals.
/// </summary>
internal sealed class IntakeQueue
{
    private readonly Channel<KernelMessage> _channel = Channel.CreateUnbounded<KernelMessage>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity;
    private int _queued;
    private int _waiters;
    private TaskCompletionSource _space = NewSpace();

    public IntakeQueue(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Intake capacity must be at least 1.");
        _capacity = capacity;
    }

    public ChannelReader<KernelMessage> Reader => _channel.Reader;

    public ValueTask WriteAsync(KernelMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _queued) <= _capacity)
        {
            if (_channel.Writer.TryWrite(message)) return ValueTask.CompletedTask;
            Interlocked.Decrement(ref _queued);
            return ValueTask.FromException(new ChannelClosedException("The kernel is stopping; it accepts no more messages."));
        }
        Interlocked.Decrement(ref _queued);
        return WriteSlowAsync(message, cancellationToken);
    }

    private async ValueTask WriteSlowAsync(KernelMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                var space = Volatile.Read(ref _space);
                if (Interlocked.Increment(ref _queued) <= _capacity)
                {
                    if (_channel.Writer.TryWrite(message)) return;
                    Interlocked.Decrement(ref _queued);
                    throw new ChannelClosedException("The kernel is stopping; it accepts no more messages.");
                }
                Interlocked.Decrement(ref _queued);
                await space.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    /// <summary>A message that does not count against the bound (wake-ups). False once completed.</summary>
    public bool TryWriteUnbounded(KernelMessage message) => _channel.Writer.TryWrite(message);

    /// <summary>The reader consumed <paramref name="count"/> bounded messages: release their places.</summary>
    public void Consumed(int count)
    {
        if (count == 0) return;
        Interlocked.Add(ref _queued, -count);
        if (Volatile.Read(ref _waiters) > 0) Interlocked.Exchange(ref _space, NewSpace()).TrySetResult();
    }

    public void Complete() => _channel.Writer.TryComplete();

    private static TaskCompletionSource NewSpace() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
