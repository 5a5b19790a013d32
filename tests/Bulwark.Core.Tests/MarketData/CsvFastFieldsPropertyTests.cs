using Bulwark.Core.MarketData;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>
/// The fast field parsers must never read a file differently from the general ones: whatever they accept, the general
/// parser accepts with the same value (for decimals, the same bits, so the same scale). Inputs are drawn from the shapes
/// files use and from near misses (bad digits, out-of-range fields, odd separators and offsets).
/// </summary>
public sealed class CsvFastFieldsPropertyTests
{
    private static readonly Gen<char> Digit = Gen.Elements("0123456789".ToCharArray());

    private static Gen<string> Digits(int min, int max) =>
        from n in Gen.Choose(min, max)
        from cs in Gen.ArrayOf(Digit, n)
        select new string(cs);

    private static readonly Gen<string> NumberText = Gen.OneOf(
        from whole in Digits(1, 19)
        from fraction in Gen.OneOf(Gen.Constant(""), Digits(0, 12).Select(f => "." + f))
        select whole + fraction,
        from sign in Gen.Elements("-", "+", " ", "")
        from whole in Digits(0, 3)
        from tail in Gen.Elements(".", "e3", ".5.5", ",5", "", "x")
        select sign + whole + tail);

    private static Gen<string> TwoDigits(int max) => Gen.Choose(0, max).Select(v => v.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<string> TimeText =
        from year in Gen.OneOf(Gen.Choose(1, 9999), Gen.Choose(1990, 2030)).Select(y => y.ToString("0000", System.Globalization.CultureInfo.InvariantCulture))
        from month in TwoDigits(13)
        from day in TwoDigits(32)
        from separator in Gen.Elements("T", " ", "t", "_")
        from hour in TwoDigits(25)
        from minute in TwoDigits(60)
        from seconds in Gen.OneOf(Gen.Constant(""), TwoDigits(61).Select(s => ":" + s), Gen.Constant(":5"))
        from fraction in Gen.OneOf(Gen.Constant(""), Digits(0, 9).Select(f => "." + f))
        from zone in Gen.OneOf(Gen.Elements("", "Z", "z", "+0530", "+05", "UTC"),
            from sign in Gen.Elements("+", "-")
            from h in TwoDigits(15)
            from m in TwoDigits(60)
            select sign + h + ":" + m)
        from shape in Gen.Choose(0, 3)
        select shape switch
        {
            0 => $"{year}-{month}-{day}",
            1 => $"{year}-{month}-{day}{separator}{hour}:{minute}",
            _ => $"{year}-{month}-{day}{separator}{hour}:{minute}{seconds}{(seconds.Length == 3 ? fraction : "")}{zone}",
        };

    [Fact]
    public void PlainDecimal_WhateverItAccepts_TheGeneralParserReadsToTheSameBits()
    {
        Prop.ForAll(NumberText.ToArbitrary(), text =>
        {
            if (!CsvFastFields.TryParsePlainDecimal(text, out var fast)) return;
            Assert.True(CsvBarFields.TryParseDecimalGeneral(text, out var general), text);
            Assert.Equal(decimal.GetBits(general), decimal.GetBits(fast));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void IsoTime_WhateverItAccepts_TheGeneralParserReadsToTheSameInstant()
    {
        Prop.ForAll(TimeText.ToArbitrary(), text =>
        {
            if (!CsvFastFields.TryParseIsoTime(text, out var fast)) return;
            Assert.True(CsvBarFields.TryParseTimeGeneral(text, out var general), text);
            Assert.Equal(general.UtcTicks, fast.UtcTicks);
            Assert.Equal(TimeSpan.Zero, fast.Offset);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Theory]
    [InlineData("4052.55", "4052.55")]
    [InlineData("100.00", "100.00")]
    [InlineData("0", "0")]
    [InlineData("007.50", "7.50")]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("0.00000000000000001", "0.00000000000000001")]
    public void PlainDecimal_TheShapesFilesUse_AreTakenByTheFastPathWithTheirScale(string text, string expected)
    {
        Assert.True(CsvFastFields.TryParsePlainDecimal(text, out var value));
        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-1.5")]
    [InlineData("1e3")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1234567890123456789")]
    public void PlainDecimal_AnythingElse_IsLeftToTheGeneralParser(string text) =>
        Assert.False(CsvFastFields.TryParsePlainDecimal(text, out _));

    [Theory]
    [InlineData("2006-12-29", "2006-12-29T00:00:00.0000000+00:00")]
    [InlineData("2024-02-29T14:30:00Z", "2024-02-29T14:30:00.0000000+00:00")]
    [InlineData("2024-01-31 14:30", "2024-01-31T14:30:00.0000000+00:00")]
    [InlineData("2024-01-31T09:30:00.25-05:00", "2024-01-31T14:30:00.2500000+00:00")]
    [InlineData("2024-01-01T01:00:00+05:30", "2023-12-31T19:30:00.0000000+00:00")]
    public void IsoTime_TheShapesFilesUse_AreTakenByTheFastPathInUtc(string text, string expected)
    {
        Assert.True(CsvFastFields.TryParseIsoTime(text, out var time));
        Assert.Equal(expected, time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-01-31T24:00:00Z")]
    [InlineData("2024-01-31T14:30:00+0530")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2024-01-31T14:30:00.12345678Z")]
    public void IsoTime_OutOfRangeOrOtherSpellings_AreLeftToTheGeneralParser(string text) =>
        Assert.False(CsvFastFields.TryParseIsoTime(text, out _));
}
