using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>
/// The limits on the whole book and the account (a trim, a drawdown stop, a cooldown), given out of their range or
/// without what they need on the command line, are usage errors (exit 2) naming the option and the value.
/// </summary>
public sealed class BookLimitOptionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--max-gross-exposure", "0", "--max-gross-exposure must be in (0, 10000] (was 0)")]
    [InlineData("--max-gross-exposure", "10001", "--max-gross-exposure must be in (0, 10000] (was 10001)")]
    [InlineData("--max-portfolio-volatility", "0", "--max-portfolio-volatility must be in (0, 1000] (was 0)")]
    [InlineData("--max-portfolio-volatility", "1001", "--max-portfolio-volatility must be in (0, 1000] (was 1001)")]
    [InlineData("--max-open-positions", "0", "--max-open-positions must be >= 1 (was 0)")]
    [InlineData("--portfolio-volatility-trim", "0", "--portfolio-volatility-trim must be in (0, 1000] (was 0)")]
    [InlineData("--portfolio-volatility-trim", "20", "--portfolio-volatility-trim trims the book back to its volatility cap: give --max-portfolio-volatility with it")]
    [InlineData("--drawdown-stop", "0", "--drawdown-stop must be in (0, 100) (was 0)")]
    [InlineData("--drawdown-stop", "100", "--drawdown-stop must be in (0, 100) (was 100)")]
    [InlineData("--max-orders-per-day", "0", "--max-orders-per-day must be >= 1 (was 0)")]
    [InlineData("--max-orders-per-minute", "0", "--max-orders-per-minute must be >= 1 (was 0)")]
    [InlineData("--daily-loss-stop", "0", "--daily-loss-stop must be in (0, 100) (was 0)")]
    [InlineData("--daily-loss-stop", "100", "--daily-loss-stop must be in (0, 100) (was 100)")]
    [InlineData("--cooldown-after-loss", "soon", "--cooldown-after-loss: 'soon' is not a duration above zero (e.g. 30m, 4h, 2d)")]
    public async Task ALimitOutsideItsRange_IsExitTwo(string option, string value, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "w.csv"), DailyWave.Csv(60, 1d / 4, 100m));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "w.csv", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }
}
