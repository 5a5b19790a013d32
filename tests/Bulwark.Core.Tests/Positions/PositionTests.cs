using Bulwark.Core.Positions;

namespace Bulwark.Core.Tests.Positions;

public sealed class PositionTests
{
    private static Position New(decimal multiplier = 1m) => new() { Symbol = "AAPL", Multiplier = multiplier };

    [Fact]
    public void Open_Long_SetsQuantityAndAveragePrice_AndRealizesNothing()
    {
        var p = New();

        var realized = p.Apply(10m, 100m, 0m);

        Assert.Equal(0m, realized);
        Assert.Equal(10m, p.Quantity);
        Assert.Equal(100m, p.AveragePrice);
        Assert.False(p.IsFlat);
    }

    [Fact]
    public void Add_ToLong_AveragesTheCost()
    {
        var p = New();
        p.Apply(10m, 100m, 0m);

        p.Apply(30m, 120m, 0m);

        Assert.Equal(40m, p.Quantity);
        Assert.Equal(115m, p.AveragePrice); // (10*100 + 30*120) / 40
        Assert.Equal(0m, p.RealizedPnl);
    }

    [Fact]
    public void PartialClose_RealizesOnTheClosedPart_AndKeepsTheAverage()
    {
        var p = New();
        p.Apply(10m, 100m, 0m);
        p.Apply(10m, 110m, 0m); // avg 105

        var realized = p.Apply(-5m, 120m, 0m);

        Assert.Equal(75m, realized); // (120 - 105) * 5
        Assert.Equal(15m, p.Quantity);
        Assert.Equal(105m, p.AveragePrice);
        Assert.Equal(75m, p.RealizedPnl);
    }

    [Fact]
    public void FullClose_RealizesEverything_AndResetsTheAverage()
    {
        var p = New();
        p.Apply(10m, 100m, 0m);

        var realized = p.Apply(-10m, 93.5m, 0m);

        Assert.Equal(-65m, realized); // (93.5 - 100) * 10
        Assert.True(p.IsFlat);
        Assert.Equal(0m, p.AveragePrice);
        Assert.Equal(0m, p.UnrealizedPnl(50m));
    }

    [Fact]
    public void Flip_ThroughZero_ClosesTheOldSideAndOpensTheRestAtTheFillPrice()
    {
        var p = New();
        p.Apply(10m, 100m, 0m);

        var realized = p.Apply(-15m, 90m, 0m);

        Assert.Equal(-100m, realized); // (90 - 100) * 10 on the closed long
        Assert.Equal(-5m, p.Quantity);
        Assert.Equal(90m, p.AveragePrice);
        Assert.Equal(25m, p.UnrealizedPnl(85m)); // short 5 from 90, mark 85
    }

    [Fact]
    public void Short_GainsWhenThePriceFalls()
    {
        var p = New();
        p.Apply(-10m, 50m, 0m);
        p.Apply(-10m, 60m, 0m); // avg 55

        Assert.Equal(-20m, p.Quantity);
        Assert.Equal(55m, p.AveragePrice);
        Assert.Equal(100m, p.UnrealizedPnl(50m)); // (55 - 50) * 20

        var realized = p.Apply(4m, 40m, 0m);

        Assert.Equal(60m, realized); // (55 - 40) * 4
        Assert.Equal(-16m, p.Quantity);
        Assert.Equal(-800m, p.MarketValue(50m));
    }

    [Fact]
    public void Multiplier_ScalesRealizedUnrealizedAndMarketValue()
    {
        var p = New(multiplier: 100m);
        p.Apply(2m, 3.5m, 0m);

        Assert.Equal(100m, p.UnrealizedPnl(4m)); // 0.5 * 2 * 100
        Assert.Equal(800m, p.MarketValue(4m));

        var realized = p.Apply(-2m, 4.25m, 0m);

        Assert.Equal(150m, realized); // 0.75 * 2 * 100
    }

    [Fact]
    public void Commissions_AreTrackedApart_RealizedIsGross_RoundTripIsNet()
    {
        var p = New();
        p.Apply(10m, 100m, 1.25m);
        var realized = p.Apply(-10m, 102m, 1.75m);

        Assert.Equal(20m, realized);
        Assert.Equal(20m, p.RealizedPnl);
        Assert.Equal(3m, p.Commissions);
        Assert.Equal(17m, p.RoundTripPnl); // 20 - 1.25 - 1.75
    }

    [Fact]
    public void RoundTripPnl_AccumulatesAcrossPartialCloses()
    {
        var p = New();
        p.Apply(-10m, 20m, 0.5m);
        p.Apply(5m, 18m, 0.5m);  // +10
        p.Apply(5m, 21m, 0.5m);  // -5

        Assert.True(p.IsFlat);
        Assert.Equal(5m, p.RealizedPnl);
        Assert.Equal(3.5m, p.RoundTripPnl);
    }

    [Fact]
    public void Apply_WithZeroQuantity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => New().Apply(0m, 10m, 0m));
}
