using Microsoft.Data.Sqlite;

namespace Bulwark.Cli.Tests.Support;

/// <summary>Damages a journal the way a bad disk would: one byte of one stored payload.</summary>
public static class JournalTamper
{
    public static void FlipPayloadByte(string journalPath, long sequence)
    {
        using var connection = new SqliteConnection($"Data Source={journalPath};Pooling=False");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT payload FROM events WHERE sequence = $s";
        read.Parameters.AddWithValue("$s", sequence);
        var payload = (byte[])(read.ExecuteScalar() ?? throw new InvalidOperationException($"no event {sequence}"));
        payload[payload.Length / 2] ^= 0x20;
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE events SET payload = $p WHERE sequence = $s";
        write.Parameters.AddWithValue("$p", payload);
        write.Parameters.AddWithValue("$s", sequence);
        write.ExecuteNonQuery();
    }

    public static void DeleteSnapshots(string journalPath)
    {
        using var connection = new SqliteConnection($"Data Source={journalPath};Pooling=False");
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM pipeline_snapshots";
        delete.ExecuteNonQuery();
    }
}
