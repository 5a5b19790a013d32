using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// donchian-breakout's orders on the 2006 sample are the ones its rule gives when read off `bulwark indicators`' own
/// channels: a close above the previous row's donchian_20_top enters, one below the previous row's donchian_10_bot exits.
/// </summary>
public sealed class BacktestDonchianBreakoutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheOrders_AreTheBreakoutsOfTheChannelsTheIndicatorsCommandPrints(bool allowShort)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["backtest", "--strategy", "donchian-breakout", "--param", $"allowShort={(allowShort ? "true" : "false")}", "--data", data, "--no-calendar", "--json"]);
        var channels = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["indicators", "--data", data, "--indicator", "donchian:20", "--indicator", "donchian:10"]);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(channels.ExitCode == 0, channels.All);

        var closes = File.ReadAllLines(data).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => decimal.Parse(c[4], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        // date, then mid, top, bot of the 20-bar channel and of the 10-bar one
        var rows = channels.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        var expected = new List<string>();
        var position = 0;
        var shortsOpened = 0;
        for (var t = 1; t < rows.Length; t++)
        {
            var before = rows[t - 1];
            if (before[2].Length == 0 || before[6].Length == 0) continue; // the channels of the bars before are not full yet
            decimal At(int column) => decimal.Parse(before[column], CultureInfo.InvariantCulture);
            var close = closes[rows[t][0]];
            var (side, next) = position <= 0 && close > At(2) ? ("buy", 1)
                : allowShort && position >= 0 && close < At(3) ? ("sell", -1)
                : (position > 0 && close < At(6)) || (position < 0 && close > At(5)) ? (position > 0 ? "sell" : "buy", 0)
                : (null, position);
            if (side is null) continue;
            expected.Add($"{side} {rows[t][0]}");
            if (next < 0) shortsOpened++;
            position = next;
        }

        var orders = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Select(o => $"{o.GetProperty("side").GetString()} {o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(expected.Count >= 10, string.Join(", ", expected));
        Assert.Equal(allowShort, shortsOpened > 0); // the sample breaks down as well as up
        Assert.Equal(expected, orders);
    }
}
