using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

public sealed class EquityCurveSamplingTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = SampleBars.Instrument;

    [Theory]
    [InlineData(EquityCurveSampling.Daily)]
    [InlineData(EquityCurveSampling.None)]
    public async Task SampledCurve_FromAStreamedFeed_LeavesTheResultUnchanged(EquityCurveSampling sampling)
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var options = SampleBars.Options();

        var full = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)], options, CancellationToken.None);
        var sampled = await BacktestEngine.RunAsync(bars.Select(b => b), [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)],
            options with { EquityCurve = sampling }, CancellationToken.None);

        Assert.Equal((full.FinalValue, full.Cash, full.BarsProcessed), (sampled.FinalValue, sampled.Cash, sampled.BarsProcessed));
        Assert.Equal(full.Orders, sampled.Orders);
        // Daily bars: one point per day is every point.
        Assert.Equal(sampling == EquityCurveSampling.Daily ? full.EquityCurve : [], sampled.EquityCurve);
    }
}
