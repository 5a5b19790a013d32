using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>backtest --max-portfolio-volatility P: each entry cut to what keeps the book's estimated volatility within P% a year.</summary>
public sealed class BacktestPortfolioVolatilityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task EachEntry_IsTheSmallerOfItsSizingAndWhatTheCapLeaves_FromTheReturnsBeforeIt()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar",
            "--percent-of-equity", "100", "--cash", "100000"];

        var capped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--max-portfolio-volatility", "5", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--max-portfolio-volatility", "5"]);

        Assert.True(capped.ExitCode == 0, capped.All);
        var rows = File.ReadLines(sample).Skip(1).Select(l => l.Split(',')).ToList();
        var closes = rows.Select(r => decimal.Parse(r[4], Inv)).ToList();
        var dates = rows.Select(r => r[0]).ToList();
        var root = JsonDocument.Parse(capped.StdOut).RootElement;
        Assert.Equal(5m, root.GetProperty("sizing").GetProperty("maxPortfolioVolatilityPercent").GetDecimal());
        var cash = 100_000m;
        var (entries, bound) = (0, 0);
        foreach (var o in root.GetProperty("orders").EnumerateArray())
        {
            var quantity = o.GetProperty("quantity").GetDecimal();
            var price = o.GetProperty("fillPrice").GetDecimal();
            if (o.GetProperty("side").GetString() == "sell")
            {
                cash += quantity * price;
                continue;
            }
            // Signalled at day t's close while flat: the returns of days 1 to t-1 are in the estimate (day t's is pending).
            var t = dates.IndexOf(o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", Inv));
            Assert.True(t - 1 >= 20, $"an entry at day {t}, before 20 returns");
            var limit = (double)cash * 0.05 / Math.Sqrt(252d);
            var room = Math.Floor(limit / (EwmaVolatility.PerBar(closes, t - 1) * (double)closes[t]));
            var sized = Math.Floor(cash / closes[t]);
            Assert.Equal(Math.Min(sized, (decimal)room), quantity);
            (entries, bound) = (entries + 1, bound + (room < (double)sized ? 1 : 0));
            cash -= quantity * price;
        }
        Assert.True(entries >= 5 && bound >= 5, $"{entries} entries, {bound} cut by the cap: the test proved less than it says");
        // The first cross up comes before 20 returns: denied, and said why.
        var denials = root.GetProperty("sources")[0].GetProperty("deniedByReason");
        Assert.True(denials.GetProperty("PortfolioVolatilityCap").GetInt64() >= 1, denials.GetRawText());
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("PortfolioVolatilityCap", table.StdOut, StringComparison.Ordinal);
    }
}
