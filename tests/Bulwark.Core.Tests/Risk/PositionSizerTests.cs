using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Tests.Risk;

public sealed class PositionSizerTests
{
    private static readonly Instrument Stock = new("AAPL", AssetClass.Equity);
    private static readonly Instrument RoundLots = new("7203.T", AssetClass.Equity, lotSize: 100m);
    private static readonly Instrument Future = new("ES", AssetClass.Equity, multiplier: 50m);

    private static PositionSizer Sizer(SizingMode mode, bool adaptive = false) => new(new SizingOptions
    {
        Mode = mode,
        Quantity = 250m,
        Notional = 10_000m,
        PercentOfEquity = 5m,
        UseAdaptiveWeights = adaptive,
    });

    [Fact]
    public void FixedQuantity_IsTheConfiguredQuantity() =>
        Assert.Equal(250m, Sizer(SizingMode.FixedQuantity).Size(Stock, 33m, 1_000_000m, 1m, 1m));

    [Fact]
    public void FixedQuantity_RoundsDownToTheLot() =>
        Assert.Equal(200m, Sizer(SizingMode.FixedQuantity).Size(RoundLots, 33m, 1_000_000m, 1m, 1m));

    [Fact]
    public void FixedNotional_IsNotionalOverPrice_RoundedDownToTheLot()
    {
        // 10,000 / 33 = 303.03...
        Assert.Equal(303m, Sizer(SizingMode.FixedNotional).Size(Stock, 33m, 0m, 1m, 1m));
        Assert.Equal(300m, Sizer(SizingMode.FixedNotional).Size(RoundLots, 33m, 0m, 1m, 1m));
    }

    [Fact]
    public void FixedNotional_AccountsForTheMultiplier() =>
        // 10,000 / (40 * 50) = 5 contracts
        Assert.Equal(5m, Sizer(SizingMode.FixedNotional).Size(Future, 40m, 0m, 1m, 1m));

    [Fact]
    public void PercentOfEquity_IsThatShareOfEquityOverPrice()
    {
        // 5% of 200,000 = 10,000; / 30 = 333.3
        Assert.Equal(333m, Sizer(SizingMode.PercentOfEquity).Size(Stock, 30m, 200_000m, 1m, 1m));
        Assert.Equal(300m, Sizer(SizingMode.PercentOfEquity).Size(RoundLots, 30m, 200_000m, 1m, 1m));
    }

    [Fact]
    public void PercentOfEquity_WithNoEquity_IsZero()
    {
        Assert.Equal(0m, Sizer(SizingMode.PercentOfEquity).Size(Stock, 30m, 0m, 1m, 1m));
        Assert.Equal(0m, Sizer(SizingMode.PercentOfEquity).Size(Stock, 30m, -50_000m, 1m, 1m));
    }

    [Theory]
    [InlineData("0.5", "125")]
    [InlineData("0.1", "25")]
    [InlineData("1", "250")]
    [InlineData("0", "250")] // unspecified strength counts as full
    [InlineData("0.003", "0")]
    public void Strength_ScalesTheSize(string strength, string expected) =>
        Assert.Equal(decimal.Parse(expected), Sizer(SizingMode.FixedQuantity).Size(Stock, 10m, 0m, decimal.Parse(strength), 1m));

    [Fact]
    public void Strength_IsAppliedBeforeLotRounding() =>
        // 250 * 0.9 = 225 -> 200 in lots of 100; scaling after rounding would give 180, not a whole lot.
        Assert.Equal(200m, Sizer(SizingMode.FixedQuantity).Size(RoundLots, 10m, 0m, 0.9m, 1m));

