using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>A run with many orders: the table shows the first and last ones and says how many it left out; JSON has all.</summary>
public sealed class BacktestLongRunOutputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Hourly bars whose close zig-zags every bar, so sma-cross with period 2 crosses on nearly every bar.</summary>
    private static string ZigZag(int bars)
    {
        var csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < bars; i++)
        {
            var close = i % 2 == 0 ? 100m : 102m;
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddHours(i):yyyy-MM-ddTHH:mm:ssZ},101,103,99,{close},10\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Table_ShowsTheFirstAndLastTwentyOrders_AndTheCountLeftOut_WhileJsonListsEveryOrder()
    {
        using var dir = new TempDir();
        dir.File("ZZ.csv", ZigZag(300));
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "ZZ.csv", "--no-calendar"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);

        Assert.True(table.ExitCode == 0, table.All);
        Assert.True(json.ExitCode == 0, json.All);
        var orders = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("orders").GetArrayLength();
        Assert.True(orders > 100, $"{orders} orders");
        var lines = table.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(40, lines.Count(l => l.Contains("[sma-cross]", StringComparison.Ordinal)));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"orders: {orders:N0} (times UTC)"), lines);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"  ... {orders - 40:N0} more orders (every order is in the --json output) ..."), lines);
        Assert.Contains(lines, l => l.StartsWith("  2024-01-01 0", StringComparison.Ordinal)); // intraday orders show their time
    }
}
