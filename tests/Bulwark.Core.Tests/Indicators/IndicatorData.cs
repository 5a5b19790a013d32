using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>Random inputs for indicator properties, and helpers to compare decimals computed two ways.</summary>
internal static class IndicatorData
{
    /// <summary>A price from 0.01 to 10,000.00.</summary>
    public static readonly Gen<decimal> Price = Gen.Choose(1, 1_000_000).Select(cents => cents / 100m);

    public static readonly Gen<int> Period = Gen.Choose(1, 12);

    public static readonly Arbitrary<(int Period, decimal[] Values)> PeriodAndValues =
        (from period in Period
         from values in Gen.ArrayOf(Price)
         select (period, values)).ToArbitrary();

    /// <summary>A valid bar: low, a range of up to 500.00 above it, open and close inside. Consecutive bars gap freely.</summary>
    public static readonly Gen<(decimal High, decimal Low, decimal Close)> Hlc =
        from low in Price
        from rangeCents in Gen.Choose(0, 50_000)
        from closePercent in Gen.Choose(0, 100)
        let high = low + (rangeCents / 100m)
        select (high, low, low + ((high - low) * closePercent / 100m));

    public static readonly Arbitrary<(int Period, (decimal High, decimal Low, decimal Close)[] Bars)> PeriodAndBars =
        (from period in Period
         from bars in Gen.ArrayOf(Hlc)
         select (period, bars)).ToArbitrary();

    public static Bar ToBar((decimal High, decimal Low, decimal Close) hlc, int day) =>
        new("T", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day), hlc.Low, hlc.High, hlc.Low, hlc.Close, 0m, TimeSpan.FromDays(1));

    public static Bar CloseBar(decimal close, int day) => ToBar((close, close, close), day);

    /// <summary>Equal to within 1e-15 relative (absolute below 1): far above decimal rounding, far below any real error.</summary>
    public static void Close(decimal expected, decimal actual, string what)
    {
        var tolerance = 0.000_000_000_000_001m * Math.Max(1m, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }

    /// <summary>
    /// Feeds <paramref name="values"/> to <paramref name="average"/> as closes, checking at each point that it is ready
    /// exactly where <paramref name="expected"/> has a value, that value (see <see cref="Close"/>), 0 and no side before,
    /// and its one output; with <paramref name="barsToReady"/>, also that it is ready no later than that.
    /// </summary>
    public static void Follows(IMovingAverage average, decimal?[] expected, decimal[] values, string name, int? barsToReady = null)
    {
        for (var t = 0; t < values.Length; t++)
        {
            average.Update(CloseBar(values[t], t));
            Assert.Equal(expected[t].HasValue, average.IsReady);
            if (expected[t] is { } e) Close(e, average.Value, $"{name} at {t}");
            else Assert.Equal((0m, 0), (average.Value, average.SideOf(1m)));
            Assert.Equal(average.Value, average.GetOutput(0));
            if (expected[t] is null && barsToReady is { } bars) Assert.True(t < bars - 1, $"{name} not ready at {t}");
        }
        if (barsToReady is { } need && values.Length >= need) Assert.True(average.IsReady);
    }
}
