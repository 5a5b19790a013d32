using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.MarketData;

public sealed class PriceStepTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Bar Bar(decimal open, decimal high, decimal low, decimal close) =>
        new("X", Day0, open, high, low, close, 1m, TimeSpan.FromDays(1));

    [Theory]
    [InlineData("1.10427", "0.00001")]      // a currency pair quoted to five places
    [InlineData("100.50", "0.1")]           // a trailing zero needs no place
    [InlineData("4800.25", "0.01")]
    [InlineData("100", "1")]
    [InlineData("100.00", "1")]
    [InlineData("0.0000123456789", "0.00000001")] // finer than a satoshi: taken at eight places
    public void Of_IsTheFinestStepAnyPriceIsWrittenIn(string price, string step)
    {
        var p = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture), PriceStep.Of([Bar(100m, 101m, 99m, 100m), Bar(p, p, p, p)]));
    }

    [Fact]
    public void Of_LooksAtOpenHighLowAndClose()
    {
        Assert.Equal(0.001m, PriceStep.Of([Bar(1.001m, 2m, 1m, 1.5m)]));
        Assert.Equal(0.001m, PriceStep.Of([Bar(1m, 2.001m, 1m, 1.5m)]));
        Assert.Equal(0.001m, PriceStep.Of([Bar(1m, 2m, 1.001m, 1.5m)]));
        Assert.Equal(0.001m, PriceStep.Of([Bar(1m, 2m, 1m, 1.501m)]));
        Assert.Equal(1m, PriceStep.Of([]));
    }
}
