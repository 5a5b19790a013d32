using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest --group NAME=SYMBOLS --max-group-exposure P`: the concentration limit on a research run.</summary>
public sealed class BacktestGroupExposureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoSymbolsInOneGroup_ShareItsRoom_WhereUngroupedTheyDoNot()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        // Two symbols moving as one: sma-cross signals both on the same bars, each entry about 37% of the account.
        File.Copy(sample, Path.Combine(dir.Path, "A.csv"));
        File.Copy(sample, Path.Combine(dir.Path, "B.csv"));
        string[] run = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", "A.csv,B.csv", "--no-calendar", "--cash", "10000", "--json"];

        var grouped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--group", "twins=A,B", "--max-group-exposure", "50"]);
        var apart = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--group", "one=A", "--group", "other=B", "--max-group-exposure", "50"]);
        var ungrouped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "50"]);
        var twice = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--group", "x=A,B", "--group", "y=B"]);

        Assert.True(grouped.ExitCode == 0 && apart.ExitCode == 0, grouped.All + apart.All);
        static (int Denied, int Filled) Count(string json)
        {
            var orders = JsonDocument.Parse(json).RootElement.GetProperty("orders").EnumerateArray().ToList();
            return (orders.Count(o => o.GetProperty("denied").GetString() == "MaxGroupExposureExceeded"),
                orders.Count(o => o.GetProperty("side").GetString() == "buy" && o.GetProperty("filledAt").ValueKind == JsonValueKind.String));
        }
        var (denied, filled) = Count(grouped.StdOut);
        var (deniedApart, filledApart) = Count(apart.StdOut);
        // Together only one of each pair of entries fits under 50%; apart both do, every time.
        Assert.Equal((0, 24), (deniedApart, filledApart));
        Assert.Equal((12, 12), (denied, filled));
        var root = JsonDocument.Parse(grouped.StdOut).RootElement;
        Assert.Equal(50m, root.GetProperty("risk").GetProperty("maxGroupExposurePercent").GetDecimal());
        Assert.Equal(["twins", "twins"], root.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("group").GetString()));

        Assert.Equal((2, "bulwark: --max-group-exposure needs --group NAME=SYMBOL[,SYMBOL...]: no symbol is in a group\n"), (ungrouped.ExitCode, ungrouped.StdErr));
        Assert.Equal((2, "bulwark: --group 'y=B': B is already in group x; a symbol is in one group\n"), (twice.ExitCode, twice.StdErr));
    }
}
