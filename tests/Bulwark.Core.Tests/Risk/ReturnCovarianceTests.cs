using Bulwark.Core.Risk;

namespace Bulwark.Core.Tests.Risk;

/// <summary>The exponentially weighted covariance of the symbols' per-bar returns, a bar time behind the newest bar.</summary>
public sealed class ReturnCovarianceTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void ItIsTheDecayWeightedMeanOfTheReturnsProducts_CorrectedForTheWeightsSoFar()
    {
        decimal[] a = [100m, 102m, 99m, 101m, 104m];
        decimal[] b = [50m, 50.5m, 49m, 49.5m, 51m];
        var covariance = new ReturnCovariance(0.9);

        for (var t = 0; t < a.Length; t++)
        {
            covariance.Observe("A", T0 + (t * Day), a[t], Day);
            covariance.Observe("B", T0 + (t * Day), b[t], Day);
        }

        // The last bar time is still pending: the returns of bars 1 to 3 are in, the newest weighing most.
        double R(decimal[] x, int t) => (double)(x[t] / x[t - 1]) - 1d;
        double Expected(decimal[] x, decimal[] y)
        {
            double sum = 0d, weight = 0d;
            for (var t = 1; t <= 3; t++)
            {
                var w = 0.1 * Math.Pow(0.9, 3 - t);
                sum += w * R(x, t) * R(y, t);
                weight += w;
            }
            return sum / weight;
        }
        Assert.Equal(3, covariance.Observations);
        Assert.Equal(Expected(a, a), covariance.Covariance("A", "A"), 12);
        Assert.Equal(Expected(a, b), covariance.Covariance("A", "B"), 12);
        Assert.Equal(covariance.Covariance("A", "B"), covariance.Covariance("B", "A"), 15);
        Assert.Equal(Expected(b, b), covariance.Covariance("B", "B"), 12);
        Assert.Equal(Day, covariance.Interval);
        Assert.Equal(0d, covariance.Covariance("A", "C"));
    }

    [Fact]
    public void ASymbolWithoutABarAtATime_CountsAReturnOfZeroThen_AndOneSeenLaterJoinsFromItsSecondBar()
    {
        var covariance = new ReturnCovariance(0.5);
        covariance.Observe("A", T0, 100m, Day);
        covariance.Observe("A", T0 + Day, 110m, Day);           // A +10 %
        covariance.Observe("A", T0 + (2 * Day), 110m, Day);     // A 0 %; B's first bar
        covariance.Observe("B", T0 + (2 * Day), 20m, Day);
        covariance.Observe("B", T0 + (3 * Day), 22m, Day);      // B +10 %, A has no bar at day 3
        covariance.Observe("A", T0 + (4 * Day), 121m, Day);     // takes day 3 in

        // Returns in: (A 10 %), (A 0 %, B none), (A none: 0, B 10 %), weights 0.125, 0.25, 0.5 over 0.875.
        Assert.Equal(3, covariance.Observations);
        Assert.Equal(0.125 * 0.01 / 0.875, covariance.Covariance("A", "A"), 12);
        Assert.Equal(0.5 * 0.01 / 0.875, covariance.Covariance("B", "B"), 12);
        Assert.Equal(0d, covariance.Covariance("A", "B"), 12);
    }

    [Fact]
    public void ABarTimeWithNoReturnYet_IsNoObservation()
    {
        var covariance = new ReturnCovariance();
        covariance.Observe("A", T0, 100m, Day);
        covariance.Observe("A", T0 + Day, 101m, Day);
        Assert.Equal(0, covariance.Observations); // the first bar time has no return; the second is pending
        Assert.Equal(0d, covariance.Covariance("A", "A"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnCovariance(1d));
    }
}
