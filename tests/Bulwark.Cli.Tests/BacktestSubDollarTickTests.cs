using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>A share under a dollar fills at its own four-place prices in research runs, as it quotes in the US market.</summary>
public sealed class BacktestSubDollarTickTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task APennyStock_FillsAtItsOwnOpens_UnlessATickSizeIsGiven()
    {
        using var dir = new TempDir();
        // Closes fall from 0.4800 to 0.4500 and rise to 0.5200: sma-cross period 3 buys on the way up at a four-place open.
        var rows = new List<string> { "Date,Open,High,Low,Close,Volume" };
        var day = new DateOnly(2024, 1, 1);
        decimal[] closes = [0.4800m, 0.4700m, 0.4600m, 0.4500m, 0.4637m, 0.4788m, 0.4913m, 0.5071m, 0.5200m];
        var open = 0.4811m;
        for (var i = 0; i < closes.Length; i++)
        {
            rows.Add(FormattableString.Invariant($"{day.AddDays(i):yyyy-MM-dd},{open},{Math.Max(open, closes[i]) + 0.0012m},{Math.Min(open, closes[i]) - 0.0013m},{closes[i]},500000"));
            open = closes[i] + 0.0017m;
        }
        File.WriteAllLines(Path.Combine(dir.Path, "PNY.csv"), rows);
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "PNY.csv", "--size", "1000", "--no-calendar", "--json"];

        var quoted = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var cents = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--tick-size", "0.01"]);
        var coin = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--asset", "PNY=crypto"]);

        Assert.True(quoted.ExitCode == 0, quoted.All);
        Assert.True(cents.ExitCode == 0, cents.All);
        Assert.True(coin.ExitCode == 0, coin.All);
        static (decimal Fill, JsonElement Instrument) First(string json)
        {
            var root = JsonDocument.Parse(json).RootElement;
            return (root.GetProperty("orders")[0].GetProperty("fillPrice").GetDecimal(), root.GetProperty("instruments")[0]);
        }
        var (fill, instrument) = First(quoted.StdOut);
        // The cross up is the close of 0.4637 (day 5); the next day opens at 0.4654.
        Assert.Equal(0.4654m, fill);
        Assert.Equal((0.01m, 0.0001m), (instrument.GetProperty("tickSize").GetDecimal(), instrument.GetProperty("subDollarTickSize").GetDecimal()));
        var (centFill, centInstrument) = First(cents.StdOut);
        Assert.Equal(0.47m, centFill);
        Assert.Equal(JsonValueKind.Null, centInstrument.GetProperty("subDollarTickSize").ValueKind);
        Assert.Equal(JsonValueKind.Null, First(coin.StdOut).Instrument.GetProperty("subDollarTickSize").ValueKind);
        Assert.Contains("is not on its tick 0.01 (--tick-size)", cents.StdErr, StringComparison.Ordinal);
    }
}
