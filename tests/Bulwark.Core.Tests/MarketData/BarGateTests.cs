using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>The feed's gate: a bar that is not a bar, or not after its symbol's last one, is refused with why.</summary>
public sealed class BarGateTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);

    private static Bar At(string symbol, int minute, decimal low = 99m, decimal high = 101m) =>
        new(symbol, T0.AddMinutes(minute), 100m, high, low, 100m, 10m, TimeSpan.FromMinutes(1));

    [Fact]
    public void GoodBarsPass_ARepeatOrAnEarlierBarIsRefused_AndEachSymbolHasItsOwnClock()
    {
        var gate = new BarGate();

        Assert.Null(gate.Check(At("X", 1)));
        Assert.Null(gate.Check(At("Y", 0))); // another symbol's clock
        Assert.Equal("not after the symbol's last bar (a repeat of 2024-03-05 15:01:00 UTC)", gate.Check(At("X", 1)));
        Assert.Equal("not after the symbol's last bar (before 2024-03-05 15:01:00 UTC)", gate.Check(At("X", 0)));
        Assert.Null(gate.Check(At("X", 2)));
    }

    [Fact]
    public void AnInvalidBar_IsRefusedWithItsProblem_AndDoesNotMoveTheSymbolsClock()
    {
        var gate = new BarGate();

        Assert.Equal("high 99 is below low 101", gate.Check(At("X", 5, low: 101m, high: 99m)));
        Assert.Null(gate.Check(At("X", 1)));
    }
}
