using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--volatility-percent: each entry sized so that one ATR of its symbol moves it by that part of the account's value.</summary>
public sealed class BacktestVolatilitySizingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EachEntry_IsHalfAPercentOfTheAccountOverTheAtrOfItsSignalBar_AsTheIndicatorsCommandReadsIt()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--cash", "1000000"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--volatility-percent", "0.5", "--volatility-period", "10", "--json"]);
        var atr = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["indicators", "--data", data, "--indicator", "atr:10"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(atr.ExitCode == 0, atr.All);
        var ranges = atr.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[1].Length > 0)
            .ToDictionary(cells => cells[0], cells => decimal.Parse(cells[1], CultureInfo.InvariantCulture));
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var sizing = root.GetProperty("sizing");
        Assert.Equal(("volatility", 0.5m, 10), (sizing.GetProperty("mode").GetString(), sizing.GetProperty("volatilityPercent").GetDecimal(), sizing.GetProperty("volatilityPeriod").GetInt32()));
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        var cash = 1_000_000m;
        var entries = 0;
        for (var i = 0; i < orders.Count; i += 2) // flat, long, flat, ...: every other order opens a position
        {
            var entry = orders[i];
            Assert.Equal("buy", entry.GetProperty("side").GetString());
            var day = entry.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // The indicator writes six places; the kernel's range is exact, so the size is read to within one share.
            var expected = Math.Floor(cash * 0.005m / ranges[day]); // about half the account: never capped by the cash
            Assert.InRange(entry.GetProperty("quantity").GetDecimal(), expected - 1m, expected + 1m);
            if (i + 1 < orders.Count)
            {
                var exit = orders[i + 1];
                cash += (exit.GetProperty("fillPrice").GetDecimal() - entry.GetProperty("fillPrice").GetDecimal()) * entry.GetProperty("quantity").GetDecimal();
            }
            entries++;
        }
        Assert.Equal(12, entries);
        Assert.True(orders.Select(o => o.GetProperty("quantity").GetDecimal()).Distinct().Count() > 3, "the size follows the range");
    }

    [Fact]
    public async Task ACapOnAPosition_HoldsEachEntryToThatShareOfTheAccount_AndCapsAFixedSizeToo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--cash", "1000000", "--json"];

        var capped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--volatility-percent", "1", "--max-position-percent", "10"]);
        var fixedSize = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--size", "100", "--max-position-percent", "10"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--max-position-percent", "0"]);

        Assert.True(capped.ExitCode == 0, capped.All);
        Assert.True(fixedSize.ExitCode == 0, fixedSize.All);
        var root = JsonDocument.Parse(capped.StdOut).RootElement;
        Assert.Equal(10m, root.GetProperty("sizing").GetProperty("maxPercentOfEquity").GetDecimal());
        // 1 % of a million over an ATR near 40 is about 250 shares of 3,800, near the whole account; 10 % of it is about 26.
        var entries = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("side").GetString() == "buy").ToList();
        Assert.Equal(11, entries.Count); // the first cross, on the 19th bar, comes before the ATR(20) is known
        Assert.All(entries, o => Assert.True(o.GetProperty("quantity").GetDecimal() * o.GetProperty("createPrice").GetDecimal() <= 100_000m * 1.01m, o.GetRawText()));
        Assert.Contains(entries, o => o.GetProperty("quantity").GetDecimal() * o.GetProperty("createPrice").GetDecimal() > 90_000m);
        // A fixed 100 shares is 380,000 or so: capped at 10 % of the account, 26.
        var fixedRoot = JsonDocument.Parse(fixedSize.StdOut).RootElement;
        Assert.Equal(("fixedQuantity", 10m), (fixedRoot.GetProperty("sizing").GetProperty("mode").GetString(), fixedRoot.GetProperty("sizing").GetProperty("maxPercentOfEquity").GetDecimal()));
        var first = fixedRoot.GetProperty("orders")[0];
        Assert.Equal(Math.Floor(100_000m / first.GetProperty("createPrice").GetDecimal()), first.GetProperty("quantity").GetDecimal());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--max-position-percent must be in (0, 1000] (was 0)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadValues_AndAPeriodAlone_AndTwoSizings_AreUsageErrors()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar"];

        foreach (var (extra, message) in new (string[], string)[]
        {
            (["--volatility-percent", "0"], "--volatility-percent must be in (0, 100] (was 0)"),
            (["--volatility-percent", "1", "--volatility-period", "0"], "--volatility-period must be > 0 (was 0)"),
            (["--volatility-period", "14"], "--volatility-period is the range --volatility-percent sizes by; give --volatility-percent too"),
            (["--volatility-percent", "1", "--percent-of-equity", "50"], "--percent-of-equity and --volatility-percent: give one way to size entries, not 2"),
        })
        {
            var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, .. extra]);
            Assert.True(bad.ExitCode == 2, bad.All);
            Assert.Contains(message, bad.StdErr, StringComparison.Ordinal);
        }
    }
}
