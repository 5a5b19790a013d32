using System.Threading.Channels;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;

namespace Bulwark.Core.Tests.Kernel;

public sealed class IntakeQueueTests
{
    [Fact]
    public async Task Write_WhenFull_WaitsUntilTheReaderConsumes()
    {
        var q = new IntakeQueue(capacity: 2);
        await q.WriteAsync(new TimerTick(), CancellationToken.None);
        await q.WriteAsync(new TimerTick(), CancellationToken.None);

        var third = q.WriteAsync(new TimerTick(), CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        Assert.True(q.Reader.TryRead(out _));
        q.Consumed(1);
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Drain(q));
    }

    [Fact]
    public async Task UnboundedWrites_DoNotCountAgainstTheBound()
    {
        var q = new IntakeQueue(capacity: 1);
        Assert.True(q.TryWriteUnbounded(new TimerTick()));
        Assert.True(q.TryWriteUnbounded(new TimerTick()));
        await q.WriteAsync(new TimerTick(), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, Drain(q));
    }

    [Fact]
    public async Task Write_AfterComplete_FailsInsteadOfLosingTheMessageSilently()
    {
        var q = new IntakeQueue(capacity: 4);
        q.Complete();
        await Assert.ThrowsAsync<ChannelClosedException>(() => q.WriteAsync(new TimerTick(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task WaitingWrite_IsCanceledByItsToken()
    {
        var q = new IntakeQueue(capacity: 1);
        await q.WriteAsync(new TimerTick(), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var blocked = q.WriteAsync(new TimerTick(), cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Equal(1, Drain(q));
    }

    private static int Drain(IntakeQueue q)
    {
        var n = 0;
        while (q.Reader.TryRead(out _)) n++;
        return n;
    }
}
