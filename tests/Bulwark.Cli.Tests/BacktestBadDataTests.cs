using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>Bad bar data given to `backtest` and `optimize` stops the run before it starts, naming file and line.</summary>
public sealed class BacktestBadDataTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("backtest", "2024-01-04,12,10.5,12,11,100", "high 10.5 is below low 12")]
    [InlineData("backtest", "2024-01-04,12,12,10.5,NaN,100", "close 'NaN' is not a finite number")]
    [InlineData("backtest", "2024-13-04,12,12,10.5,11,100", "date '2024-13-04'")]
    [InlineData("backtest", "2024-01-01,12,12,10.5,11,100", "before the previous row's 2024-01-03")]
    [InlineData("optimize", "2024-01-04,12,10.5,12,11,100", "high 10.5 is below low 12")]
    [InlineData("optimize", "2024-01-01,12,12,10.5,11,100", "before the previous row's 2024-01-03")]
    public async Task BadRow_ExitsTwoNamingFileAndLine_WithoutAResult(string command, string row, string problem)
    {
        using var dir = new TempDir();
        dir.File("good.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,13,10,12,100
            """);
        dir.File("bad.csv", $"""
            Date,Open,High,Low,Close,Volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,13,10,12,100
            {row}
            2024-01-05,11,12,10,11.5,100
            """);
        string[] args = command == "backtest"
            ? ["backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "good.csv,bad.csv", "--no-calendar", "--json"]
            : ["optimize", "--strategy", "sma-cross", "--param", "period=2..3", "--data", "good.csv,bad.csv", "--json"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.csv:4: ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }
}
