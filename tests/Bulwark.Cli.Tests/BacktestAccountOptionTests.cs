using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--fill, --multiplier, --margin and --commission-per-fill on `backtest` and `optimize`, through the real process.</summary>
public sealed class BacktestAccountOptionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly string[] SmaCross15 = ["--strategy", "sma-cross", "--param", "period=15", "--size", "1", "--no-calendar", "--json"];

    [Fact]
    public async Task Backtest_FillClose_FillsAtTheSignalBarsClose_AndSaysSo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", .. SmaCross15, "--data", data, "--cash", "10000", "--fill", "close"]);
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("close", root.GetProperty("fill").GetString());
        Assert.Equal(10366.07m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(6246.13m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        var first = root.GetProperty("orders")[0];
        Assert.Equal(first.GetProperty("createdAt").GetString(), first.GetProperty("filledAt").GetString());
        Assert.Equal(first.GetProperty("createPrice").GetDecimal(), first.GetProperty("fillPrice").GetDecimal());
    }

    [Fact]
    public async Task Backtest_FuturesOptions_AccountWithMargin_AndTheJsonNamesTheModel()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", .. SmaCross15, "--data", data, "--cash", "50000",
            "--multiplier", "10", "--margin", "2000", "--commission-per-fill", "2"]);
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("next-open", root.GetProperty("fill").GetString());
        var commission = root.GetProperty("commission");
        Assert.Equal(("futures", 2m, 10m, 2000m), (commission.GetProperty("model").GetString(), commission.GetProperty("perFill").GetDecimal(),
            commission.GetProperty("multiplier").GetDecimal(), commission.GetProperty("marginPerContract").GetDecimal()));
        Assert.Equal(52795.00m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(50795.00m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        Assert.Equal(23, root.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Optimize_TakesTheSameOptions_AndStatesThem()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--cash", "50000", "--multiplier", "10", "--margin", "2000",
            "--commission-per-fill", "2", "--fill", "next-open", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("futures", root.GetProperty("commission").GetProperty("model").GetString());
        Assert.Equal(52795.00m, Math.Round(root.GetProperty("rows")[0].GetProperty("finalValue").GetDecimal(), 2));
    }

    [Theory]
    [InlineData("backtest", "--fill", "open", "--fill: unknown 'open'")]
    [InlineData("backtest", "--multiplier", "0", "--multiplier must be > 0 (was 0)")]
    [InlineData("backtest", "--margin", "-1", "--margin must be >= 0 (was -1)")]
    [InlineData("backtest", "--commission-per-fill", "-2", "--commission-per-fill must be >= 0 (was -2)")]
    [InlineData("optimize", "--fill", "at-close", "--fill: unknown 'at-close'")]
    [InlineData("optimize", "--multiplier", "-10", "--multiplier must be > 0 (was -10)")]
    [InlineData("optimize", "--margin", "-0.5", "--margin must be >= 0 (was -0.5)")]
    [InlineData("backtest", "--notional", "0", "--notional must be > 0 (was 0)")]
    [InlineData("backtest", "--percent-of-equity", "150", "--percent-of-equity must be in (0, 100] (was 150)")]
    [InlineData("optimize", "--percent-of-equity", "0", "--percent-of-equity must be in (0, 100] (was 0)")]
    public async Task BadValue_ExitsTwo_NamingTheOptionAndTheValue(string command, string option, string value, string message)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, "--strategy", "sma-cross", "--data", "ok.csv", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_PercentOfEquity_SizesEachEntryFromTheAccountsValue_AndTwoSizingsAreAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--json"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "95"]);
        var both = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "95", "--notional", "5000"]);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("percentOfEquity", root.GetProperty("sizing").GetProperty("mode").GetString());
        // The first entry: 95 % of the untouched 10,000 at the signal bar's close, in whole units.
        var first = root.GetProperty("orders")[0];
        Assert.Equal(Math.Floor(9_500m / first.GetProperty("createPrice").GetDecimal()), first.GetProperty("quantity").GetDecimal());
        Assert.True(first.GetProperty("quantity").GetDecimal() > 1m);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--notional and --percent-of-equity: give one way to size entries", both.StdErr, StringComparison.Ordinal);
    }
}
