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
    }
}
