using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Model;

public sealed class InstrumentTests
{
    [Theory]
    [InlineData(AssetClass.Equity, "XNYS")]
    [InlineData(AssetClass.Bond, "XNYS")]
    [InlineData(AssetClass.Crypto, "CRYPTO")]
    [InlineData(AssetClass.Fx, "FX")]
    public void Exchange_NotGiven_IsTheAssetClassCalendar(AssetClass assetClass, string exchange)
    {
        Assert.Equal(exchange, new Instrument("X", assetClass).Exchange);
        Assert.Equal("XNAS", new Instrument("X", assetClass, exchange: "XNAS").Exchange);
    }

    [Theory]
    [InlineData("0.4537", true)]
    [InlineData("0.45375", false)]
    [InlineData("0.9999", true)]
    [InlineData("1.00", true)]
    [InlineData("1.0037", false)]
    [InlineData("12.34", true)]
    public void ASubDollarTick_HoldsUnderADollar_TheTickFromADollarUp(string price, bool onTick)
    {
        var share = new Instrument("PNY", AssetClass.Equity, subDollarTickSize: Instrument.UsSubDollarTickSize);
        var value = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(onTick, share.IsOnTick(value));
        Assert.Equal(value < 1m ? 0.0001m : 0.01m, share.TickAt(value));
        Assert.Equal(0.0001m, share.FinestTick);
        Assert.False(new Instrument("PNY", AssetClass.Equity).IsOnTick(0.4537m)); // without one: cents at every price
    }

    [Fact]
    public void ASubDollarTick_CoarserThanTheTickOrNotPositive_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument("X", AssetClass.Equity, tickSize: 0.01m, subDollarTickSize: 0.05m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument("X", AssetClass.Equity, subDollarTickSize: 0m));
    }

    [Theory]
    [InlineData(AssetClass.Equity, "XNYS", true)]
    [InlineData(AssetClass.Equity, "xnas ", true)]
    [InlineData(AssetClass.Equity, "CRYPTO", false)]
    [InlineData(AssetClass.Crypto, "XNYS", false)]
    [InlineData(AssetClass.Bond, "XNYS", false)]
    [InlineData(AssetClass.Fx, "FX", false)]
    public void OnlyUsListedShares_QuoteSubPennyUnderADollar(AssetClass assetClass, string exchange, bool subPenny) =>
        Assert.Equal(subPenny, Instrument.QuotesSubPennyUnderADollar(assetClass, exchange));
}
