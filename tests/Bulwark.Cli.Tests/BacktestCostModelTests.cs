using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>Per-share, percent and minimum commissions and slippage, as a trader sets them on `backtest`.</summary>
public sealed class BacktestCostModelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CommissionPartsAndSlippage_ApplyToEveryFill_AndAreStatedInTheJson()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--json", "--size", "2", "--commission-per-share", "0.5", "--commission-percent", "0.01",
            "--commission-min", "1.5", "--slippage-bps", "10");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var commission = root.GetProperty("commission");
        Assert.Equal("per-share+percent", commission.GetProperty("model").GetString());
        Assert.Equal(10m, root.GetProperty("slippage").GetProperty("bps").GetDecimal());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(23, orders.Count);
        // The first buy fills at the 2006-01-27 open (3643.35) slipped 10 bps against it, on the cent.
        Assert.Equal(Math.Round(3643.35m * 1.001m, 2), orders[0].GetProperty("fillPrice").GetDecimal());
        foreach (var o in orders)
        {
            var quantity = o.GetProperty("quantity").GetDecimal();
            var notional = quantity * o.GetProperty("fillPrice").GetDecimal();
            var expected = Math.Max((0.5m * quantity) + (notional * 0.01m / 100m), 1.5m);
            Assert.Equal(expected, o.GetProperty("commission").GetDecimal());
        }
    }

    [Theory]
    [InlineData("grid", "--slippage-bps", true)]
    [InlineData("grid", "--slippage-ticks", true)]
    [InlineData("sma-cross", "--slippage-bps", false)]
    public async Task SlippageOnAStrategyOfOnlyLimitOrders_IsWarnedAbout_AndChangesNothing(string strategy, string option, bool warned)
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", strategy, "--data", sample, "--no-calendar", "--json");
        var slipped = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", strategy, "--data", sample, "--no-calendar", "--json",
            option, "10");

        Assert.True(plain.ExitCode == 0 && slipped.ExitCode == 0, plain.All + slipped.All);
        var message = $"{option}: grid places only limit orders, which fill at their limit price, so slippage changes none of its fills";
        Assert.Equal(warned, slipped.StdErr.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("places only limit orders", plain.StdErr, StringComparison.Ordinal);
        var values = new[] { plain, slipped }.Select(r => JsonDocument.Parse(r.StdOut).RootElement.GetProperty("finalValue").GetDecimal()).ToList();
        // The warning is true to the engine: the grid's value does not move, sma-cross's market orders pay the slippage.
        Assert.Equal(warned, values[0] == values[1]);
    }

    [Theory]
    [InlineData("--commission-per-share", "-1")]
    [InlineData("--commission-percent", "-0.1")]
    [InlineData("--commission-min", "-2")]
    [InlineData("--slippage-bps", "-5")]
    [InlineData("--slippage-ticks", "-1")]
    public async Task NegativeCost_ExitsTwoNamingTheOption(string option, string value)
    {
        using var dir = new TempDir();
        dir.File("X.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "X.csv", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} must be >= 0 (was {value})", run.StdErr, StringComparison.Ordinal);
    }
}
