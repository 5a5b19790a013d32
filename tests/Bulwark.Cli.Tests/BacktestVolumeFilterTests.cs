using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// minVolumeRatio and maxVolumeRatio end to end: on the 2006 sample's prices with a volume column the test writes, sma-cross's
/// entries are the crosses whose bar's volume is within the ratios to the mean of the volumePeriod rows before it in the
/// file, which `indicators --indicator vratio:20` prints; the run names the filter. On the sample as it is (no volume) the
/// run takes no entry and its notices say why.
/// </summary>
public sealed class BacktestVolumeFilterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheEntriesTaken_AreTheCrossesOnBarsWhoseVolumeIsWithinTheRatios()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var (file, volumes) = WithVolumes(sample, dir, seed: 5);
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", file, "--no-calendar"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var loud = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "minVolumeRatio=1.1", "--json"]);
        var quiet = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "maxVolumeRatio=0.9", "--param", "volumePeriod=10", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "minVolumeRatio=1.1"]);
        var printed = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["indicators", "--data", file, "--indicator", "vratio:20"]);
        foreach (var run in new[] { plain, loud, quiet, table, printed }) Assert.True(run.ExitCode == 0, run.All);

        var crosses = BuyDates(plain); // flat at every cross above without the filter, since every cross below exits
        Assert.Equal(12, crosses.Length);
        Assert.Null(Ratio(volumes, crosses[0], 20)); // the first cross, on the 19th row, comes before the mean is known
        var expectedLoud = crosses.Where(d => Ratio(volumes, d, 20) >= 1.1m).ToArray();
        var expectedQuiet = crosses.Where(d => Ratio(volumes, d, 10) <= 0.9m).ToArray();
        Assert.InRange(expectedLoud.Length, 1, crosses.Length - 1); // the filter both takes and skips some on this file
        Assert.InRange(expectedQuiet.Length, 1, crosses.Length - 1);
        Assert.Equal(expectedLoud, BuyDates(loud));
        Assert.Equal(expectedQuiet, BuyDates(quiet));
        Assert.Contains("sma-cross period=15 trendPeriod=none minVolumeRatio=1.1 volumePeriod=20 on ", table.StdOut, StringComparison.Ordinal);

        // `indicators --indicator vratio:20` prints the ratio the filter compares, empty before the mean is known.
        var rows = printed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        Assert.Equal(["date", "vratio_20"], rows[0]);
        Assert.Equal(volumes.Count, rows.Count - 1);
        Assert.All(rows.Skip(1).Zip(volumes), p => Assert.Equal(
            Ratio(volumes, p.Second.Date, 20) is { } r ? Math.Round(r, 6).ToString("F6", CultureInfo.InvariantCulture) : "", p.First[1]));
    }

    [Fact]
    public async Task OnDataWithoutVolume_NoEntryIsTaken_AndTheNoticesSayWhy()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["backtest", "--strategy", "donchian-breakout", "--param", "minVolumeRatio=1.5", "--data", sample, "--no-calendar", "--json"]);
        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Empty(root.GetProperty("orders").EnumerateArray());
        Assert.Contains("VolumeMissing", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("no volume in the 20 bars before this one; the volume filter takes no entry until there is", run.StdOut, StringComparison.Ordinal);
    }

    private static string[] BuyDates(CliRun run) =>
    [
        .. JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("side").GetString() == "buy")
            .Select(o => o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// The volume of <paramref name="date"/>'s row over the mean of the <paramref name="period"/> rows before it; null
    /// when there are fewer rows before it (the filter skips such an entry).
    /// </summary>
    private static decimal? Ratio(List<(string Date, decimal Volume)> volumes, string date, int period)
    {
        var at = volumes.FindIndex(v => v.Date == date);
        Assert.True(at >= 0, date);
        return at < period ? null : volumes[at].Volume / volumes.Skip(at - period).Take(period).Average(v => v.Volume);
    }

    /// <summary>The sample's rows with a seeded volume of 1,000 to 3,000 in place of its zeros, written to the directory.</summary>
    private static (string File, List<(string Date, decimal Volume)> Volumes) WithVolumes(string sample, TempDir dir, int seed)
    {
        var random = new Random(seed);
        var volumes = new List<(string Date, decimal Volume)>();
        var text = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        foreach (var line in File.ReadLines(sample).Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var volume = (decimal)random.Next(1000, 3001);
            volumes.Add((cells[0], volume));
            text.Append(string.Join(',', cells.Take(5))).Append(',').Append(volume.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return (dir.File("SAMPLE.csv", text.ToString()), volumes);
    }
}
