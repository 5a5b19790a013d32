using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>optimize --sample N [--seed S]: a random part of a grid too large to run whole, which a seed draws again.</summary>
public sealed class OptimizeSampleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static Dictionary<string, decimal> ValueByPeriod(JsonElement root) =>
        root.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("parameters").GetProperty("period").GetString()!,
            r => r.GetProperty("finalValue").GetDecimal());

    [Fact]
    public async Task ASample_RunsNOfTheGrid_EachAsTheWholeGridRunsIt_AndTheSeedPrintedDrawsItAgain()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=5..44", "--data", data, "--no-calendar"];

        var whole = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var unseeded = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "8"]);
        Assert.True(whole.ExitCode == 0, whole.All);
        Assert.True(unseeded.ExitCode == 0, unseeded.All);
        // The table says what was drawn and the seed that draws it again.
        var line = Assert.Single(unseeded.StdOut.Split('\n'), l => l.StartsWith("a random sample of 8 of the grid's 40 combinations; --sample 8 --seed ", StringComparison.Ordinal));
        var seed = line[(line.LastIndexOf("--seed ", StringComparison.Ordinal) + 7)..line.IndexOf(" draws", StringComparison.Ordinal)];
        var periods = unseeded.StdOut.Split('\n').Skip(1).TakeWhile(l => !l.StartsWith("a random sample", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        Assert.Equal(8, periods.Count);

        var again = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "8", "--seed", seed, "--json"]);
        var report = Path.Combine(dir.Path, "sample.html");
        var html = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "8", "--seed", seed, "--report", report]);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.True(html.ExitCode == 0, html.All);

        var root = JsonDocument.Parse(again.StdOut).RootElement;
        var sample = root.GetProperty("sample");
        Assert.Equal(8, sample.GetProperty("runs").GetInt32());
        Assert.Equal(40, sample.GetProperty("combinations").GetInt32());
        Assert.Equal(seed, sample.GetProperty("seed").GetInt32().ToString(CultureInfo.InvariantCulture));
        var drawn = ValueByPeriod(root);
        Assert.Equal(periods.Order(StringComparer.Ordinal), drawn.Keys.Order(StringComparer.Ordinal));
        var all = ValueByPeriod(JsonDocument.Parse(whole.StdOut).RootElement);
        foreach (var (period, value) in drawn) Assert.Equal(all[period], value);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(whole.StdOut).RootElement.GetProperty("sample").ValueKind);
        // Eight trials, not forty: the deflated Sharpe ratio counts the combinations that ran.
        Assert.Equal(8, root.GetProperty("deflatedSharpe").GetProperty("trials").GetInt32());
        var page = await File.ReadAllTextAsync(report);
        Assert.Contains($"sma-cross over 8 of 40 combinations (a random sample, seed {seed}) on ", page, StringComparison.Ordinal);
        Assert.Contains("8 combinations ran", page, StringComparison.Ordinal);
        Assert.Contains("A random sample ran: the values not drawn have no point.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASampleAsLargeAsTheGrid_RunsItAllWithAWarning_AndBadSamplesAreExitTwo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=10..15", "--data", data, "--no-calendar"];

        var large = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "6", "--json"]);
        var seedAlone = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--seed", "3"]);
        var negative = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "-2"]);
        var negativeSeed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--sample", "2", "--seed", "-1"]);

        Assert.True(large.ExitCode == 0, large.All);
        Assert.Contains("--sample 6 is not fewer than the grid's 6 combinations: all of them run", large.StdErr, StringComparison.Ordinal);
        var root = JsonDocument.Parse(large.StdOut).RootElement;
        Assert.Equal(6, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sample").ValueKind);
        Assert.Equal(2, seedAlone.ExitCode);
        Assert.Contains("--seed: it seeds the draw of --sample N", seedAlone.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, negative.ExitCode);
        Assert.Contains("--sample -2: expected a number of combinations >= 1", negative.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, negativeSeed.ExitCode);
        Assert.Contains("--seed -1: expected a number >= 0", negativeSeed.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASample_IsDrawnAmongTheCombinationsTheStrategyAccepts_SoEachRuns()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // ema-cloud refuses a fast cloud whose long EMA is not above its short one: 15 of these 36 combinations.
        string[] args = ["optimize", "--strategy", "ema-cloud", "--param", "fastShort=3..8", "--param", "fastLong=4..9", "--data", data, "--no-calendar", "--sample", "12", "--seed", "9"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var all = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^4], "--sample", "21", "--json"]);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.True(
            int.Parse(r.GetProperty("parameters").GetProperty("fastLong").GetString()!, CultureInfo.InvariantCulture)
            > int.Parse(r.GetProperty("parameters").GetProperty("fastShort").GetString()!, CultureInfo.InvariantCulture), r.GetRawText()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("refused").ValueKind);
        Assert.Equal(21, root.GetProperty("sample").GetProperty("accepted").GetInt32());
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("a random sample of 12 of the grid's 36 combinations (drawn among the 21 the strategy accepts); --sample 12 --seed 9 draws it again", table.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("refuses", table.StdOut, StringComparison.Ordinal);
        // As many as it accepts: the whole grid runs, the refused counted as without a sample.
        Assert.True(all.ExitCode == 0, all.All);
        Assert.Contains("--sample 21 is not fewer than the 21 of the grid's 36 combinations the strategy accepts: all of them run", all.StdErr, StringComparison.Ordinal);
        Assert.Equal(21, JsonDocument.Parse(all.StdOut).RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(15, JsonDocument.Parse(all.StdOut).RootElement.GetProperty("refused").GetProperty("count").GetInt32());
    }
}
