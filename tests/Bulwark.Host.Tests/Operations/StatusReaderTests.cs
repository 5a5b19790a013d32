using Bulwark.Host.Operations;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Tests.Operations;

/// <summary>A bot killed while it created its journal reads as never started, not as a broken journal.</summary>
public sealed class StatusReaderTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("bulwark-status-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task AJournalCutOffAtCreation_ReadsAsNeverStarted_AndAnotherDatabaseIsStillRefused()
    {
        var paths = new BotPaths(_dataDir, "bot-1");
        Directory.CreateDirectory(paths.Directory);
        await File.WriteAllBytesAsync(paths.Journal, []);

        var status = await StatusReader.ReadAsync(paths, TimeProvider.System, CancellationToken.None);

        Assert.Equal(("never started", 0L), (status.TradingStateReason, status.LastSequence));
        Assert.Equal(0, new FileInfo(paths.Journal).Length); // read, not finished: only a writer migrates

        File.Delete(paths.Journal);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={paths.Journal};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (x INTEGER)";
            command.ExecuteNonQuery();
        }
        var ex = await Assert.ThrowsAsync<JournalSchemaException>(() => StatusReader.ReadAsync(paths, TimeProvider.System, CancellationToken.None));
        Assert.Contains("not a Bulwark journal", ex.Message, StringComparison.Ordinal);
    }
}
