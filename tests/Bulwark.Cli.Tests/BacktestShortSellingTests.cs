using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--no-short: a cash account's backtest, whose venue refuses sells beyond the position and says so per order.</summary>
public sealed class BacktestShortSellingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NoShort_RejectsTheShortEntriesOfEmaCloud_AndTheJsonSaysWhy()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "ema-cloud", "--param", "allowShort=true", "--data", data, "--no-calendar", "--json"];

        var margin = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var cash = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--no-short"]);

        Assert.True(margin.ExitCode == 0, margin.All);
        Assert.True(cash.ExitCode == 0, cash.All);
        var marginRoot = JsonDocument.Parse(margin.StdOut).RootElement;
        var cashRoot = JsonDocument.Parse(cash.StdOut).RootElement;
        Assert.True(marginRoot.GetProperty("allowShort").GetBoolean());
        Assert.False(cashRoot.GetProperty("allowShort").GetBoolean());
        Assert.All(marginRoot.GetProperty("orders").EnumerateArray(), o => Assert.Equal(JsonValueKind.Null, o.GetProperty("rejected").ValueKind));
        var rejected = cashRoot.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("rejected").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, o =>
        {
            Assert.Equal("sell", o.GetProperty("side").GetString());
            Assert.Equal(JsonValueKind.Null, o.GetProperty("filledAt").ValueKind);
            Assert.StartsWith("Short selling is off", o.GetProperty("rejected").GetString(), StringComparison.Ordinal);
        });
        // No filled sell ever took the position below zero.
        var position = 0m;
        foreach (var o in cashRoot.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null))
        {
            position += o.GetProperty("side").GetString() == "buy" ? o.GetProperty("quantity").GetDecimal() : -o.GetProperty("quantity").GetDecimal();
            Assert.True(position >= 0m, $"position {position}");
        }
        // Said before the run, and counted per source.
        Assert.Contains("bulwark: ema-cloud allowShort=true on a cash account (--no-short): the venue rejects its sells beyond the position held; give --param allowShort=false",
            cash.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("allowShort=true on a cash account", margin.StdErr, StringComparison.Ordinal);
        Assert.Equal(rejected.Count, cashRoot.GetProperty("sources")[0].GetProperty("ordersRejected").GetInt32());
    }
}
