using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// sma-cross's exits are never lost: a cross below it could not act on while an order worked, or a long it finds held
/// below the average when it starts (an exit lost while the bot was down), is closed at the first bar it may signal.
/// Entries are never late.
/// </summary>
public sealed class SmaCrossStrategyTests
{
    private static RecordingStrategyContext Context() => new() { FillImmediately = false };

    private static (int Bar, SignalDirection Direction)[] Signals(RecordingStrategyContext context) =>
        [.. context.Signals.Select(s => (s.Bar, s.Direction))];

    [Fact]
    public void ACrossBelowWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_WhileStillBelow()
    {
        var sma = new SmaCrossStrategy("s", ["X"], 2);
        var context = Context();
        context.SetPosition("X", 10m);
        context.Feed(sma, "X", [100m, 102m, 104m]); // above its average: nothing to do
        context.OpenOrders.Add("X");
        context.Feed(sma, "X", [98m]); // bar 3 crosses below while an order works
        context.OpenOrders.Clear();
        context.Feed(sma, "X", [97m, 96m]);

        Assert.Equal([(4, SignalDirection.Flat)], Signals(context));
    }

    [Fact]
    public void ACrossBelowWhileAnOrderWorks_IsDropped_IfTheCloseIsBackAboveBeforeItEnds()
    {
        var sma = new SmaCrossStrategy("s", ["X"], 2);
        var context = Context();
        context.SetPosition("X", 10m);
        context.Feed(sma, "X", [100m, 102m, 104m]);
        context.OpenOrders.Add("X");
        context.Feed(sma, "X", [98m, 105m]); // below, then back above while the order works
        context.OpenOrders.Clear();
        context.Feed(sma, "X", [106m]);

        Assert.Empty(context.Signals);
    }

    [Fact]
    public void ALongFoundHeldBelowTheAverageAtTheStart_IsClosed_AFlatStartWaitsForACrossUp()
    {
        var held = Context();
        held.SetPosition("X", 10m);
        held.Feed(new SmaCrossStrategy("s", ["X"], 2), "X", [100m, 98m, 96m]);

        var flat = Context();
        flat.Feed(new SmaCrossStrategy("s", ["X"], 2), "X", [100m, 98m, 96m, 99m]);

        Assert.Equal([(1, SignalDirection.Flat)], Signals(held)); // the average is ready at bar 1, with the close below it
        Assert.Equal([(3, SignalDirection.Long)], Signals(flat));
    }

    [Fact]
    public void ACrossAboveWhileAnOrderWorks_IsNeverSignalledLate()
    {
        var sma = new SmaCrossStrategy("s", ["X"], 2);
        var context = Context();
        context.Feed(sma, "X", [100m, 98m, 96m]);
        context.OpenOrders.Add("X");
        context.Feed(sma, "X", [101m]); // crosses above while an order works
        context.OpenOrders.Clear();
        context.Feed(sma, "X", [103m, 105m]);

        Assert.Empty(context.Signals);
    }
}
