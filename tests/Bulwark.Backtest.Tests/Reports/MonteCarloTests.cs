using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>The closed trades' PnL resampled with replacement: the spread of final values and drawdowns, and the ruined paths.</summary>
public sealed class MonteCarloTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade[] Trades(params decimal[] pnl) =>
        [.. pnl.Select((p, i) => new Trade("X", TradeSide.Long, Day0.AddDays(2 * i), 100m, Day0.AddDays((2 * i) + 1), 100m + p, 1m, p, p / 100m))];

    [Fact]
    public void TradesOfOnePnl_GiveOnePath_WhateverTheDraws()
    {
        var mc = MonteCarlo.Run(Trades(5m, 5m, 5m, 5m), 100m, 500, seed: 3)!;

        Assert.Equal(new FinalValuePercentiles(120m, 120m, 120m), mc.FinalValue);
        Assert.Equal(new DrawdownPercentiles(0m, 0m, 0m), mc.MaxDrawdown);
        Assert.Equal((0m, 4, 500, 3), (mc.LossProbability, mc.Trades, mc.Runs, mc.Seed));
    }

    [Fact]
    public void AWinAndALossOfOneSize_EndBelowTheStartAQuarterOfTheTime_TwoLossesInARowDrawDownTwentyPercent()
    {
        // Two draws each of +100 or -100 from 1,000: 1,200, 1,000 (twice) or 800, each a quarter of the paths.
        var mc = MonteCarlo.Run(Trades(100m, -100m), 1000m, 20_000, seed: 1)!;

        Assert.Equal(new FinalValuePercentiles(800m, 1000m, 1200m), mc.FinalValue);
        Assert.InRange(mc.LossProbability, 0.23m, 0.27m);
        Assert.Equal((0.2m, 0.2m), (mc.MaxDrawdown.P95, mc.MaxDrawdown.P99));
    }

    [Fact]
    public void Compounded_EachTradeIsItsPnLOverTheAccountAtItsEntry_AndAPathMultipliesThem()
    {
        // Trades entered on days 0 and 2 made 100 and 110: each 10% of the account before it (1,000, then 1,100).
        var trades = Trades(100m, 110m);
        EquityPoint[] curve = [new(Day0.AddDays(-1), 1000m, 1000m), new(Day0.AddDays(1), 1100m, 1100m), new(Day0.AddDays(3), 1210m, 1210m)];

        var compounded = MonteCarlo.Run(trades, 1000m, 500, seed: 2, compoundOn: curve)!;
        var added = MonteCarlo.Run(trades, 1000m, 500, seed: 2)!;

        // Whatever the draws, two trades of +10% each make 1,210; added as PnL they make 1,200, 1,210 or 1,220.
        Assert.Equal(new FinalValuePercentiles(1210m, 1210m, 1210m), compounded.FinalValue);
        Assert.True(compounded.Compounded);
        Assert.Equal(new FinalValuePercentiles(1200m, 1210m, 1220m), added.FinalValue);
        Assert.False(added.Compounded);
        // A trade that lost its whole account ruins a compounded path.
        var ruined = MonteCarlo.Run(Trades(-1000m, 10m), 1000m, 500, seed: 2, compoundOn: [new(Day0.AddDays(-1), 1000m, 1000m)])!;
        Assert.Equal(1m, ruined.MaxDrawdown.P99);
    }

    [Fact]
    public void APathThatLosesEverything_IsRuined_ItsDrawdownAHundredPercent()
    {
        var mc = MonteCarlo.Run(Trades(-600m, 10m), 1000m, 1_000, seed: 1)!;

        Assert.Equal(1m, mc.MaxDrawdown.P99);
        Assert.True(mc.FinalValue.P5 <= 0m, $"5th percentile {mc.FinalValue.P5}");
    }

    [Fact]
    public void TheSameSeed_DrawsTheSamePaths_AnotherSeedOthers()
    {
        var trades = Trades(30m, -12m, 7m, -40m, 25m, 3m, -8m);

        Assert.Equal(MonteCarlo.Run(trades, 1000m, 1_000, seed: 7), MonteCarlo.Run(trades, 1000m, 1_000, seed: 7));
        Assert.NotEqual(MonteCarlo.Run(trades, 1000m, 1_000, seed: 7), MonteCarlo.Run(trades, 1000m, 1_000, seed: 8));
    }

    [Fact]
    public void InBlocks_RunsOfTradesAreDrawnInTheOrderTheyClosed_SoAStreakOfLossesIsKept()
    {
        // Listed win, loss, win, loss, ... but closed three losses, then three wins. Blocks of all six are the closing order
        // rotated: whatever the start the path ends at the start, and one start in six takes the three losses in a row.
        int[] exitDays = [10, 1, 11, 2, 12, 3];
        decimal[] pnl = [100m, -100m, 100m, -100m, 100m, -100m];
        Trade[] trades = [.. pnl.Select((p, i) => new Trade("X", TradeSide.Long, Day0, 100m, Day0.AddDays(exitDays[i]), 100m + p, 1m, p, p / 100m))];

        var blocks = MonteCarlo.Run(trades, 1000m, 1_000, seed: 4, block: 6)!;
        var single = MonteCarlo.Run(trades, 1000m, 1_000, seed: 4, block: 1)!;

        Assert.Equal(new FinalValuePercentiles(1000m, 1000m, 1000m), blocks.FinalValue);
        Assert.Equal(0.3m, blocks.MaxDrawdown.P99); // 700 from the 1,000 it started at
        Assert.Equal(6, blocks.Block);
        Assert.NotEqual(single.FinalValue.P5, single.FinalValue.P95); // single draws mix the trades
        // A block longer than the trades is all of them; a block of one is the single draws, for a seed as before.
        Assert.Equal(6, MonteCarlo.Run(trades, 1000m, 100, seed: 4, block: 50)!.Block);
        Assert.Equal(MonteCarlo.Run(trades, 1000m, 1_000, seed: 4), single);
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(trades, 1000m, 100, seed: 4, block: -1));
        // Auto: the cube root of six trades, 1.82, rounds to blocks of 2.
        Assert.Equal(2, MonteCarlo.Run(trades, 1000m, 100, seed: 4, block: MonteCarlo.AutoBlock)!.Block);
    }

    [Fact]
    public void OpenTradesAreLeftOut_AndFewerThanTwoClosedGiveNothing()
    {
        var open = new Trade("X", TradeSide.Long, Day0, 100m, null, null, 1m, -50m, -0.5m);

        Assert.Null(MonteCarlo.Run([.. Trades(10m), open], 1000m, 100, seed: 1));
        Assert.Equal(2, MonteCarlo.Run([.. Trades(10m, 20m), open], 1000m, 100, seed: 1)!.Trades);
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarlo.Run(Trades(1m, 2m), 1000m, 99, seed: 1));
    }
}
