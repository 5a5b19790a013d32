using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>backtest --max-gross-exposure P: no order takes the book's positions, long and short alike, beyond P% of the account.</summary>
public sealed class BacktestGrossExposureTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The largest number of symbols held at once, from the fills in order.</summary>
    private static int MostHeldAtOnce(JsonElement root)
    {
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var most = 0;
        foreach (var o in root.GetProperty("orders").EnumerateArray()
                     .Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null)
                     .OrderBy(o => o.GetProperty("filledAt").GetDateTimeOffset()))
        {
            var symbol = o.GetProperty("symbol").GetString()!;
            var signed = (o.GetProperty("side").GetString() == "buy" ? 1m : -1m) * o.GetProperty("filledQuantity").GetDecimal();
            held[symbol] = held.GetValueOrDefault(symbol) + signed;
            most = Math.Max(most, held.Count(h => h.Value != 0m));
        }
        return most;
    }

    [Fact]
    public async Task TwoEntriesOf40Percent_NeverHoldTogetherUnder50_AndTheSecondIsDeniedWithTheReason()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "A.csv"), DailyWave.Csv(120, 1d / 8, 100m));
        File.WriteAllText(Path.Combine(dir.Path, "B.csv"), DailyWave.Csv(120, 1d / 11, 100m));
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "A.csv,B.csv", "--no-calendar",
            "--percent-of-equity", "40", "--json"];

        var free = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var limited = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--max-gross-exposure", "50"]);

        Assert.True(free.ExitCode == 0, free.All);
        Assert.True(limited.ExitCode == 0, limited.All);
        Assert.Equal(2, MostHeldAtOnce(JsonDocument.Parse(free.StdOut).RootElement));
        var root = JsonDocument.Parse(limited.StdOut).RootElement;
        Assert.Equal(1, MostHeldAtOnce(root));
        var denied = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, o => Assert.Equal("MaxGrossExposureExceeded", o.GetProperty("denied").GetString()));
        Assert.All(denied, o => Assert.Matches(@"^gross exposure \d+\.\d\d would be \d+\.\d% of the account's \d+\.\d\d, over 50%$", o.GetProperty("deniedDetail").GetString()));
    }

    [Fact]
    public async Task OneOpenPositionAtATime_HoldsOneSymbolAtMost_AndSaysWhichIsHeld()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "A.csv"), DailyWave.Csv(120, 1d / 8, 100m));
        File.WriteAllText(Path.Combine(dir.Path, "B.csv"), DailyWave.Csv(120, 1d / 11, 100m));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "A.csv,B.csv",
            "--no-calendar", "--size", "10", "--max-open-positions", "1", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(1, MostHeldAtOnce(root));
        var denied = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(denied);
        Assert.All(denied, o => Assert.Equal("MaxOpenPositionsReached", o.GetProperty("denied").GetString()));
        Assert.All(denied, o => Assert.Equal(
            $"1 positions open or being opened ({(o.GetProperty("symbol").GetString() == "A" ? "B" : "A")}), the most 1 allowed", o.GetProperty("deniedDetail").GetString()));
    }
}
