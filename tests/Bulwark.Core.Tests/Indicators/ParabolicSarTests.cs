using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>The parabolic SAR: a stop that closes in on the trend's extreme and reverses when a bar reaches it.</summary>
public sealed class ParabolicSarTests
{
    /// <summary>Random walks that trend for a while, so the acceleration grows and reversals are not every bar.</summary>
    private static readonly Arbitrary<(decimal Step, decimal Maximum, (decimal High, decimal Low)[] Bars)> Walks =
        (from step in Gen.Choose(1, 10).Select(s => s / 100m)
         from steps in Gen.Choose(1, 15)
         from drift in Gen.Choose(-2, 2)
         from moves in Gen.ArrayOf(Gen.Zip(Gen.Choose(-300, 300), Gen.Choose(0, 400)))
         select (step, Math.Min(step * steps, 1m), Walk(drift, moves))).ToArbitrary();

    [Fact]
    public void TheStop_ClosesInOnTheExtreme_AndReversesWhenABarReachesIt()
    {
        var sar = new ParabolicSar(0.1m, 0.2m);
        (decimal High, decimal Low)[] bars = [(10m, 8m), (11m, 9m), (13m, 11m), (14m, 12m), (12.5m, 10m), (12m, 9m), (13.5m, 11m)];
        var read = bars.Select(b =>
        {
            sar.Update(b.High, b.Low);
            return sar.IsReady ? (sar.Value, sar.GetOutput(1)) : ((decimal, decimal)?)null;
        }).ToArray();
        // bar 1 rose more than it fell: up, the first bar's low (8) its stop, its high (11) the extreme; the next stop is
        // 8 + 0.1 x (11 - 8) = 8.3. bar 2: a new high 13, acceleration 0.2: 8.3 + 0.2 x 4.7 = 9.24, kept below bar 1's low
        // 9. bar 3: high 14, acceleration stays 0.2: 9 + 0.2 x 5 = 10. bar 4's low 10 reaches it: down, its stop the old
        // extreme 14, the new extreme 10: 14 - 0.1 x 4 = 13.6, kept above bar 3's high 14. bar 5: low 9, acceleration 0.2:
        // 14 - 0.2 x 5 = 13. bar 6's high 13.5 reaches it: up, its stop the old extreme 9.
        Assert.Equal([null, (8m, 1m), (8.3m, 1m), (9m, 1m), (14m, -1m), (14m, -1m), (9m, 1m)], read);
        // The next stop: 9 + 0.1 x (13.5 - 9) = 9.45, kept below bar 5's low 9.
        Assert.Equal((9m, 13.5m, 0.1m, true), (sar.Next, sar.ExtremePoint, sar.Acceleration, sar.IsUp));
        Assert.Equal(sar.Value, sar.GetOutput(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sar.GetOutput(2));
    }

    [Theory]
    [InlineData(9.5, 6, 10, -1, 9.6)] // fell 2, rose -0.5: down from the first bar's high; 10 - 0.1 x 4 = 9.6
    [InlineData(10.5, 8.5, 8, 1, 8.25)] // rose 0.5, fell -0.5: up from the first bar's low; 8 + 0.1 x 2.5 = 8.25
    [InlineData(10, 8, 10, -1, 10)] // neither: up from 8, but its low 8 reaches that at once: down from its high 10
    public void TheSecondBar_StartsTheTrend_DownOnlyIfItFellMoreThanItRose(double high, double low, double stop, int direction, double next)
    {
        var sar = new ParabolicSar(0.1m, 0.2m);
        sar.Update(10m, 8m);
        Assert.False(sar.IsReady);
        sar.Update((decimal)high, (decimal)low);
        Assert.True(sar.IsReady);
        Assert.Equal(((decimal)stop, (decimal)direction, (decimal)next), (sar.Value, sar.GetOutput(1), sar.Next));
    }

    [Fact]
    public void Update_OnRandomWalks_MatchesTheLoopAsLibrariesWriteIt() =>
        Prop.ForAll(Walks, w =>
        {
            var expected = Looped(w.Bars, w.Step, w.Maximum);
            var sar = new ParabolicSar(w.Step, w.Maximum);
            for (var t = 0; t < w.Bars.Length; t++)
            {
                sar.Update(w.Bars[t].High, w.Bars[t].Low);
                Assert.Equal(expected[t].HasValue, sar.IsReady);
                if (expected[t] is not { } e) continue;
                Assert.True(e == (sar.Value, sar.IsUp), $"at {t}: expected {e}, got {(sar.Value, sar.IsUp)}");
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheStop_StaysOutsideTheBars_AndTheTrendReversesOnlyWhenABarReachesIt() =>
        Prop.ForAll(Walks, w =>
        {
            var sar = new ParabolicSar(w.Step, w.Maximum);
            var (next, up, previous) = (0m, false, (High: 0m, Low: 0m));
            for (var t = 0; t < w.Bars.Length; t++)
            {
                var (high, low) = w.Bars[t];
                var wasReady = sar.IsReady;
                sar.Update(high, low);
                if (wasReady)
                {
                    var reached = up ? low <= next : high >= next;
                    Assert.True(reached == (sar.IsUp != up), $"a reversal without the stop reached, or the reverse, at {t}");
                    Assert.True(sar.IsUp ? sar.Value <= low : sar.Value >= high, $"the stop inside bar {t}");
                    if (!reached) Assert.Equal(next, sar.Value);
                    // The next stop stays beyond this bar and the one before, and never moves against the trend.
                    Assert.True(sar.IsUp ? sar.Next <= Math.Min(low, previous.Low) : sar.Next >= Math.Max(high, previous.High), $"the next stop at {t}");
                    Assert.True(sar.IsUp ? sar.Next >= sar.Value : sar.Next <= sar.Value, $"the stop moved against the trend at {t}");
                }
                if (sar.IsReady) Assert.InRange(sar.Acceleration, w.Step, w.Maximum);
                (next, up, previous) = (sar.Next, sar.IsUp, (high, low));
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 0.2)]
    [InlineData(-0.02, 0.2)]
    [InlineData(0.3, 0.2)]
    [InlineData(0.02, 1.5)]
    public void Constructor_WithBadParameters_Throws(double step, double maximum) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParabolicSar((decimal)step, (decimal)maximum));

    [Fact]
    public void Update_WithAHighBelowTheLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new ParabolicSar(0.02m, 0.2m).Update(9m, 10m));

    private static (decimal High, decimal Low)[] Walk(int drift, (int Move, int Range)[] moves)
    {
        var (price, bars) = (100m, new (decimal, decimal)[moves.Length]);
        for (var t = 0; t < moves.Length; t++)
        {
            price = Math.Max(1m, price + ((moves[t].Move + (drift * 100)) / 100m));
            bars[t] = (price + (moves[t].Range / 100m), price);
        }
        return bars;
    }

    /// <summary>
    /// The SAR as a loop over the bars, the way the common libraries write it: the direction from the first two bars'
    /// directional movement, and on the first bar of the loop that bar's own range standing in for the one before.
    /// </summary>
    private static (decimal Sar, bool Up)?[] Looped((decimal High, decimal Low)[] bars, decimal step, decimal maximum)
    {
        var result = new (decimal, bool)?[bars.Length];
        if (bars.Length < 2) return result;
        var minusDm = bars[0].Low - bars[1].Low;
        var up = !(minusDm > 0m && minusDm > bars[1].High - bars[0].High);
        var (sar, ep, af) = (up ? bars[0].Low : bars[0].High, up ? bars[1].High : bars[1].Low, step);
        var (newHigh, newLow) = bars[1];
        for (var t = 1; t < bars.Length; t++)
        {
            var (prevHigh, prevLow) = (newHigh, newLow);
            (newHigh, newLow) = bars[t];
            if (up && newLow <= sar)
            {
                up = false;
                sar = Math.Max(Math.Max(ep, prevHigh), newHigh);
                result[t] = (sar, up);
                (af, ep) = (step, newLow);
                sar = Math.Max(Math.Max(sar + (af * (ep - sar)), prevHigh), newHigh);
            }
            else if (up)
            {
                result[t] = (sar, up);
                if (newHigh > ep) (ep, af) = (newHigh, Math.Min(af + step, maximum));
                sar = Math.Min(Math.Min(sar + (af * (ep - sar)), prevLow), newLow);
            }
            else if (newHigh >= sar)
            {
                up = true;
                sar = Math.Min(Math.Min(ep, prevLow), newLow);
                result[t] = (sar, up);
                (af, ep) = (step, newHigh);
                sar = Math.Min(Math.Min(sar + (af * (ep - sar)), prevLow), newLow);
            }
            else
            {
                result[t] = (sar, up);
                if (newLow < ep) (ep, af) = (newLow, Math.Min(af + step, maximum));
                sar = Math.Max(Math.Max(sar + (af * (ep - sar)), prevHigh), newHigh);
            }
        }
        return result;
    }
}
