using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class DecimalMathTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("4", "2")]
    [InlineData("0.0001", "0.01")]
    [InlineData("152399025", "12345")]
    [InlineData("1522756", "1234")]
    [InlineData("0.000000000000000000000000000100", "0.00000000000001")]
    public void Sqrt_OfAPerfectSquare_IsExact(string square, string root) =>
        Assert.Equal(decimal.Parse(root, System.Globalization.CultureInfo.InvariantCulture),
            DecimalMath.Sqrt(decimal.Parse(square, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Sqrt_OfTwo_HasTwentySevenCorrectDecimals() =>
        // sqrt(2) = 1.41421356237309504880168872420969807...
        Assert.Equal(1.414213562373095048801688724m, decimal.Round(DecimalMath.Sqrt(2m), 27));

    [Fact]
    public void Sqrt_OfTheLargestDecimal_IsItsOwnQuotient()
    {
        // root * root may round just above decimal.MaxValue, so check root = MaxValue / root instead.
        var root = DecimalMath.Sqrt(decimal.MaxValue);
        Assert.True(Math.Abs(root - (decimal.MaxValue / root)) <= root * 0.000_000_000_000_000_000_000_01m, $"{root}");
    }

    [Fact]
    public void Sqrt_OfRandomValues_SquaresBackWithinRounding() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).Two().ToArbitrary(), p =>
        {
            var x = (decimal)p.Item1 / p.Item2 * p.Item1; // spans about 1e-9 to 1e18
            var root = DecimalMath.Sqrt(x);
            Assert.True(root > 0m);
            Assert.True(Math.Abs((root * root) - x) <= x * 0.000_000_000_000_000_000_000_01m, $"sqrt({x}) = {root}");
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Sqrt_OfANegativeNumber_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecimalMath.Sqrt(-1m));
}
