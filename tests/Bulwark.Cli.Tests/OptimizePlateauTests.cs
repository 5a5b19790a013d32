using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>optimize says where in the grid its result holds up: the steadiest combination beside the best row.</summary>
public sealed class OptimizePlateauTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThePlateau_IsTheBestMeanOfEachPeriodAndItsNeighbours_InTheJsonTableAndReport()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var report = Path.Combine(dir.Path, "grid.html");
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=5..44", "--data", data, "--no-calendar", "--rank-by", "sharpe"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", report]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var sharpe = root.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => int.Parse(r.GetProperty("parameters").GetProperty("period").GetString()!, CultureInfo.InvariantCulture),
                r => r.GetProperty("sharpe").GetDouble());
        Assert.Equal(40, sharpe.Count);
        // Each period's Sharpe ratio with the periods one below and one above it, where they ran; chosen from 6 to 43, inside the grid.
        var means = sharpe.Keys.ToDictionary(p => p, p => Enumerable.Range(p - 1, 3).Where(sharpe.ContainsKey).Average(q => sharpe[q]));
        var steadiest = means.Where(m => m.Key is > 5 and < 44).MaxBy(m => m.Value).Key;
        var best = sharpe.MaxBy(s => s.Value).Key;
        var plateau = root.GetProperty("plateau");
        Assert.Equal("sharpe", plateau.GetProperty("figure").GetString());
        Assert.Equal(steadiest.ToString(CultureInfo.InvariantCulture), plateau.GetProperty("parameters").GetProperty("period").GetString());
        Assert.Equal(means[steadiest], plateau.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(best.ToString(CultureInfo.InvariantCulture), plateau.GetProperty("bestParameters").GetProperty("period").GetString());
        Assert.Equal(means[best], plateau.GetProperty("bestMean").GetDouble(), 9);
        // On this sample the best row is a peak: its neighbours did worse than the steadiest period's.
        Assert.NotEqual(best, steadiest);
        Assert.True(means[steadiest] > means[best]);

        var inv = CultureInfo.InvariantCulture;
        Assert.Contains(string.Create(inv, $"steadiest: period={steadiest}, sharpe {sharpe[steadiest]:0.00} alone and {means[steadiest]:0.00} on average with its 2 neighbours; the best row (period={best}) has {sharpe[best]:0.00} alone and {means[best]:0.00} with its 2 neighbours"),
            table.StdOut, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>Where the result holds up</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th>Steadiest combination</th><td>period={steadiest}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>steadiest: period={steadiest}</title>", html, StringComparison.Ordinal); // ringed on the profile
    }

    [Fact]
    public async Task AWalkForwardOnThePlateau_TradesEachTrainWindowsSteadiestCombination()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=5..44", "--data", data, "--no-calendar", "--rank-by", "sharpe"];

        var forward = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--walk-forward", "train=150,test=50,plateau", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--walk-forward", "train=150,test=50,plateau", "--top", "1"]);

        Assert.True(forward.ExitCode == 0, forward.All);
        var walk = JsonDocument.Parse(forward.StdOut).RootElement.GetProperty("walkForward");
        Assert.True(walk.GetProperty("plateau").GetBoolean());
        var first = walk.GetProperty("windows")[0];
        Assert.Equal(0, first.GetProperty("trainStart").GetInt32());
        // The first window trains on the first 150 bars: an optimize of them alone names the same steadiest period.
        var trainTo = first.GetProperty("trainTo").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var alone = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--to", trainTo, "--json"]);
        Assert.True(alone.ExitCode == 0, alone.All);
        var plateau = JsonDocument.Parse(alone.StdOut).RootElement.GetProperty("plateau");
        Assert.Equal(plateau.GetProperty("parameters").GetProperty("period").GetString(), first.GetProperty("parameters").GetProperty("period").GetString());
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("walk-forward train=150 test=50 bars, each window choosing its steadiest combination", table.StdOut, StringComparison.Ordinal);
    }
}