    [Fact]
    public void AdaptiveWeight_WhenEnabled_ScalesTheSize()
    {
        Assert.Equal(375m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 10m, 0m, 1m, 1.5m));
        Assert.Equal(62m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 10m, 0m, 1m, 0.25m)); // 62.5 down
        Assert.Equal(31m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 10m, 0m, 0.5m, 0.25m));
    }

    [Theory]
    [InlineData("1", "0.67", "1")] // 0.67 of one share would round to none: the source keeps its one lot
    [InlineData("3", "0.25", "1")]
    [InlineData("4", "0.25", "1")]
    [InlineData("8", "0.25", "2")]
    [InlineData("1", "1.5", "1")]
    [InlineData("2", "1.5", "3")]
    public void AdaptiveWeight_NeverTakesALotDownToNothing(string quantity, string weight, string expected)
    {
        var sizer = new PositionSizer(new SizingOptions { Quantity = decimal.Parse(quantity), UseAdaptiveWeights = true });
        Assert.Equal(decimal.Parse(expected), sizer.Size(Stock, 10m, 0m, 1m, decimal.Parse(weight)));
    }

    [Fact]
    public void AdaptiveWeight_KeepsOneRoundLot() =>
        // 250 in lots of 100 is 200; a quarter of it is 62.5, under one lot: the source still trades one lot.
        Assert.Equal(100m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(RoundLots, 10m, 0m, 1m, 0.25m));

    [Fact]
    public void AdaptiveWeight_KeepsNoLotForASizeThatWasUnderOneBeforeTheWeight()
    {
        // A weak signal (strength 0.003 of 250 is 0.75 shares) is too small to trade unless its weight lifts it to a share.
        Assert.Equal(0m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 10m, 0m, 0.003m, 0.25m));
        Assert.Equal(1m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 10m, 0m, 0.003m, 1.5m));
        // Notional under one share's price stays none.
        var small = new PositionSizer(new SizingOptions { Mode = SizingMode.FixedNotional, Notional = 5m, UseAdaptiveWeights = true });
        Assert.Equal(0m, small.Size(Stock, 10m, 0m, 1m, 0.25m));
    }

    [Fact]
    public void AdaptiveWeight_WhenDisabled_IsIgnored() =>
        Assert.Equal(250m, Sizer(SizingMode.FixedQuantity).Size(Stock, 10m, 0m, 1m, 0.25m));

    [Theory]
    [InlineData(SizingMode.FixedQuantity)]
    [InlineData(SizingMode.FixedNotional)]
    [InlineData(SizingMode.PercentOfEquity)]
    public void NoPrice_SizesToZero(SizingMode mode)
    {
        Assert.Equal(0m, Sizer(mode).Size(Stock, 0m, 100_000m, 1m, 1m));
        Assert.Equal(0m, Sizer(mode).Size(Stock, -1m, 100_000m, 1m, 1m));
    }

    [Fact]
    public void Size_IsAlwaysAWholeNumberOfLots()
    {
        var sizer = Sizer(SizingMode.FixedNotional);
        for (var price = 1m; price < 500m; price += 7.13m)
        {
            var size = sizer.Size(RoundLots, price, 0m, 1m, 1m);
            Assert.Equal(0m, size % 100m);
            Assert.True(size * price <= 10_000m, $"{size} at {price} is over the notional");
            Assert.True((size + 100m) * price > 10_000m, $"{size} at {price} leaves a whole lot unused");
        }
    }

    [Fact]
    public void RiskPercent_LosesThePercentAtTheStop_NeverMoreThanTheAccountBuys_AndNothingWithoutAStop()
    {
        var sizer = new PositionSizer(new SizingOptions { Mode = SizingMode.RiskPercent, RiskPercent = 1m });
        var bold = new PositionSizer(new SizingOptions { Mode = SizingMode.RiskPercent, RiskPercent = 10m });
        var margined = new Instrument("ES", AssetClass.Equity, multiplier: 50m, initialMargin: 5_000m);

        Assert.Equal(200m, sizer.Size(Stock, 100m, 100_000m, 1m, 1m, stopDistance: 5m)); // 1,000 at risk over 5 a share
        Assert.Equal(1_000m, bold.Size(Stock, 100m, 100_000m, 1m, 1m, stopDistance: 1m)); // 10,000 a share's risk away, but 100,000 buys 1,000
        Assert.Equal(2m, sizer.Size(margined, 4_000m, 100_000m, 1m, 1m, stopDistance: 10m)); // 1,000 over 10 points of 50
        Assert.Equal(20m, bold.Size(margined, 4_000m, 100_000m, 1m, 1m, stopDistance: 1m)); // the margin of 20 contracts is the account
        Assert.Equal(0m, sizer.Size(Stock, 100m, 100_000m, 1m, 1m));
        Assert.Equal(0m, sizer.Size(Stock, 100m, 100_000m, 1m, 1m, stopDistance: 0m));
        Assert.Equal(100m, sizer.Size(Stock, 100m, 100_000m, 0.5m, 1m, stopDistance: 5m)); // strength scales it as any size
    }

    [Fact]
    public void Volatility_IsThePercentOfEquityOverOneRangeOfTheSymbol_TimesItsMultiplier()
    {
        var sizer = new PositionSizer(new SizingOptions { Mode = SizingMode.Volatility, VolatilityPercent = 1m });

        // 1 % of 100,000 over an ATR of 2: 500 shares move 1,000 a range.
        Assert.Equal(500m, sizer.Size(Stock, 50m, 100_000m, 1m, 1m, range: 2m));
        // A future: 1,000 over a range of 10 points of 50 each.
        Assert.Equal(2m, sizer.Size(Future, 40m, 100_000m, 1m, 1m, range: 10m));
        // A calm market is capped at what the account buys: 100,000 / 50.
        Assert.Equal(2_000m, sizer.Size(Stock, 50m, 100_000m, 1m, 1m, range: 0.1m));
        // No range, or none yet: nothing.
        Assert.Equal(0m, sizer.Size(Stock, 50m, 100_000m, 1m, 1m));
        Assert.Equal(0m, sizer.Size(Stock, 50m, 100_000m, 1m, 1m, range: 0m));
        Assert.True(sizer.NeedsEquity);
    }

    [Fact]
    public void ACapInPercentOfEquity_HoldsEveryModeToThatShareOfTheAccount()
    {
        var volatility = new PositionSizer(new SizingOptions { Mode = SizingMode.Volatility, VolatilityPercent = 1m, MaxPercentOfEquity = 25m });
        var fixedSize = new PositionSizer(new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 250m, MaxPercentOfEquity = 0.5m });
        var uncapped = new PositionSizer(new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 250m });

        // A calm market (an ATR of 0.1) would buy the whole account, 2,000 at 50: the cap holds it to 25 %, 500.
        Assert.Equal(500m, volatility.Size(Stock, 50m, 100_000m, 1m, 1m, range: 0.1m));
        // Under the cap the mode's size stands: 1,000 over an ATR of 4 is 250, 12,500 of the 25,000 allowed.
        Assert.Equal(250m, volatility.Size(Stock, 50m, 100_000m, 1m, 1m, range: 4m));
        // A fixed 250 at 33 is 8,250; 0.5 % of 1,000,000 is 5,000, 151 shares. A future counts its multiplier.
        Assert.Equal(151m, fixedSize.Size(Stock, 33m, 1_000_000m, 1m, 1m));
        Assert.Equal(2m, fixedSize.Size(Future, 40m, 1_000_000m, 1m, 1m)); // 5,000 / (40 x 50)
        Assert.Equal(250m, uncapped.Size(Stock, 33m, 0m, 1m, 1m));
        Assert.True(fixedSize.NeedsEquity);
        Assert.False(uncapped.NeedsEquity);
    }

    [Theory]
    [InlineData(0.1, 25)] // a tenth of 250
    [InlineData(0.5, 125)]
    [InlineData(1, 250)]
    public void AnAllocation_TradesThatShareOfTheSize(double allocation, int expected) =>
        Assert.Equal(expected, Sizer(SizingMode.FixedQuantity).Size(Stock, 33m, 0m, 1m, 1m, allocation: (decimal)allocation));

    [Fact]
    public void AnAllocation_RoundsDownToTheLot_ButNeverTakesALotDownToNothing()
    {
        Assert.Equal(100m, Sizer(SizingMode.FixedQuantity).Size(RoundLots, 33m, 0m, 1m, 1m, allocation: 0.5m)); // 100 of 200 lots' shares
        Assert.Equal(100m, Sizer(SizingMode.FixedQuantity).Size(RoundLots, 33m, 0m, 1m, 1m, allocation: 0.1m)); // 20 shares: one lot
        Assert.Equal(1m, Sizer(SizingMode.FixedQuantity).Size(Stock, 33m, 0m, 0.01m, 1m, allocation: 0.01m)); // 2 shares before, 0.025 after: one
        Assert.Equal(0m, Sizer(SizingMode.FixedQuantity).Size(Stock, 33m, 0m, 0.001m, 1m, allocation: 0.5m)); // nothing before: nothing after
    }

    [Fact]
    public void AnAllocation_AndAnAdaptiveWeight_Multiply() =>
        Assert.Equal(50m, Sizer(SizingMode.FixedQuantity, adaptive: true).Size(Stock, 33m, 0m, 1m, 0.5m, allocation: 0.4m)); // 250 x 0.4 x 0.5
}
