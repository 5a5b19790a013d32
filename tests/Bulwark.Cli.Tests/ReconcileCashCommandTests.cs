using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bulwark.Cli.Tests;

/// <summary>
/// Money moved at the venue without an order (a deposit, here written into the paper venue's file): `reconcile` shows
/// it as a warning and stays in sync; the next `run` alerts it, keeps trading and keeps the engine's own cash.
/// </summary>
public sealed class ReconcileCashCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ADepositAtTheVenue_IsAWarning_NotAHalt()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", FastPaperConfig.Yaml);
        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "1s");
        Assert.True(first.ExitCode == 0, first.All);
        var venueFile = Path.Combine(dir.Path, "data", "crash-1", "paper-venue.db");
        var before = Deposit(venueFile, 1000m);

        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, "reconcile", "--config", config);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "reconcile", "--config", config, "--json");
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "1s");
        var alerts = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--config", config, "--type", "AlertRaised,TradingStateChanged", "--json");

        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains($"~ cash: engine {before}, venue {before + 1000m} (+1000 at the venue)", text.StdOut, StringComparison.Ordinal);
        var bot = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal((true, before, before + 1000m), (bot.GetProperty("inSync").GetBoolean(), bot.GetProperty("engineCash").GetDecimal(), bot.GetProperty("venueCash").GetDecimal()));
        Assert.True(second.ExitCode == 0, second.All);
        var events = alerts.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() == "TradingStateChanged"); // never halted
        Assert.Single(events, e => e.GetProperty("type").GetString() == "AlertRaised"
                                   && e.GetProperty("event").GetProperty("code").GetString() == "ReconciliationWarning");
    }

    /// <summary>Adds to the paper account's cash behind the engine's back; returns the cash before.</summary>
    private static decimal Deposit(string venueFile, decimal amount)
    {
        using var connection = new SqliteConnection($"Data Source={venueFile};Pooling=False");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT cash FROM account WHERE id = 1";
        var before = decimal.Parse((string)read.ExecuteScalar()!, System.Globalization.CultureInfo.InvariantCulture);
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE account SET cash = $c WHERE id = 1";
        write.Parameters.AddWithValue("$c", (before + amount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        write.ExecuteNonQuery();
        return before;
    }
}
