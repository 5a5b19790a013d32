using Bulwark.Backtest.Optimization;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class TransactionCostTests
{
    [Theory]
    [InlineData("2.5", TransactionCostKind.CommissionPerFill, "2.5", "2.5")]
    [InlineData(" 0 ", TransactionCostKind.CommissionPerFill, "0", "0")]
    [InlineData("0.005/share", TransactionCostKind.CommissionPerShare, "0.005", "0.005/share")]
    [InlineData("0.1%", TransactionCostKind.CommissionPercent, "0.1", "0.1%")]
    [InlineData("5bps", TransactionCostKind.SlippageBps, "5", "5bps")]
    [InlineData("5 BPS", TransactionCostKind.SlippageBps, "5", "5bps")]
    [InlineData("3%/short", TransactionCostKind.FinancingShortPercent, "3", "3%/short")]
    [InlineData("-1.5 %/LONG", TransactionCostKind.FinancingLongPercent, "-1.5", "-1.5%/long")]
    [InlineData("10%/impact", TransactionCostKind.ImpactPercent, "10", "10%/impact")]
    public void Parse_ReadsTheKindFromTheSuffix_AndLabelWritesItBack(string text, TransactionCostKind kind, string value, string label)
    {
        var cost = TransactionCost.Parse(text);

        Assert.Equal(kind, cost.Kind);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), cost.Value);
        Assert.Equal(label, cost.Label);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-1bps")]
    [InlineData("10pct")]
    [InlineData("%")]
    [InlineData("")]
    [InlineData("1e3")]
    public void Parse_RefusesWhatIsNotACostAtLeastZero_NamingTheValue(string text)
    {
        var ex = Assert.Throws<FormatException>(() => TransactionCost.Parse(text));
        Assert.StartsWith($"'{text}' is not a cost >= 0", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("101%/short")]
    [InlineData("-100.5%/long")]
    [InlineData("x%/short")]
    public void Parse_RefusesAFinancingRateOutsideAHundredPercent_NamingTheValue(string text)
    {
        var ex = Assert.Throws<FormatException>(() => TransactionCost.Parse(text));
        Assert.Equal($"'{text}' is not a yearly financing rate in [-100, 100] percent (3%/short, -1%/long)", ex.Message);
    }

    [Theory]
    [InlineData("101%/impact")]
    [InlineData("-1%/impact", true)]
    public void Parse_RefusesAnImpactBeyondAHundredPercent_OrBelowZero(string text, bool negative = false)
    {
        var ex = Assert.Throws<FormatException>(() => TransactionCost.Parse(text));
        Assert.StartsWith(negative ? $"'{text}' is not a cost >= 0" : $"'{text}' is not a market impact from 0 to 100 percent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyTo_AnImpact_SetsTheRunsImpactAndLeavesItsSlippage()
    {
        var options = OptimizationData.Options() with { SlippageBps = 2m, ImpactPercent = 5m };

        var applied = TransactionCost.Parse("20%/impact").ApplyTo(options);

        Assert.Equal((20m, 2m), (applied.ImpactPercent, applied.SlippageBps));
    }

    [Fact]
    public void ApplyTo_AShortFinancingRate_IsEveryShortsIncludingASymbolsOwn_AndLeavesTheLongs()
    {
        var options = OptimizationData.Options() with
        {
            FinancingLongPercent = 2m,
            FinancingShortPercent = 1m,
            FinancingBySymbol = new Dictionary<string, Venues.Paper.FinancingRates>(StringComparer.Ordinal) { ["GME"] = new(4m, 35m) },
        };

        var applied = TransactionCost.Parse("10%/short").ApplyTo(options);

        Assert.Equal((2m, 10m), (applied.FinancingLongPercent, applied.FinancingShortPercent));
        Assert.Equal(new Venues.Paper.FinancingRates(4m, 10m), applied.FinancingBySymbol["GME"]);
        Assert.Equal(new Venues.Paper.FinancingRates(4m, 35m), options.FinancingBySymbol["GME"]); // the run's own are left as they were
    }

    [Fact]
    public void ApplyTo_ReplacesOnlyItsOwnCost()
    {
        var options = OptimizationData.Options() with
        {
            CommissionPerFill = 1m, CommissionPerShare = 0.01m, CommissionPercent = 0.2m, SlippageBps = 3m,
        };

        Assert.Equal((9m, 0.01m, 0.2m, 3m), Costs(TransactionCost.Parse("9").ApplyTo(options)));
        Assert.Equal((1m, 0.02m, 0.2m, 3m), Costs(TransactionCost.Parse("0.02/share").ApplyTo(options)));
        Assert.Equal((1m, 0.01m, 0.05m, 3m), Costs(TransactionCost.Parse("0.05%").ApplyTo(options)));
        Assert.Equal((1m, 0.01m, 0.2m, 7m), Costs(TransactionCost.Parse("7bps").ApplyTo(options)));
    }

    [Fact]
    public void ApplyTo_ABpsCost_ClearsTicks_WhichWouldOtherwiseReplaceIt()
    {
        var options = OptimizationData.Options() with { SlippageTicks = 2m };

        var applied = TransactionCost.Parse("5bps").ApplyTo(options);

        Assert.Equal((5m, 0m), (applied.SlippageBps, applied.SlippageTicks));
    }

    private static (decimal, decimal, decimal, decimal) Costs(BacktestOptions o) =>
        (o.CommissionPerFill, o.CommissionPerShare, o.CommissionPercent, o.SlippageBps);
}
