using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

public sealed class GridLevelsTests
{
    private const decimal Tick = 0.01m;

    [Fact]
    public void PercentSpacing_IsThatShareOfTheCenter_RoundedUpToTheTick()
    {
        var options = new GridOptions { SpacingPercent = 1m };
        Assert.Equal(1.00m, GridLevels.Step(options, 100m, atr: 99m, Tick));
        Assert.Equal(0.51m, GridLevels.Step(new GridOptions { SpacingPercent = 0.5m }, 101.01m, 0m, Tick)); // 0.50505 -> 0.51
        Assert.Equal(1.00m, GridLevels.Step(new GridOptions(), 100m, 0m, Tick)); // neither given: 1 %
    }

    [Fact]
    public void AtrSpacing_IsTheMultipleOfTheAtr_AndNeverBelowOneTick()
    {
        var options = new GridOptions { AtrMultiple = 1.5m };
        Assert.Equal(3.00m, GridLevels.Step(options, 100m, atr: 2m, Tick));
        Assert.Equal(Tick, GridLevels.Step(options, 100m, atr: 0m, Tick));
    }

    [Fact]
    public void Levels_AreBelowTheCenterForNegativeIndexesAndAbove()
    {
        Assert.Equal(98m, GridLevels.PriceAt(100m, 1m, -2));
        Assert.Equal(103m, GridLevels.PriceAt(100m, 1m, 3));
    }

    [Fact]
    public void Bias_MovesTheCenterByStrengthTimesTheEmaChange_OnTheTick()
    {
        Assert.Equal(103m, GridLevels.Center(100m, emaChange: 1.5m, biasStrength: 2m, Tick));
        Assert.Equal(99.67m, GridLevels.Center(100m, emaChange: -0.333m, biasStrength: 1m, Tick));
        Assert.Equal(100m, GridLevels.Center(100m, emaChange: 5m, biasStrength: 0m, Tick));
    }

    [Fact]
    public void SizeScale_MultipliesEachLevelFurtherOut_RoundedDownToLots()
    {
        var options = new GridOptions { Size = 2m, SizeScale = 1.5m };
        Assert.Equal([2m, 3m, 4m, 6m], [.. Enumerable.Range(1, 4).Select(d => GridLevels.QuantityAt(options, d, lotSize: 1m))]);
        Assert.Equal(4.5m, GridLevels.QuantityAt(options, 3, lotSize: 0.5m));
        // Default max inventory: one full side of levels.
        Assert.Equal(2m + 3m + 4m, (options with { LevelsPerSide = 3 }).EffectiveMaxInventory(1m));
    }

    [Fact]
    public void Bounds_AreInclusive_AndOptional()
    {
        var options = new GridOptions { LowerBound = 90m, UpperBound = 110m };
        Assert.True(GridLevels.InBounds(options, 90m));
        Assert.True(GridLevels.InBounds(options, 110m));
        Assert.False(GridLevels.InBounds(options, 89.99m));
        Assert.False(GridLevels.InBounds(options, 110.01m));
        Assert.True(GridLevels.InBounds(new GridOptions(), 1_000_000m));
        Assert.False(GridLevels.InBounds(new GridOptions(), 0m));
    }

    [Fact]
    public void MaxInventory_CountsThePositionAndEveryWorkingOrderOnTheSide()
    {
        var options = new GridOptions();
        Assert.True(GridLevels.MayAdd(options, 5m, OrderSide.Buy, position: 2m, openSameSide: 2m, quantity: 1m));
        Assert.False(GridLevels.MayAdd(options, 5m, OrderSide.Buy, position: 2m, openSameSide: 2m, quantity: 2m));
        Assert.True(GridLevels.MayAdd(options, 5m, OrderSide.Sell, position: 0m, openSameSide: 4m, quantity: 1m));
        Assert.False(GridLevels.MayAdd(options, 5m, OrderSide.Sell, position: 0m, openSameSide: 5m, quantity: 1m));
        // Long only: a sell rests only against inventory not already on sale.
        var longOnly = options with { AllowShort = false };
        Assert.True(GridLevels.MayAdd(longOnly, 5m, OrderSide.Sell, position: 3m, openSameSide: 2m, quantity: 1m));
        Assert.False(GridLevels.MayAdd(longOnly, 5m, OrderSide.Sell, position: 3m, openSameSide: 3m, quantity: 1m));
    }

    [Theory]
    [InlineData("levels", "0", "params.levels: expected a whole number >= 1, got '0'")]
    [InlineData("spacingPercent", "-1", "params.spacingPercent: expected 'off' or a number > 0, got '-1'")]
    [InlineData("spacingPercent", "100", "params.spacingPercent: must be above 0 and below 100, got 100")]
    [InlineData("atrPeriod", "x", "params.atrPeriod: expected a whole number >= 1, got 'x'")]
    [InlineData("center", "lastish", "params.center: expected 'last' or a number > 0, got 'lastish'")]
    [InlineData("sizeScale", "0", "params.sizeScale: expected a number > 0, got '0'")]
    [InlineData("maxInventory", "-2", "params.maxInventory: expected 'auto' or a number > 0, got '-2'")]
    [InlineData("driftTolerance", "-0.5", "params.driftTolerance: expected a number >= 0, got '-0.5'")]
    [InlineData("recenterSteps", "0", "params.recenterSteps: expected 'off' or a whole number >= 1, got '0'")]
    [InlineData("spacing", "1", "params.spacing: unknown parameter of grid; known: ")]
    public void Catalog_BadGridParameter_NamesTheParameter(string key, string value, string expected)
    {
        var result = StrategyCatalog.Build("grid", "g", ["AAA"], new Dictionary<string, string> { [key] = value });
        Assert.False(result.Ok);
        Assert.StartsWith(expected, Assert.Single(result.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_GridRules_AcrossParameters_AreReportedTogether()
    {
        var result = StrategyCatalog.Build("grid", "g", ["AAA"], new Dictionary<string, string>
        {
            ["spacingPercent"] = "1", ["atrMultiple"] = "2", ["lowerBound"] = "120", ["upperBound"] = "100",
            ["biasStrength"] = "1", ["center"] = "130",
        });
        Assert.Equal(
            [
                "params.atrMultiple: give either spacingPercent or atrMultiple, not both",
                "params.biasPeriod: must be at least 1 when biasStrength is set, got 0",
                "params.upperBound: must be above lowerBound (120), got 100",
                "params.center: must be inside the bounds, got 130",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Catalog_GoodGridParameters_BuildTheStrategy()
    {
        var result = StrategyCatalog.Build("grid", "g", ["AAA"], new Dictionary<string, string>
        {
            ["levels"] = "4", ["atrMultiple"] = "0.5", ["atrPeriod"] = "10", ["center"] = "last", ["biasPeriod"] = "20",
            ["biasStrength"] = "3", ["size"] = "2", ["sizeScale"] = "1.5", ["lowerBound"] = "50", ["upperBound"] = "150",
            ["maxInventory"] = "10", ["driftTolerance"] = "1", ["allowShort"] = "false", ["recenterSteps"] = "6",
        });
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.IsType<GridStrategy>(result.Strategy);
    }
}
