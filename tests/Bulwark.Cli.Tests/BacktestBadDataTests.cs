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

    [Theory]
    [InlineData("backtest")]
    [InlineData("optimize")]
    public async Task TwoFilesOfOneSymbol_ExitTwoNamingBoth(string command)
    {
        using var dir = new TempDir();
        const string Rows = "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,100\n";
        dir.File("SPY.csv", Rows);
        Directory.CreateDirectory(Path.Combine(dir.Path, "old"));
        dir.File(Path.Combine("old", "SPY.txt"), Rows);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, "--strategy", "sma-cross", "--data", "SPY.csv,old/SPY.txt", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'SPY.csv' and 'old/SPY.txt' are both symbol 'SPY'", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Theory]
    [InlineData("backtest")]
    [InlineData("optimize")]
    public async Task AFileWithAHeaderAndNoRows_ExitsTwoNamingIt(string command)
    {
        using var dir = new TempDir();
        dir.File("SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,100\n");
        dir.File("QQQ.csv", "Date,Open,High,Low,Close,Volume\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, "--strategy", "sma-cross", "--data", "SPY.csv,QQQ.csv", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data 'QQQ.csv': no bars", run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }
}
