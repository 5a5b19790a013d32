using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>backtest --cooldown-after-loss D: an entry less than D after a losing round trip's closing fill is denied; any other is not.</summary>
public sealed class BacktestCooldownAfterLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EachEntry_IsDeniedExactlyWhenTheLastRoundTripLostLessThanTenDaysBefore()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--cash", "10000", "--cooldown-after-loss", "10d", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(TimeSpan.FromDays(10).TotalSeconds, root.GetProperty("risk").GetProperty("cooldownAfterLossSeconds").GetDouble());
        // Independently, from the orders in the order they were made: the round trips (one share, no costs) and their exits.
        var (held, cost, denied) = (0m, 0m, 0);
        DateTimeOffset? lost = null;
        foreach (var o in root.GetProperty("orders").EnumerateArray())
        {
            var created = o.GetProperty("createdAt").GetDateTimeOffset();
            var refused = o.TryGetProperty("denied", out var why) && why.ValueKind == JsonValueKind.String;
            if (o.GetProperty("side").GetString() == "buy")
            {
                var cooling = lost is { } at && created - at < TimeSpan.FromDays(10);
                Assert.True(cooling == refused, $"the entry of {created:yyyy-MM-dd}: cooling {cooling}, denied {refused}");
                if (refused)
                {
                    Assert.Equal("CooldownAfterLoss", why.GetString());
                    denied++;
                    continue;
                }
                (held, cost) = (held + 1m, cost + o.GetProperty("fillPrice").GetDecimal());
                continue;
            }
            var price = o.GetProperty("fillPrice").GetDecimal();
            lost = price < cost ? o.GetProperty("filledAt").GetDateTimeOffset() : null;
            (held, cost) = (0m, 0m);
        }
        Assert.True(denied >= 2, $"{denied} entries denied: the test proved less than it says");
        Assert.Equal(0m, held - root.GetProperty("trades").EnumerateArray().Count(t => t.GetProperty("isOpen").GetBoolean()));
    }
}
