using Bulwark.Core.MarketData;
using Xunit.Abstractions;

using Bulwark.Tests.Shared;

namespace Bulwark.Core.Tests.MarketData;

public sealed class SampleDataFileTests(ITestOutputHelper output)
{
    [Fact]
    public void ReadAll_The2006DailySample_Gives255BarsStartingOnTheSecondOfJanuary()
    {
        var path = SharedDataFile.Find("2006-day-001.txt", output);
        if (path is null) return; // skipped: xunit 2 has no dynamic skip; the reason is in the test output

        using var reader = new StreamReader(path);
        var bars = CsvBarReader.ReadAll(reader, path, "2006-day-001");

        Assert.Equal(255, bars.Count);
        Assert.Equal(new Core.Model.Bar("2006-day-001", new DateTimeOffset(2006, 1, 2, 0, 0, 0, TimeSpan.Zero),
            3578.73m, 3605.95m, 3578.73m, 3604.33m, 0m, TimeSpan.FromDays(1)), bars[0]);
        Assert.Equal(new DateTimeOffset(2006, 12, 29, 0, 0, 0, TimeSpan.Zero), bars[^1].Time);
        Assert.Equal(4119.94m, bars[^1].Close);
    }
}
