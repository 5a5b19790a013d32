using Bulwark.Core.Positions;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Positions;

public sealed class PositionPropertyTests
{
    // Decimal division in the average price keeps 28 significant digits, so the accounting identity holds
    // up to rounding in the last digits, never more.
    private const decimal Tolerance = 0.000_000_001m;

    private enum Kind { Trade, Close, Flip }

    /// <summary>A random trade, or one that closes or flips whatever is held (so flat positions are common).</summary>
    private sealed record Step(Kind Kind, decimal Signed, decimal Price);

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((6, Gen.Constant(Kind.Trade)), (2, Gen.Constant(Kind.Close)), (1, Gen.Constant(Kind.Flip)))
        from buy in Gen.Elements(true, false)
        from qtyCents in Gen.Choose(1, 100_000)
        from priceCents in Gen.Choose(1, 1_000_000)
        select new Step(kind, buy ? qtyCents / 100m : -qtyCents / 100m, priceCents / 100m);

    private static readonly Arbitrary<(Step[] Steps, decimal Mark)> Scenario =
        (from steps in Gen.ArrayOf(StepGen)
         from markCents in Gen.Choose(1, 1_000_000)
         select (steps, markCents / 100m)).ToArbitrary();

    /// <summary>Applies the steps; returns the fills actually made (signed quantity, price), checking after each.</summary>
    private static List<(decimal Signed, decimal Price)> Run(Position p, Step[] steps, Action<Position>? afterEach = null)
    {
        var fills = new List<(decimal, decimal)>();
        foreach (var step in steps)
        {
            var signed = step.Kind switch
            {
                Kind.Close => -p.Quantity,
                Kind.Flip => -2m * p.Quantity,
                _ => step.Signed,
            };
            if (signed == 0m) continue;
            p.Apply(signed, step.Price, 0m);
            fills.Add((signed, step.Price));
            afterEach?.Invoke(p);
        }
        return fills;
    }

    [Fact]
    public void Quantity_IsTheSignedSumOfFills() =>
        Prop.ForAll(Scenario, s =>
        {
            var p = new Position { Symbol = "X" };
            var fills = Run(p, s.Steps);
            return p.Quantity == fills.Sum(f => f.Signed);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TotalPnl_IsPathIndependentCashAccounting() =>
        Prop.ForAll(Scenario, s =>
        {
            var p = new Position { Symbol = "X" };
            var fills = Run(p, s.Steps);
            // Cash paid and received, plus what is still held valued at the mark.
            var expected = fills.Sum(f => -f.Signed * f.Price) + (p.Quantity * s.Mark);
            var actual = p.RealizedPnl + p.UnrealizedPnl(s.Mark);
            return Math.Abs(actual - expected) <= Tolerance;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AveragePrice_IsZeroWheneverFlat_AndPositiveOtherwise() =>
        Prop.ForAll(Scenario, s =>
        {
            var ok = true;
            Run(new Position { Symbol = "X" }, s.Steps, p => ok &= p.IsFlat ? p.AveragePrice == 0m : p.AveragePrice > 0m);
            return ok;
        }).QuickCheckThrowOnFailure();
}
