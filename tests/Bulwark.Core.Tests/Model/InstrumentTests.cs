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
}
