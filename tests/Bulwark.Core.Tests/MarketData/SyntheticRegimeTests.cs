using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

public sealed class SyntheticRegimeTests
{
    [Fact]
    public void Generator_OverALongRun_SwitchesRegimesAndRealisedVolatilityFollowsTheRegime()
    {
        var options = new SyntheticFeedOptions
        {
            // A high price keeps tick rounding negligible next to one bar's move.
            Symbols = [new SyntheticSymbol("AAA", 10_000m)],
            Seed = 11,
            Regimes =
            [
                new SyntheticRegime("calm", 0.0, 0.10, 0.002),
                new SyntheticRegime("volatile", 0.0, 0.80, 0.002),
            ],
        };
        var generator = new SyntheticBarGenerator(options, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var squares = new double[2];
        var counts = new int[2];
        int switches = 0;
        int previous = 0;

        for (int i = 0; i < 200_000; i++)
        {
            var bar = generator.Next();
            int regime = generator.LastRegime;
            if (regime != previous) switches++;
            previous = regime;
            double move = Math.Log((double)bar.Close / (double)bar.Open);
            squares[regime] += move * move;
            counts[regime]++;
        }

        // Expected about 200 000 * 0.002 = 400 switches.
        Assert.InRange(switches, 250, 550);
        Assert.All(counts, c => Assert.True(c > 20_000, $"each regime should get a fair share of bars, got {c}"));
        double calm = Math.Sqrt(squares[0] / counts[0]);
        double wild = Math.Sqrt(squares[1] / counts[1]);
        Assert.InRange(wild / calm, 7.0, 9.0); // configured 0.80 / 0.10 = 8
        double perBarCalm = 0.10 * Math.Sqrt(1.0 / (365.25 * 24 * 60));
        Assert.InRange(calm / perBarCalm, 0.95, 1.05);
    }

    [Fact]
    public void Generator_WithASingleRegime_NeverSwitches()
    {
        var options = new SyntheticFeedOptions
        {
            Symbols = [new SyntheticSymbol("AAA", 100m)],
            Regimes = [new SyntheticRegime("only", 0.05, 0.2, 1.0)],
        };
        var generator = new SyntheticBarGenerator(options, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

        for (int i = 0; i < 1_000; i++)
        {
            generator.Next();
            Assert.Equal(0, generator.LastRegime);
        }
    }
}
