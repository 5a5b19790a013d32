using Bulwark.Backtest.Optimization;

namespace Bulwark.Backtest.Tests.Optimization;

/// <summary>Rows that trade too little or fall too far rank after those that meet the constraints, and are never chosen.</summary>
public sealed class OptimizationConstraintsTests
{
    private static OptimizationRow Row(int index, decimal value, long trips, decimal drawdown) =>
        new(index, new Dictionary<string, string> { ["period"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            value, (value / 10_000m) - 1m, (int)trips * 2, drawdown, null) { RoundTrips = trips };

    [Fact]
    public void Missed_NamesTheConstraintWithTheRowsFigure_AndNothingForARowThatMeetsThemOrFailed()
    {
        var constraints = new OptimizationConstraints(10, 0.2m);

        Assert.Equal("1 trade, under 10", constraints.Missed(Row(0, 11_000m, 1, 0.05m)));
        Assert.Equal("4 trades, under 10", constraints.Missed(Row(0, 11_000m, 4, 0.5m))); // the trades first
        Assert.Equal("drawdown 25.00 %, over 20.00 %", constraints.Missed(Row(0, 11_000m, 12, 0.25m)));
        Assert.Null(constraints.Missed(Row(0, 11_000m, 10, 0.2m))); // at the limits is within them
        Assert.Null(constraints.Missed(new OptimizationRow(0, new Dictionary<string, string>(), null, null, 0, null, "failed")));
        Assert.Null(OptimizationConstraints.None.Missed(Row(0, 11_000m, 0, 0.9m)));
        Assert.Equal("--min-trades 10, --max-drawdown 20%", constraints.Text);
        Assert.Equal("--max-drawdown 12.5%", new OptimizationConstraints(null, 0.125m).Text);
    }

    [Fact]
    public void Sort_PutsTheRowsThatMeetTheConstraintsFirst_EachGroupRankedAlike_ErrorsLast()
    {
        var constraints = new OptimizationConstraints(5, null);
        OptimizationRow[] rows =
        [
            Row(0, 12_000m, 2, 0.1m), Row(1, 10_500m, 8, 0.1m), Row(2, 11_000m, 6, 0.1m), Row(3, 13_000m, 1, 0.1m),
            new(4, new Dictionary<string, string>(), null, null, 0, null, "bad"),
        ];

        var sorted = Optimizer.Sort(rows.Select(r => r with { Missed = constraints.Missed(r) }));

        Assert.Equal([2, 1, 3, 0, 4], sorted.Select(r => r.Index));
    }

    [Fact]
    public void ThePlateau_LeavesOutTheRowsThatMissed()
    {
        var axes = ParameterGrid.Parse(["period=0..4"]).Axes;
        // Returns 1, 30, 10, 2 and 15 %: period 2's neighbourhood is the best (14 %) for the 30 % of period 1, which traded
        // once; without it period 3's is (9 %).
        OptimizationRow[] rows = [Row(0, 10_100m, 9, 0.1m), Row(1, 13_000m, 1, 0.1m), Row(2, 11_000m, 9, 0.1m), Row(3, 10_200m, 9, 0.1m), Row(4, 11_500m, 9, 0.1m)];
        var constraints = new OptimizationConstraints(5, null);

        var plain = ParameterPlateau.Of(axes, Optimizer.Sort(rows), OptimizationRank.Value)!;
        var constrained = ParameterPlateau.Of(axes, Optimizer.Sort(rows.Select(r => r with { Missed = constraints.Missed(r) })), OptimizationRank.Value)!;

        Assert.Equal("2", plain.Parameters["period"]);
        Assert.Equal("3", constrained.Parameters["period"]);
        Assert.Equal("4", constrained.BestParameters["period"]);
        Assert.Equal((0.1 + 0.02 + 0.15) / 3, constrained.Mean, 9);
    }

    [Fact]
    public async Task AWalkForwardWindowWhoseGridMeetsNoConstraint_TradesNothing_AndSaysWhy()
    {
        var bars = OptimizationData.SyntheticDays(120);
        var grid = ParameterGrid.Parse(["period=3..6"]);

        var free = await WalkForward.RunAsync(bars, "sma-cross", grid, OptimizationData.Options(), 60, 30, null, OptimizationRank.Value,
            anchored: false, plateau: false, CancellationToken.None);
        var strict = await WalkForward.RunAsync(bars, "sma-cross", grid, OptimizationData.Options(), 60, 30, null, OptimizationRank.Value,
            anchored: false, plateau: false, new OptimizationConstraints(1_000, null), CancellationToken.None);

        Assert.All(free.Windows, w => Assert.NotNull(w.TestReturn));
        Assert.Equal(free.Windows.Count, strict.Windows.Count);
        Assert.All(strict.Windows, w =>
        {
            Assert.Null(w.Parameters);
            Assert.Null(w.TestReturn);
            Assert.Null(w.TrainReturn);
            Assert.StartsWith("no combination met --min-trades 1000 (the best: period=", w.Error, StringComparison.Ordinal);
        });
        Assert.Equal(0m, strict.OutOfSampleReturn);
    }
}
