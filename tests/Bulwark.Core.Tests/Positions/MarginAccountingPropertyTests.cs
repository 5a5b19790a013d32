using Bulwark.Core.Positions;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Positions;

/// <summary>
/// Futures-like accounting moves PnL into cash at every close instead of at the exit, and parks margin instead of
/// paying notional; it must never change what the account is worth.
/// </summary>
public sealed class MarginAccountingPropertyTests
{
    private const decimal StartingCash = 50_000m;
    private const decimal Multiplier = 10m;
    private const decimal Margin = 2_000m;

    // Realized PnL goes through the average price, a decimal division: equal up to the last digits.
    private const decimal Tolerance = 0.000_000_001m;

    /// <summary>A fill (Signed != 0, with a commission) or a bar close (Signed == 0) at Price.</summary>
    private sealed record Step(decimal Signed, decimal Price, decimal Commission);

    private static readonly Gen<Step> StepGen =
        from close in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from buy in Gen.Elements(true, false)
        from qty in Gen.Choose(1, 5)
        from priceCents in Gen.Choose(1, 1_000_000)
        from commissionCents in Gen.Choose(0, 500)
        select new Step(close ? 0m : (buy ? qty : -qty), priceCents / 100m, commissionCents / 100m);

    [Fact]
    public void MarginedValue_EqualsCashAccounting_AndStartingCashPlusPnlLessCommissions_AfterEveryStep() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Gen.ArrayOf(StepGen).Resize(60).ToArbitrary(), steps =>
            {
                var ordinary = new Position { Symbol = "ES", Multiplier = Multiplier };
                var margined = new Position { Symbol = "ES", Multiplier = Multiplier, InitialMargin = Margin };
                decimal ordinaryCash = StartingCash, marginedCash = StartingCash, mark = 0m;
                foreach (var step in steps)
                {
                    mark = step.Price;
                    if (step.Signed == 0m)
                    {
                        marginedCash += MarginAccounting.Variation(margined.Quantity, margined.SettlementPrice, step.Price, Multiplier);
                        if (!margined.IsFlat) margined.SettlementPrice = step.Price;
                    }
                    else
                    {
                        ordinaryCash += MarginAccounting.CashChangeOnFill(ordinary.Quantity, 0m, step.Signed, step.Price,
                            Multiplier, 0m, step.Commission);
                        ordinary.Apply(step.Signed, step.Price, step.Commission);
                        marginedCash += MarginAccounting.CashChangeOnFill(margined.Quantity, margined.SettlementPrice,
                            step.Signed, step.Price, Multiplier, Margin, step.Commission);
                        margined.Apply(step.Signed, step.Price, step.Commission);
                        margined.SettlementPrice = MarginAccounting.SettlementPriceAfterFill(margined.Quantity, step.Price);
                    }

                    var ordinaryValue = ordinaryCash + ordinary.Value(mark);
                    var marginedValue = marginedCash + margined.Value(mark);
                    if (marginedValue != ordinaryValue)
                        throw new InvalidOperationException($"margined value {marginedValue} != cash-accounted {ordinaryValue}");
                    var books = StartingCash + margined.RealizedPnl + margined.UnrealizedPnl(mark) - margined.Commissions;
                    if (Math.Abs(marginedValue - books) > Tolerance)
                        throw new InvalidOperationException($"value {marginedValue} != cash + realized + unrealized - commissions {books}");
                    if (step.Signed == 0m && marginedCash + (Margin * Math.Abs(margined.Quantity)) != marginedValue)
                        throw new InvalidOperationException("after a close nothing is left unsettled: value = cash + margin held");
                }
                return true;
            }));

    [Fact]
    public void Fill_PostsMarginOnTheContractsAdded_AndReleasesItOnThoseRemoved_IncludingAFlip()
    {
        // Long 1 settled at 100; sell 3 at 110: +100 variation, |1| -> |-2| posts one more margin, commission 2.
        Assert.Equal(100m - 2_000m - 2m, MarginAccounting.CashChangeOnFill(1m, 100m, -3m, 110m, Multiplier, Margin, 2m));
        // Short 2 settled at 110; buy 2 at 105: +100 variation, both margins released.
        Assert.Equal(100m + 4_000m, MarginAccounting.CashChangeOnFill(-2m, 110m, 2m, 105m, Multiplier, Margin, 0m));
        Assert.Equal(0m, MarginAccounting.SettlementPriceAfterFill(0m, 105m));
        Assert.Equal(2_000m, MarginAccounting.MarginRequired(1m, -3m, Margin));
        Assert.Equal(0m, MarginAccounting.MarginRequired(-2m, 1m, Margin));
    }

    [Fact]
    public void OrdinaryInstrument_PaysTheNotional()
    {
        Assert.Equal(-1_002m, MarginAccounting.CashChangeOnFill(0m, 0m, 1m, 100m, Multiplier, 0m, 2m));
        Assert.Equal(1_000m * 3, MarginAccounting.PositionValue(3m, 0m, 100m, Multiplier, 0m));
    }
}
