using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Model;

public sealed class PriceTextTests
{
    [Theory]
    [InlineData("3643.35", "3643.35")]
    [InlineData("100", "100.00")]
    [InlineData("100.5", "100.50")]
    [InlineData("1.10427", "1.10427")]     // a currency pair is not shown as 1.10
    [InlineData("1.10170", "1.1017")]
    [InlineData("0.00001234", "0.00001234")] // nor a coin's price as 0.00
    public void Of_ShowsTwoPlacesAndEveryFurtherOneThePriceHas(string price, string text)
    {
        Assert.Equal(text, PriceText.Of(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
