using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Model;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("USDT")]
    [InlineData("USDCX")]
    public void Money_WithA3To5LetterCode_IsCreated(string currency)
    {
        var m = new Money(12.5m, currency);
        Assert.Equal(12.5m, m.Amount);
        Assert.Equal(currency, m.Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("US")]
    [InlineData("USDCXY")]
    public void Money_WithABadCurrencyCode_Throws(string currency) =>
        Assert.Throws<ArgumentException>(() => new Money(1m, currency));

    [Fact]
    public void Money_Arithmetic_InOneCurrency_Works()
    {
        var a = new Money(10.25m, "USD");
        var b = new Money(2.75m, "USD");

        Assert.Equal(new Money(13m, "USD"), a + b);
        Assert.Equal(new Money(7.5m, "USD"), a - b);
        Assert.Equal(new Money(-10.25m, "USD"), -a);
        Assert.Equal(new Money(30.75m, "USD"), a * 3m);
        Assert.Equal(new Money(0m, "USD"), Money.Zero("USD"));
    }

    [Fact]
    public void Money_AcrossCurrencies_Throws()
    {
        var usd = new Money(1m, "USD");
        var eur = new Money(1m, "EUR");

        Assert.Throws<InvalidOperationException>(() => usd + eur);
        Assert.Throws<InvalidOperationException>(() => usd - eur);
    }

    [Fact]
    public void Money_ToString_IsCultureInvariant() =>
        Assert.Equal("1234.5 USD", new Money(1234.5m, "USD").ToString());

    [Fact]
    public void Price_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Price(-0.01m));

    [Fact]
    public void Price_ZeroAndPositive_AreValid()
    {
        Assert.Equal(0m, new Price(0m).Value);
        Assert.Equal(Price.Zero, Price.Of(0m));
        Assert.True(Price.Of(1.5m) > Price.Of(1.25m));
        Assert.True(Price.Of(1m) <= Price.Of(1m));
    }

    [Theory]
    [InlineData("100.12", "0.05", "100.10")]
    [InlineData("100.13", "0.05", "100.15")]
    [InlineData("100.125", "0.05", "100.15")] // exactly half a tick: away from zero
    [InlineData("100.124", "0.25", "100.00")]
    [InlineData("100.125", "0.25", "100.25")]
    [InlineData("0.004", "0.01", "0.00")]
    [InlineData("7", "5", "5")]
    [InlineData("7.5", "5", "10")]
    public void Price_RoundToTick_RoundsToTheNearestTick(string value, string tick, string expected) =>
        Assert.Equal(decimal.Parse(expected), Price.Of(decimal.Parse(value)).RoundToTick(decimal.Parse(tick)).Value);

    [Fact]
    public void Price_RoundToTick_WithNoTick_KeepsThePrice() =>
        Assert.Equal(100.123m, Price.Of(100.123m).RoundToTick(0m).Value);

    [Theory]
    [InlineData("250", "100", "200")]
    [InlineData("-250", "100", "-200")]
    [InlineData("99", "100", "0")]
    [InlineData("-99", "100", "0")]
    [InlineData("300", "100", "300")]
    [InlineData("0.999", "0.01", "0.99")]
    [InlineData("-0.999", "0.01", "-0.99")]
    [InlineData("7.5", "2.5", "7.5")]
    [InlineData("7.4", "2.5", "5.0")]
    public void Quantity_RoundDownToLot_TruncatesTowardZeroAndKeepsTheSign(string value, string lot, string expected) =>
        Assert.Equal(decimal.Parse(expected), Quantity.Of(decimal.Parse(value)).RoundDownToLot(decimal.Parse(lot)).Value);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Quantity_RoundDownToLot_WithANonPositiveLot_Throws(string lot) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(10m).RoundDownToLot(decimal.Parse(lot)));

    [Fact]
    public void Quantity_IsSignedAndSupportsArithmetic()
    {
        var q = Quantity.Of(-3m);

        Assert.Equal(-1, q.Sign);
        Assert.Equal(3m, q.Abs().Value);
        Assert.Equal(2m, (q + Quantity.Of(5m)).Value);
        Assert.Equal(-8m, (q - Quantity.Of(5m)).Value);
        Assert.Equal(3m, (-q).Value);
        Assert.True(Quantity.Zero.IsZero);
        Assert.True(q < Quantity.Zero);
    }

    [Fact]
    public void Instrument_Notional_UsesAbsoluteQuantityAndMultiplier()
    {
        var option = new Instrument("SPY240315C500", AssetClass.Option, multiplier: 100m);
        // 3 contracts short at 2.50 with 100 per contract.
        Assert.Equal(750m, option.Notional(-3m, 2.5m));
    }

    [Theory]
    [InlineData("0", "1", "1")]
    [InlineData("0.01", "0", "1")]
    [InlineData("0.01", "1", "0")]
    public void Instrument_WithNonPositiveTickLotOrMultiplier_Throws(string tick, string lot, string multiplier) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Instrument("X", AssetClass.Equity, decimal.Parse(tick), decimal.Parse(lot), "USD", decimal.Parse(multiplier)));

    [Fact]
    public void Instrument_WithABadCurrency_Throws() =>
        Assert.Throws<ArgumentException>(() => new Instrument("X", AssetClass.Equity, currency: "X"));
}
