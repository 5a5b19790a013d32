using Bulwark.Core.MarketData;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.MarketData;

public sealed class SyntheticBarPropertyTests
{
    private static readonly decimal[] Ticks = [0.01m, 0.05m, 0.5m, 1m];
    private static readonly TimeProvider Clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Generate_ForAnySeedAndSymbolCount_ProducesOnlyValidBarsOnTheTickGrid()
    {
        var cases =
            from seed in ArbMap.Default.GeneratorFor<int>()
            from symbolCount in Gen.Choose(1, 5)
            from tick in Gen.Elements(Ticks)
            from volatile_ in Gen.Elements(false, true)
            select (seed, symbolCount, tick, volatile_);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var options = new SyntheticFeedOptions
            {
                Symbols = Enumerable.Range(0, c.symbolCount).Select(i => new SyntheticSymbol($"S{i}", 3m + 50m * i)).ToArray(),
                Seed = c.seed,
                TickSize = c.tick,
                MaxBars = 400 * c.symbolCount,
                Interval = c.volatile_ ? TimeSpan.FromDays(1) : TimeSpan.FromMinutes(1),
                Regimes = c.volatile_
                    ? [new SyntheticRegime("wild", 0, 1.5, 0.1), new SyntheticRegime("wilder", -1, 3, 0.1)]
                    : SyntheticFeedOptions.DefaultRegimes,
            };

            var bars = new SyntheticBarFeed(options, Clock).Generate().ToList();

            Assert.Equal(400 * c.symbolCount, bars.Count);
            foreach (var bar in bars)
            {
                Assert.Null(bar.Problem());
                Assert.True(bar.Volume > 0m);
                Assert.True(bar.High >= Math.Max(bar.Open, bar.Close) && bar.Low <= Math.Min(bar.Open, bar.Close));
                Assert.Equal(0m, bar.Low % c.tick);
                Assert.Equal(0m, bar.High % c.tick);
            }
            for (int i = 1; i < bars.Count; i++) Assert.True(bars[i].Time >= bars[i - 1].Time);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }
}
