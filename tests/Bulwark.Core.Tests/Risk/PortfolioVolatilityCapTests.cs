using Bulwark.Core.Risk;

namespace Bulwark.Core.Tests.Risk;

/// <summary>The largest entry that keeps the book's variance within the cap, given the positions held.</summary>
public sealed class PortfolioVolatilityCapTests
{
    // A moves 2 % a bar, B 1 %; their correlation is rho.
    private static Func<string, string, double> Covariance(double rho) => (x, y) =>
    {
        double Sd(string s) => s == "A" ? 0.02 : 0.01;
        return x == y ? Sd(x) * Sd(x) : rho * Sd(x) * Sd(y);
    };

    [Fact]
    public void Alone_AnEntryMayMoveTheLimitInOneStandardDeviation()
    {
        // 100 a unit, 2 % a bar: 2 a unit; a limit of 1,000 leaves 500 units.
        Assert.Equal(500d, PortfolioVolatilityCap.Largest("A", 100d, 1, 800d, [], Covariance(0d), 1_000d), 9);
        Assert.Equal(300d, PortfolioVolatilityCap.Largest("A", 100d, 1, 300d, [], Covariance(0d), 1_000d), 9); // as asked, under the cap
        Assert.Equal(500d, PortfolioVolatilityCap.Largest("A", 100d, -1, 800d, [], Covariance(0d), 1_000d), 9); // a short alike
    }

    [Theory]
    [InlineData(1.0, 250.0)]   // B's 50,000 long moves 500 with A: half the room is taken
    [InlineData(0.0, 433.0127)] // unrelated: sqrt(1000^2 - 500^2) / 2
    [InlineData(-1.0, 750.0)]  // A hedges B: up to where A's swing is 500 beyond B's the other way
    public void APositionHeld_TakesRoomByHowItMovesWithTheEntry(double rho, double expected) =>
        Assert.Equal(expected, PortfolioVolatilityCap.Largest("A", 100d, 1, 10_000d, [("B", 50_000d)], Covariance(rho), 1_000d), 3);

    [Fact]
    public void ABookAlreadyOverTheCap_LeavesNoRoom_UnlessTheEntryHedgesIt()
    {
        // B's 150,000 moves 1,500 a bar against a limit of 1,000.
        Assert.Equal(0d, PortfolioVolatilityCap.Largest("A", 100d, 1, 10_000d, [("B", 150_000d)], Covariance(0.5), 1_000d));
        // A short of A hedges a long of B that moves with it: room from where it brings the book under the cap.
        var hedge = PortfolioVolatilityCap.Largest("A", 100d, -1, 10_000d, [("B", 150_000d)], Covariance(1d), 1_000d);
        Assert.Equal(1_250d, hedge, 6); // -2 u + 1,500 = -1,000 at the far side
        // An entry too small to bring the book under it is refused.
        Assert.Equal(0d, PortfolioVolatilityCap.Largest("A", 100d, -1, 100d, [("B", 150_000d)], Covariance(1d), 1_000d));
    }

    [Fact]
    public void ASymbolThatNeverMoved_TakesNoRoom()
    {
        Func<string, string, double> still = (x, y) => x == "B" && y == "B" ? 0.0001 : 0d;
        Assert.Equal(700d, PortfolioVolatilityCap.Largest("A", 100d, 1, 700d, [("B", 50_000d)], still, 1_000d));
        Assert.Equal(0d, PortfolioVolatilityCap.Largest("A", 100d, 1, 700d, [("B", 150_000d)], still, 1_000d));
    }
}
