using Bulwark.Core.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Model;

public sealed class BarProblemTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 2, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 12, 9, 11, 100, null)]
    [InlineData(10, 10, 10, 10, 0, null)]
    [InlineData(0, 12, 9, 11, 100, "prices must be positive")]
    [InlineData(10, 12, -1, 11, 100, "prices must be positive")]
    [InlineData(10, 9, 12, 11, 100, "high 9 is below low 12")]
    [InlineData(13, 12, 9, 11, 100, "open 13 is outside [low 9, high 12]")]
    [InlineData(10, 12, 9, 8, 100, "close 8 is outside [low 9, high 12]")]
    [InlineData(10, 12, 9, 11, -1, "volume is negative")]
    public void Problem_NamesWhatIsWrong(int open, int high, int low, int close, int volume, string? expected)
    {
        var bar = new Bar("X", At, open, high, low, close, volume, TimeSpan.FromMinutes(1));

        Assert.Equal(expected, bar.Problem());
    }

    [Fact]
    public void Problem_IsNullExactlyForPositivePricesInsideTheRangeAndNonNegativeVolume()
    {
        var price = Gen.Choose(-3, 12).Select(v => v / 2m);
        var bars =
            from o in price
            from h in price
            from l in price
            from c in price
            from v in Gen.Choose(-1, 2)
            select new Bar("X", At, o, h, l, c, v, TimeSpan.FromMinutes(1));

        Prop.ForAll(bars.ToArbitrary(), bar => Assert.Equal(IsValid(bar), bar.Problem() is null))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
    }

    [Fact]
    public void Problem_DecidesAlikeWhetherPricesShareAScaleOrNot()
    {
        // Same-scale prices are decided on their integer mantissas, mixed ones by decimal comparison: both must agree
        // with the definition, including mantissas past 32 bits and past 64 bits, and negative zero.
        var mantissa = Gen.Elements(0L, 1L, 2L, 3L, 4_294_967_295L, 4_294_967_296L, 4_294_967_297L, long.MaxValue);
        var scale = Gen.Elements<byte>(0, 2, 2, 2, 9);
        var price =
            from m in mantissa
            from s in scale
            from big in Gen.Elements(false, false, false, true)
            from negative in Gen.Elements(false, false, false, false, true)
            select new decimal((int)m, (int)(m >> 32), big ? 1 : 0, negative, s);
        var bars =
            from o in price
            from h in price
            from l in price
            from c in price
            from v in Gen.Elements(-1m, 0m, new decimal(0, 0, 0, true, 0), 5m)
            select new Bar("X", At, o, h, l, c, v, TimeSpan.FromMinutes(1));

        Prop.ForAll(bars.ToArbitrary(), bar => Assert.Equal(IsValid(bar), bar.Problem() is null))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    /// <summary>The definition, spelled out in decimal comparisons.</summary>
    private static bool IsValid(Bar bar) =>
        bar.Open > 0m && bar.High > 0m && bar.Low > 0m && bar.Close > 0m && bar.High >= bar.Low
        && bar.Open >= bar.Low && bar.Open <= bar.High && bar.Close >= bar.Low && bar.Close <= bar.High
        && bar.Volume >= 0m;
}
