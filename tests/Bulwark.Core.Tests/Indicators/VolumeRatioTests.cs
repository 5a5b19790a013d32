using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Indicators;

/// <summary>A bar's volume over the mean of the bars before it, as the volume filter reads it.</summary>
public sealed class VolumeRatioTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheRatio_IsOfTheMeanBeforeTheBar_ReadyOnceItIsKnownAndAboveZero()
    {
        var ratio = new VolumeRatio(3);
        decimal?[] read = [.. new[] { 0m, 0m, 0m, 0m, 300m, 600m, 900m, 0m, 450m }.Select((v, i) =>
        {
            ratio.Update(new Bar("X", Start.AddDays(i), 10m, 10m, 10m, 10m, v, TimeSpan.FromDays(1)));
            return ratio.IsReady ? ratio.Value : (decimal?)null;
        })];
        // bars 0-2 fill the mean; bars 3 and 4 have a mean of zero (no ratio); bar 5: 600 / (300 / 3); bar 6: 900 / 300;
        // bar 7: 0 / 500; bar 8: 450 / 500.
        Assert.Equal([null, null, null, null, null, 6m, 3m, 0m, 0.9m], read);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeRatio(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ratio.GetOutput(1));
    }

    [Fact]
    public void TheFilter_TakesExactlyTheBarsWhoseRatioIsWithinItsBounds()
    {
        var filter = new VolumeFilter(0.8m, 1.25m, 5);
        var random = new Random(3);
        var ratio = new VolumeRatio(filter.Period);
        var mean = new SimpleMovingAverage(filter.Period);
        for (var i = 0; i < 500; i++)
        {
            decimal volume = random.Next(0, 4) == 0 ? 0m : random.Next(1, 1000);
            ratio.Update(new Bar("X", Start.AddDays(i), 10m, 10m, 10m, 10m, volume, TimeSpan.FromDays(1)));
            var allows = mean.IsReady && filter.Allows(volume, mean.Value);
            Assert.Equal(ratio.IsReady && ratio.Value >= 0.8m && ratio.Value <= 1.25m, allows);
            mean.Update(volume);
        }
    }
}
