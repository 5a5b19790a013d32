using Bulwark.Backtest.Optimization;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class WalkForwardTests
{
    private static readonly IReadOnlyList<Core.Model.Bar> Bars = OptimizationData.SyntheticDays(130, seed: 11);
    private static readonly ParameterGrid Grid = ParameterGrid.Parse(["period=3..9:2"]);

    [Fact]
    public async Task Windows_RollByTheTestLength_AndTheTestWindowsTileTheRestOfTheData()
    {
        var result = await WalkForward.RunAsync(Bars, "sma-cross", Grid, OptimizationData.Options(), 60, 25, null, CancellationToken.None);

        // Tests start at 60, 85, 110; the last holds the 20 bars left.
        Assert.Equal([(0, 60, 60, 25), (25, 60, 85, 25), (50, 60, 110, 20)],
            result.Windows.Select(w => (w.TrainStart, w.TrainBars, w.TestStart, w.TestBars)));
        foreach (var w in result.Windows)
        {
            Assert.Equal(Bars[w.TrainStart].Time, w.TrainFrom);
            Assert.Equal(Bars[w.TrainStart + w.TrainBars - 1].Time, w.TrainTo);
            Assert.Equal(Bars[w.TestStart].Time, w.TestFrom);
            Assert.Equal(Bars[w.TestStart + w.TestBars - 1].Time, w.TestTo);
        }
    }

    [Fact]
    public async Task Anchored_EveryTrainWindowStartsAtTheFirstBarAndGrows_TheTestWindowsStayTheSame()
    {
        var options = OptimizationData.Options();
        var rolling = await WalkForward.RunAsync(Bars, "sma-cross", Grid, options, 60, 25, null, OptimizationRank.Value, anchored: false, CancellationToken.None);
        var anchored = await WalkForward.RunAsync(Bars, "sma-cross", Grid, options, 60, 25, null, OptimizationRank.Value, anchored: true, CancellationToken.None);

        Assert.True(anchored.Anchored);
        Assert.False(rolling.Anchored);
        Assert.Equal([(0, 60, 60, 25), (0, 85, 85, 25), (0, 110, 110, 20)],
            anchored.Windows.Select(w => (w.TrainStart, w.TrainBars, w.TestStart, w.TestBars)));
        Assert.Equal(rolling.Windows.Select(w => (w.TestFrom, w.TestTo)), anchored.Windows.Select(w => (w.TestFrom, w.TestTo)));
        // The last window chooses on all 110 bars before its test: its train return is that grid's best over them.
        var last = anchored.Windows[^1];
        var train = Bars.Take(110).ToList();
        var best = 0m;
        foreach (var c in Grid.Combinations()) best = Math.Max(best, (await RunAsync(train, c, options)).FinalValue);
        Assert.Equal(best, (1m + last.TrainReturn!.Value) * options.Cash);
        // The progress total counts each grown train window once per combination.
        Assert.Equal(Grid.Count * (60L + 85 + 110) + 70, WalkForward.BarsProcessed(Bars, Grid.Count, 60, 25, anchored: true));
    }

    [Fact]
    public async Task Plateau_EachWindowTradesItsTrainGridsSteadiestCombination_NotItsBestRow()
    {
        var options = OptimizationData.Options();
        var grid = ParameterGrid.Parse(["period=2..16"]);

        var result = await WalkForward.RunAsync(Bars, "sma-cross", grid, options, 60, 25, null, OptimizationRank.Sharpe, anchored: false,
            plateau: true, CancellationToken.None);

        Assert.True(result.Plateau);
        var differs = 0;
        foreach (var w in result.Windows)
        {
            var train = Bars.Skip(w.TrainStart).Take(w.TrainBars).ToList();
            var rows = await Optimizer.RunAsync(train, "sma-cross", grid, options, null, OptimizationRank.Sharpe, CancellationToken.None);
            var steadiest = ParameterPlateau.Of(grid.Axes, rows, OptimizationRank.Sharpe)!;
            Assert.Equal(steadiest.Parameters, w.Parameters);
            Assert.Equal(rows.Single(r => r.Index == steadiest.Index).TotalReturn, w.TrainReturn);
            if (!steadiest.BestIsSteadiest) differs++;
        }
        Assert.True(differs > 0, "every window's best row was also its steadiest, so the test proved nothing");
    }

    [Fact]
    public async Task EachWindow_ChoosesTheTrainBest_AndReportsItsTestRun_Compounded()
    {
        var options = OptimizationData.Options();
        var result = await WalkForward.RunAsync(Bars, "sma-cross", Grid, options, 60, 35, null, CancellationToken.None);

        var compounded = 1m;
        foreach (var w in result.Windows)
        {
            var train = Bars.Skip(w.TrainStart).Take(w.TrainBars).ToList();
            var trainRows = new List<(IReadOnlyDictionary<string, string> Params, BacktestResult Run)>();
            foreach (var c in Grid.Combinations()) trainRows.Add((c, await RunAsync(train, c, options)));
            var bestValue = trainRows.Max(r => r.Run.FinalValue);
            var best = trainRows.First(r => r.Run.FinalValue == bestValue); // ties: first in grid order
            Assert.Equal(best.Params["period"], w.Parameters!["period"]);
            Assert.Equal(best.Run.TotalReturn, w.TrainReturn);

            // The test run warms up on the train window's bars, then trades the test window.
            var test = await RunAsync(Bars.Skip(w.TestStart).Take(w.TestBars).ToList(), best.Params, options with { WarmUpBars = train });
            Assert.Equal(test.TotalReturn, w.TestReturn);
            compounded *= 1m + test.TotalReturn;
        }
        Assert.Equal(compounded - 1m, result.OutOfSampleReturn);
    }

    [Fact]
    public void Efficiency_IsTheOutOfSampleGainPerBarOverTheInSampleGainPerBar()
    {
        // In sample 0.1% a bar (100 train bars each); out of sample 0.05% a bar over both windows' 50 test bars each.
        var inSample = (decimal)(Math.Pow(1.001, 100) - 1);
        var outOfSample = (decimal)(Math.Pow(1.0005, 100) - 1);
        var t = DateTimeOffset.UnixEpoch;
        WalkForwardWindow Window(int n, decimal? test) => new(n, 0, 100, t, t, 100, 50, t, t, new Dictionary<string, string>(), inSample, test, null);

        Assert.Equal(0.5, new WalkForwardResult(100, 50, [Window(1, 0.01m), Window(2, 0.01m)], outOfSample).Efficiency!.Value, 6);
        // A losing test period makes it negative; no in-sample gain, or no tested window, leaves nothing to compare.
        Assert.True(new WalkForwardResult(100, 50, [Window(1, -0.02m)], -0.02m).Efficiency < 0d);
        Assert.Null(new WalkForwardResult(100, 50, [Window(1, null)], 0m).Efficiency);
        Assert.Null(new WalkForwardResult(100, 50, [Window(1, 0.01m) with { TrainReturn = -0.01m }], 0.01m).Efficiency);
    }

    [Theory]
    [InlineData(60, 25)] // the last test window is short
    [InlineData(60, 35)]
    [InlineData(100, 500)] // one window, shorter than asked
    public async Task Progress_EndsAtTheBarsItSaidItWouldProcess(int train, int test)
    {
        var expected = WalkForward.BarsProcessed(Bars, Grid.Count, train, test);
        var progress = new BacktestProgress(expected);

        await WalkForward.RunAsync(Bars, "sma-cross", Grid, OptimizationData.Options() with { Progress = progress }, train, test,
            null, CancellationToken.None);

        Assert.Equal(expected, progress.Done);
        Assert.True(expected > Bars.Count, $"{expected}");
    }

    [Fact]
    public async Task WithTwoSymbols_WindowsCountBarTimes_AndNeverSplitATimesBarsBetweenTrainAndTest()
    {
        // SYN every day from the start; LATE joins 30 days in: 130 bar times, 230 bars.
        var late = OptimizationData.SyntheticDays(100, seed: 3).Select(b => b with { Symbol = "LATE", Time = b.Time.AddDays(30) });
        List<Core.Model.Bar> bars = [.. Bars.Concat(late).OrderBy(b => b.Time).ThenBy(b => b.Symbol, StringComparer.Ordinal)];
        var options = OptimizationData.Options() with
        {
            Instruments = new Dictionary<string, Core.Model.Instrument>(StringComparer.Ordinal)
            {
                [OptimizationData.Symbol] = new(OptimizationData.Symbol, Core.Model.AssetClass.Equity),
                ["LATE"] = new("LATE", Core.Model.AssetClass.Equity),
            },
        };
        var expected = WalkForward.BarsProcessed(bars, Grid.Count, 60, 25);
        var progress = new BacktestProgress(expected);

        var result = await WalkForward.RunAsync(bars, "sma-cross", Grid, options with { Progress = progress }, 60, 25, null, CancellationToken.None);

        Assert.Equal(130, WalkForward.BarTimes(bars));
        // The same windows as one symbol's 130 days: train=60 is 60 days of each symbol, not 30.
        Assert.Equal([(0, 60, 60, 25), (25, 60, 85, 25), (50, 60, 110, 20)],
            result.Windows.Select(w => (w.TrainStart, w.TrainBars, w.TestStart, w.TestBars)));
        Assert.Equal([Bars[60].Time, Bars[85].Time, Bars[110].Time], result.Windows.Select(w => w.TestFrom));
        Assert.Equal([Bars[59].Time, Bars[84].Time, Bars[109].Time], result.Windows.Select(w => w.TrainTo));
        Assert.Equal(expected, progress.Done);
    }

    [Fact]
    public async Task TrainingOnAllTheData_IsRejected() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            WalkForward.RunAsync(Bars, "sma-cross", Grid, OptimizationData.Options(), Bars.Count, 10, null, CancellationToken.None));

    private static Task<BacktestResult> RunAsync(IReadOnlyList<Core.Model.Bar> bars, IReadOnlyDictionary<string, string> parameters, BacktestOptions options)
    {
        var strategy = new Core.Strategies.SmaCrossStrategy("sma-cross", [OptimizationData.Symbol],
            int.Parse(parameters["period"], System.Globalization.CultureInfo.InvariantCulture));
        return BacktestEngine.RunAsync(bars, [strategy], options, CancellationToken.None);
    }
}
