using Bulwark.Core.Model;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class InstrumentConfigTests
{
    [Theory]
    [InlineData(AssetClass.Equity, "", "0.0001")]
    [InlineData(AssetClass.Equity, "XNAS", "0.0001")]
    [InlineData(AssetClass.Crypto, "", null)]
    [InlineData(AssetClass.Equity, "CRYPTO", null)]
    [InlineData(AssetClass.Fx, "", null)]
    public void AConfiguredUsShare_QuotesInHundredthsOfACentUnderADollar(AssetClass assetClass, string exchange, string? subDollar)
    {
        var instrument = new InstrumentConfig { Symbol = "X", AssetClass = assetClass, Exchange = exchange }.ToInstrument();

        Assert.Equal(subDollar is null ? null : decimal.Parse(subDollar, System.Globalization.CultureInfo.InvariantCulture), instrument.SubDollarTickSize);
    }

    [Fact]
    public void AConfiguredTickFinerThanAHundredthOfACent_HasNoSubDollarTick()
    {
        var instrument = new InstrumentConfig { Symbol = "X", AssetClass = AssetClass.Equity, TickSize = 0.00001m }.ToInstrument();

        Assert.Null(instrument.SubDollarTickSize);
        Assert.Equal(0.00001m, instrument.TickAt(0.5m));
    }
}
