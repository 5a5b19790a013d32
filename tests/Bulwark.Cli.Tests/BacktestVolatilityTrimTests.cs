using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// backtest --portfolio-volatility-trim P: once the book's estimate is P% over --max-portfolio-volatility, the position is
/// cut back by the cap over the estimate; and nowhere else.
/// </summary>
public sealed class BacktestVolatilityTrimTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task EveryDayTheEstimateIsOverTheBand_ThePositionIsCutByTheCapOverIt_AndOnNoOtherDay()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar",
            "--percent-of-equity", "100", "--cash", "100000", "--max-portfolio-volatility", "5", "--portfolio-volatility-trim", "2"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(run.ExitCode == 0, run.All);
        var rows = File.ReadLines(sample).Skip(1).Select(l => l.Split(',')).ToList();
        var closes = rows.Select(r => decimal.Parse(r[4], Inv)).ToList();
        var dates = rows.Select(r => r[0]).ToList();
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(2m, root.GetProperty("sizing").GetProperty("portfolioVolatilityTrimPercent").GetDecimal());
        var orders = root.GetProperty("orders").EnumerateArray().Select(o => (
            Created: dates.IndexOf(o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", Inv)),
            Filled: dates.IndexOf(o.GetProperty("filledAt").GetDateTimeOffset().ToString("yyyy-MM-dd", Inv)),
            Signed: o.GetProperty("side").GetString() == "buy" ? o.GetProperty("quantity").GetDecimal() : -o.GetProperty("quantity").GetDecimal(),
            Price: o.GetProperty("fillPrice").GetDecimal(),
            Trim: o.TryGetProperty("tag", out var tag) && tag.GetString() == "volatility-trim")).ToList();

        var trims = 0;
        for (var t = 21; t < closes.Count; t++)
        {
            // At bar t's arrival: the fills up to its open are in, the returns of days 1 to t-1 and day t-1's close.
            var held = orders.Where(o => o.Filled <= t).Sum(o => o.Signed);
            var cash = 100_000m - orders.Where(o => o.Filled <= t).Sum(o => o.Signed * o.Price);
            var trim = orders.Where(o => o.Trim && o.Created == t).ToList();
            if (held == 0m)
            {
                Assert.Empty(trim);
                continue;
            }
            var limit = (double)(cash + (held * closes[t - 1])) * 0.05 / Math.Sqrt(252d);
            var volatility = EwmaVolatility.PerBar(closes, t - 1) * (double)(held * closes[t - 1]);
            // The strategy's own order of that day goes first: a trim waits for it.
            var strategyOrder = orders.Any(o => !o.Trim && o.Created == t);
            if (volatility <= limit * 1.02 || strategyOrder)
            {
                Assert.Empty(trim);
                continue;
            }
            var kept = Math.Floor(held * (decimal)(limit / volatility));
            Assert.Equal(-(held - kept), Assert.Single(trim).Signed);
            trims++;
        }
        Assert.True(trims >= 2, $"{trims} trims: the test proved less than it says");
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(string.Create(Inv, $"volatility trims: {trims} orders cut positions back to the book's cap of 5% a year, {trims} filled"), table.StdOut, StringComparison.Ordinal);
        Assert.Contains("[sma-cross, volatility-trim]", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("VolatilityTrim: the book's estimated volatility is ", table.StdOut, StringComparison.Ordinal);
    }
}
