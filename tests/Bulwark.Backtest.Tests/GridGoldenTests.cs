using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// A golden run of the grid on the shared 2006 sample, computed once with this implementation and pinned: it pins the
/// whole chain of strategy-placed limit orders (placement, paper limit matching at min(open, limit), replacement one
/// level away, inventory limit), so any change to it shows up here. Not an external reference like the sma-cross one.
/// </summary>
public sealed class GridGoldenTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = SampleBars.Instrument;

    [Fact]
    public async Task Grid3LevelsAt1Percent_OnThe2006Sample_EndsAt10444_51WithCash14564_45After40Orders()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var result = await BacktestEngine.RunAsync(bars,
            [new GridStrategy("grid", [Sample.Symbol], new GridOptions { LevelsPerSide = 3, SpacingPercent = 1m })],
            SampleBars.Options() with { Cash = 10_000m }, CancellationToken.None);

        Assert.Equal(10444.51m, Math.Round(result.FinalValue, 2));
        Assert.Equal(14564.45m, Math.Round(result.Cash, 2));
        Assert.Equal(40, result.Orders.Count);
        Assert.Equal(37, result.Orders.Count(o => o.FilledAt is not null));
        // The first build: three buys and three sells around the first close 3604.33, one percent (36.05) apart.
        Assert.Equal([3568.28m, 3640.38m, 3532.23m, 3676.43m, 3496.18m, 3712.48m], result.Orders.Take(6).Select(o => o.CreatePrice));
        // The venue reserves buying power for resting buys: 3568.28 + 3532.23 leave 2899.49 of the 10,000, so the third
        // buy (3496.18) is rejected for funds. Its level waits, and is asked again only once the bot's own books say the
        // cash is there (a sell filled, or a buy's reservation became a position): the one refusal of the run. It then
        // rests and fills. (Asked after every fill or hour instead, it was refused 28 times, with the same fills.)
        Assert.Null(result.Orders[4].FilledAt);
        Assert.Single(result.Orders, o => o.Rejected is not null);
        // The venue both answers the submit and pushes the refusal: one rejection, no warning of a late one.
        Assert.DoesNotContain(result.Notices, n => n.Severity != Core.Kernel.Events.AlertSeverity.Info);
        var thirdLevel = result.Orders.Where(o => o.CreatePrice == 3496.18m).ToList();
        Assert.Equal((2, 1), (thirdLevel.Count, thirdLevel.Count(o => o.FilledAt is not null)));
        Assert.NotNull(thirdLevel[^1].FilledAt);
        // Every fill of a limit order is at its limit or better: never above a buy's limit or below a sell's.
        Assert.All(result.Orders.Where(o => o.FillPrice is not null), o =>
            Assert.True(o.Side == Core.Orders.OrderSide.Buy ? o.FillPrice <= o.CreatePrice : o.FillPrice >= o.CreatePrice, o.ClientOrderId));
    }
}
