using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--risk-percent: each entry sized so that its protective stop loses that part of the account's value.</summary>
public sealed class BacktestRiskSizingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheFirstEntry_IsOnePercentOfTheAccountOverTheDistanceToItsStop_AndAStopIsRequired()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--cash", "1000000"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "stopLossPercent=2", "--risk-percent", "1", "--json"]);
        var noStop = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--risk-percent", "1"]);
        var tooMuch = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "stopLossPercent=2", "--risk-percent", "150"]);
        var both = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "stopLossPercent=2", "--risk-percent", "1", "--size", "3"]);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(("riskPercent", 1m), (root.GetProperty("sizing").GetProperty("mode").GetString(), root.GetProperty("sizing").GetProperty("riskPercent").GetDecimal()));
        var first = root.GetProperty("orders")[0];
        var price = first.GetProperty("createPrice").GetDecimal(); // the close the signal was sized at
        var stop = Math.Ceiling(price * 0.98m * 100m) / 100m; // 2 % under it, on the cent toward it
        Assert.Equal(Math.Floor(10_000m / (price - stop)), first.GetProperty("quantity").GetDecimal());
        Assert.True(first.GetProperty("quantity").GetDecimal() > 100m);
        foreach (var (bad, message) in new[]
        {
            (noStop, "--risk-percent sizes each entry by the risk to its protective stop, and sma-cross has none"),
            (tooMuch, "--risk-percent must be in (0, 100] (was 150)"),
            (both, "--size and --risk-percent: give one way to size entries"),
        })
        {
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains(message, bad.StdErr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Optimize_RefusesTheCombinationsWithoutAStop_AndAGridOfNoneIsExitTwo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=10..12", "--data", data, "--no-calendar", "--cash", "1000000", "--risk-percent", "1"];

        var mixed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "stopLossPercent=none|2", "--json"]);
        var none = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(mixed.ExitCode == 0, mixed.All);
        var root = JsonDocument.Parse(mixed.StdOut).RootElement;
        Assert.Equal(3, root.GetProperty("rows").GetArrayLength());
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("fills").GetInt32() > 0));
        Assert.Equal(3, root.GetProperty("refused").GetProperty("count").GetInt32());
        Assert.Equal("sizing.riskPercent", root.GetProperty("refused").GetProperty("byParameter")[0].GetProperty("parameter").GetString());
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("entries are sized by the risk to their protective stop, and this combination sets none", none.StdErr, StringComparison.Ordinal);
    }
}
