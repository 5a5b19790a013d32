using Bulwark.Venues.Paper;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>Cash rates by day: one for every day, or each step's from its date to the next step's, none before the first.</summary>
public sealed class CashRatesTests
{
    private static DateOnly D(int month, int day) => new(2024, month, day);

    private static readonly CashRates Stepped = CashRates.Steps([new CashRateStep(D(3, 1), 2m), new CashRateStep(D(1, 1), 5m), new CashRateStep(D(6, 15), -0.5m)]);

    [Fact]
    public void EachDay_HasTheLatestStepsRateOnOrBeforeIt_AndNoneBeforeTheFirst()
    {
        Assert.Equal([0m, 5m, 5m, 2m, 2m, -0.5m, -0.5m],
            new[] { new DateOnly(2023, 12, 31), D(1, 1), D(2, 29), D(3, 1), D(6, 14), D(6, 15), new DateOnly(2030, 1, 1) }.Select(Stepped.PercentOn));
        Assert.Equal([D(1, 1), D(3, 1), D(6, 15)], Stepped.StepList.Select(s => s.From)); // sorted
        Assert.Equal((null, (DateOnly?)D(1, 1)), (Stepped.FixedPercent, Stepped.FirstDay));
    }

    [Fact]
    public void Over_SumsEachDaysRate_FromTheFirstDayUpToTheLast_WithTheirRange()
    {
        Assert.Equal((5m + 5m + 2m, 2m, 5m), Stepped.Over(D(2, 28), D(3, 2))); // Feb 28, Feb 29 (a leap day), Mar 1
        Assert.Equal((2m, 2m, 2m), Stepped.Over(D(3, 5), D(3, 6)));
        Assert.Equal((0m, 0m, 0m), Stepped.Over(D(3, 6), D(3, 6)));
        Assert.Equal((0m + 5m, 0m, 5m), Stepped.Over(new DateOnly(2023, 12, 31), D(1, 2)));
    }

    [Fact]
    public void AFixedRate_IsEveryDays_AndZeroIsNone()
    {
        var fixedRate = CashRates.Fixed(4.5m);

        Assert.Equal((4.5m, (DateOnly?)null, true), (fixedRate.FixedPercent, fixedRate.FirstDay, fixedRate.PaysAny));
        Assert.Equal((13.5m, 4.5m, 4.5m), fixedRate.Over(DateOnly.MinValue.AddDays(1), DateOnly.MinValue.AddDays(4)));
        Assert.Same(CashRates.None, CashRates.Fixed(0m));
        Assert.Same(CashRates.None, CashRates.Steps([new CashRateStep(D(1, 1), 0m), new CashRateStep(D(2, 1), 0m)]));
        Assert.Equal((0m, false), (CashRates.None.FixedPercent!.Value, CashRates.None.PaysAny));
        Assert.Equal(0m, CashRates.None.Over(D(1, 1), D(12, 31)).PercentDays);
    }

    [Fact]
    public void TwoStepsOnOneDay_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => CashRates.Steps([new CashRateStep(D(1, 1), 1m), new CashRateStep(D(1, 1), 2m)]));
        Assert.StartsWith("two cash rates from 2024-01-01", error.Message, StringComparison.Ordinal);
    }
}
