using Bulwark.Venues.Paper;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperPositionTests
{
    [Fact]
    public void Apply_AddingToAShort_AveragesItsEntryPrice()
    {
        var position = PaperPosition.Flat.Apply(-10m, 50m, 1m).Apply(-30m, 60m, 1m);

        Assert.Equal(new PaperPosition(-40m, 57.5m, 0m), position);
    }

    [Fact]
    public void Apply_ReducingAShort_RealizesTheDropAsGain()
    {
        var position = PaperPosition.Flat.Apply(-10m, 50m, 1m).Apply(4m, 45m, 1m);

        Assert.Equal(new PaperPosition(-6m, 50m, 20m), position);
    }

    [Fact]
    public void Apply_ZeroQuantity_ChangesNothing()
    {
        var position = new PaperPosition(5m, 10m, 3m);

        Assert.Equal(position, position.Apply(0m, 99m, 1m));
    }

    [Fact]
    public void AnyFills_RealizedPlusOpenPnlAtAMark_EqualsTheCashFlowPlusTheMarkValue()
    {
        var fill = from lots in Gen.Choose(-50, 50)
                   from cents in Gen.Choose(1, 20_000)
                   select (Quantity: (decimal)lots, Price: cents / 100m);
        var input = from fills in Gen.ListOf(fill)
                    from mark in Gen.Choose(1, 20_000)
                    from multiplier in Gen.Elements(1m, 50m)
                    select (Fills: fills, Mark: mark / 100m, Multiplier: multiplier);

        var property = Prop.ForAll(Arb.From(input), x =>
        {
            var position = x.Fills.Aggregate(PaperPosition.Flat, (p, f) => p.Apply(f.Quantity, f.Price, x.Multiplier));
            var cashFlow = -x.Fills.Sum(f => f.Quantity * f.Price * x.Multiplier);
            var total = position.RealizedPnl + (position.Quantity * (x.Mark - position.AveragePrice) * x.Multiplier);
            var expected = cashFlow + (position.Quantity * x.Mark * x.Multiplier);
            return position.Quantity == x.Fills.Sum(f => f.Quantity)
                && Math.Abs(total - expected) < 0.000001m
                && (position.Quantity != 0m || position.AveragePrice == 0m);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
