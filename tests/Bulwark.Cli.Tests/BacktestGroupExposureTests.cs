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

    [Fact]
    public async Task AGroupsOwnLimit_ReplacesTheDefaultForThatGroup_AndBadEntriesAreUsageErrors()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        foreach (var name in new[] { "A", "B", "C", "D" }) File.Copy(sample, Path.Combine(dir.Path, $"{name}.csv"));
        string[] run = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", "A.csv,B.csv,C.csv,D.csv", "--no-calendar",
            "--cash", "40000", "--group", "tight=A,B", "--group", "loose=C,D", "--json"];

        // Each entry is about 9% of the account: both of a pair fit under 20%, one under 12%.
        var own = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "20", "--max-group-exposure", "tight=12"]);
        var onlyNamed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "tight=12"]);

        Assert.True(own.ExitCode == 0 && onlyNamed.ExitCode == 0, own.All + onlyNamed.All);
        static Dictionary<string, int> DeniedBySymbol(string json) => JsonDocument.Parse(json).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("denied").GetString() == "MaxGroupExposureExceeded")
            .GroupBy(o => o.GetProperty("symbol").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var denied = DeniedBySymbol(own.StdOut);
        Assert.Equal(12, denied.Where(d => d.Key is "A" or "B").Sum(d => d.Value)); // one of each pair of tight's entries
        Assert.DoesNotContain("C", denied.Keys);
        Assert.DoesNotContain("D", denied.Keys);
        Assert.Equal(denied, DeniedBySymbol(onlyNamed.StdOut));
        var risk = JsonDocument.Parse(own.StdOut).RootElement.GetProperty("risk");
        Assert.Equal((20m, 12m), (risk.GetProperty("maxGroupExposurePercent").GetDecimal(), risk.GetProperty("maxGroupExposurePercents").GetProperty("tight").GetDecimal()));

        var misspelt = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "tigth=12"]);
        var twice = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "tight=12", "--max-group-exposure", "tight=15"]);
        var malformed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "tight=a lot"]);
        var zero = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--max-group-exposure", "0"]);
        Assert.Equal((2, "bulwark: --max-group-exposure: no symbol is in group tigth; the groups: loose, tight\n"), (misspelt.ExitCode, misspelt.StdErr));
        Assert.Equal((2, "bulwark: --max-group-exposure 'tight=15': group tight's limit is given twice\n"), (twice.ExitCode, twice.StdErr));
        Assert.Equal((2, "bulwark: --max-group-exposure 'tight=a lot': expected P or NAME=P, a percent of the account's value, e.g. 20 or tech=15\n"), (malformed.ExitCode, malformed.StdErr));
        Assert.Equal((2, "bulwark: --max-group-exposure '0': the percent must be in (0, 10000]\n"), (zero.ExitCode, zero.StdErr));
    }
}
