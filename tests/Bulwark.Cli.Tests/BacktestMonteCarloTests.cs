using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--monte-carlo: the closed trades resampled, in the table, the JSON and the report; a bad count is exit 2.</summary>
public sealed class BacktestMonteCarloTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheSpreadOfTheResampledTrades_IsReported_TheSameForTheSameSeed()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--monte-carlo", "2000"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var again = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo-seed", "9", "--report", "r.html"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^1], "10"]);
        var none = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..4], "period=200", .. args[5..]]);
        var proportional = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "50", "--json"]);

        foreach (var run in new[] { json, again, table }) Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var mc = root.GetProperty("metrics").GetProperty("monteCarlo");
        Assert.Equal(mc.GetRawText(), JsonDocument.Parse(again.StdOut).RootElement.GetProperty("metrics").GetProperty("monteCarlo").GetRawText());
        Assert.Equal((2000, 1, root.GetProperty("metrics").GetProperty("trades").GetInt32()),
            (mc.GetProperty("runs").GetInt32(), mc.GetProperty("seed").GetInt32(), mc.GetProperty("trades").GetInt32()));
        var final = mc.GetProperty("finalValue");
        Assert.True(final.GetProperty("p5").GetDecimal() < final.GetProperty("p50").GetDecimal()
            && final.GetProperty("p50").GetDecimal() < final.GetProperty("p95").GetDecimal(), final.GetRawText());
        var drawdown = mc.GetProperty("maxDrawdown");
        Assert.True(drawdown.GetProperty("p50").GetDecimal() <= drawdown.GetProperty("p99").GetDecimal(), drawdown.GetRawText());
        Assert.InRange(mc.GetProperty("lossProbability").GetDecimal(), 0m, 1m);
        // Sized as a share of the account, the trades are drawn as shares of it and compounded; a fixed size adds PnL.
        Assert.False(mc.GetProperty("compounded").GetBoolean());
        Assert.True(proportional.ExitCode == 0, proportional.All);
        Assert.True(JsonDocument.Parse(proportional.StdOut).RootElement.GetProperty("metrics").GetProperty("monteCarlo").GetProperty("compounded").GetBoolean());
        Assert.Contains("monte carlo, 2,000 resamplings of the 11 closed trades (seed 9): final value ", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo max drawdown median / 95th / 99th", File.ReadAllText(Path.Combine(dir.Path, "r.html")), StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--monte-carlo must be from 100 to 1000000 resamplings (was 10)", bad.StdErr, StringComparison.Ordinal);
        Assert.True(none.ExitCode == 0, none.All);
        Assert.Contains("--monte-carlo needs two closed trades or more; this run closed 0", none.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InBlocks_TheRunSaysSo_ALongerBlockThanTheTradesIsWarnedOf_AndABlockAloneIsExitTwo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var blocks = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo", "500", "--monte-carlo-block", "3", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo", "500", "--monte-carlo-block", "3", "--report", "r.html"]);
        var whole = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo", "500", "--monte-carlo-block", "40", "--json"]);
        var alone = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo-block", "3"]);
        var zero = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo", "500", "--monte-carlo-block", "0"]);

        foreach (var run in new[] { blocks, table, whole }) Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(3, JsonDocument.Parse(blocks.StdOut).RootElement.GetProperty("metrics").GetProperty("monteCarlo").GetProperty("block").GetInt32());
        Assert.Contains("monte carlo, 500 resamplings of the 11 closed trades in blocks of 3 (seed 1)", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo (500 resamplings of 11 trades in blocks of 3, seed 1)", File.ReadAllText(Path.Combine(dir.Path, "r.html")), StringComparison.Ordinal);
        // Blocks of all eleven are the run's own trades rotated: every path adds up to the run's closed PnL.
        var mc = JsonDocument.Parse(whole.StdOut).RootElement.GetProperty("metrics").GetProperty("monteCarlo");
        Assert.Equal(11, mc.GetProperty("block").GetInt32());
        var final = mc.GetProperty("finalValue");
        Assert.Equal(final.GetProperty("p5").GetDecimal(), final.GetProperty("p95").GetDecimal());
        Assert.Contains("--monte-carlo-block 40 is more than the 11 closed trades; each path is their own order, rotated", whole.StdErr, StringComparison.Ordinal);
        Assert.Equal((2, 2), (alone.ExitCode, zero.ExitCode));
        Assert.Contains("--monte-carlo-block is how --monte-carlo draws its trades; give --monte-carlo N too", alone.StdErr, StringComparison.Ordinal);
        Assert.Contains("--monte-carlo-block must be 1 or more trades, or auto (was 0)", zero.StdErr, StringComparison.Ordinal);
        // auto: the cube root of the 11 closed trades, 2.22, is blocks of 2.
        var auto = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--monte-carlo", "500", "--monte-carlo-block", "auto", "--json"]);
        Assert.True(auto.ExitCode == 0, auto.All);
        Assert.Equal(2, JsonDocument.Parse(auto.StdOut).RootElement.GetProperty("metrics").GetProperty("monteCarlo").GetProperty("block").GetInt32());
    }
}
