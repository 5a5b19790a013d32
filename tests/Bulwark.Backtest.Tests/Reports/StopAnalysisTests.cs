using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>What a fixed stop at the trades' typical adverse excursions would have done, read from the excursions.</summary>
public sealed class StopAnalysisTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade Closed(TradeSide side, decimal exit, decimal mae, int day = 0) =>
        new Trade("X", side, Day0.AddDays(day), 100m, Day0.AddDays(day + 1), exit, 1m, 0m, 0m) { Mae = mae };

    [Fact]
    public void EachLevel_CountsTheTradesThatWentThatFarAgainstThem_AndSumsTheirReturnsAsClosedAndAsStopped()
    {
        // Adverse excursions of 1%, 2%, 3% and 4%: the 25th, 50th, 75th and 90th percentiles are 1%, 2%, 3% and 4%.
        Trade[] trades =
        [
            Closed(TradeSide.Long, 105m, -0.01m),  // +5%, a winner that dipped 1%
            Closed(TradeSide.Long, 98m, -0.02m),   // -2%
            Closed(TradeSide.Short, 97m, -0.03m),  // +3%, a short that went 3% against it first
            Closed(TradeSide.Long, 90m, -0.04m),   // -10%, a loser that ran deep
            Closed(TradeSide.Long, 101m, 0m),      // never against it
            new Trade("X", TradeSide.Long, Day0, 100m, null, null, 1m, -20m, -0.2m) { Mae = -0.2m }, // open: left out
        ];

        var levels = StopAnalysis.Of(trades);

        Assert.Equal([0.01m, 0.02m, 0.03m, 0.04m], levels.Select(l => l.Level));
        Assert.Equal([4, 3, 2, 1], levels.Select(l => l.Reached));
        Assert.Equal([2, 1, 1, 0], levels.Select(l => l.WinnersReached));
        // At 1%: +5 - 2 + 3 - 10 = -4% as closed, four stops of 1% = -4%: no change. At 4%: -10% cut to -4%.
        Assert.Equal((-0.04m, -0.04m, 0m), (levels[0].ReturnSum, levels[0].StoppedReturnSum, levels[0].Change));
        Assert.Equal((-0.10m, -0.04m, 0.06m), (levels[3].ReturnSum, levels[3].StoppedReturnSum, levels[3].Change));
        Assert.Equal((-0.09m, -0.06m), (levels[1].ReturnSum, levels[1].StoppedReturnSum));
    }

    [Fact]
    public void Levels_AreRoundedToTwoFigures_AndDistinct_AndNoAdverseExcursionGivesNone()
    {
        Trade[] close = [Closed(TradeSide.Long, 101m, -0.012345m), Closed(TradeSide.Long, 101m, -0.012346m)];

        Assert.Equal([0.012m], StopAnalysis.Of(close).Select(l => l.Level));
        Assert.Empty(StopAnalysis.Of([Closed(TradeSide.Long, 101m, 0m)]));
        Assert.Equal(0.00045m, StopAnalysis.TwoFigures(0.000449m));
        Assert.Equal(1.5m, StopAnalysis.TwoFigures(1.46m));
        Assert.Equal(120m, StopAnalysis.TwoFigures(123.4m));
    }
}
