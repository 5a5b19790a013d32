using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bulwark.Storage;

/// <summary>Opens journal connections with the pragmas the journal relies on.</summary>
internal static class SqliteConnections
{
    private const int SqliteNotADatabase = 26;

    /// <summary>A read-write connection that creates the file if needed. Call <see cref="MakeDurable"/> before writing.</summary>
    public static SqliteConnection OpenWriter(string path, TimeSpan busyTimeout) =>
        Open(path, SqliteOpenMode.ReadWriteCreate, busyTimeout);

    /// <summary>A connection that can only read; the file must exist. Never migrates, never writes.</summary>
    public static SqliteConnection OpenReader(string path, TimeSpan busyTimeout) =>
        Open(path, SqliteOpenMode.ReadOnly, busyTimeout);

    /// <summary>
    /// WAL so readers in other processes never block the writer, and synchronous=FULL so a commit is on disk (the WAL
    /// is fsynced) before it returns: a power cut loses nothing that was acknowledged. With <paramref name="syncEveryCommit"/>
    /// false, synchronous=NORMAL: safe against a process crash, not against a power cut (research output only).
    /// </summary>
    public static void MakeDurable(SqliteConnection connection, string path, bool syncEveryCommit = true)
    {
        var mode = connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new IOException(
                $"Journal '{path}' could not be switched to WAL mode (SQLite reports journal_mode={mode}); " +
                "is it on a network or read-only file system?");
        }
        connection.Execute(syncEveryCommit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    }

    /// <summary>Runs <paramref name="action"/>, turning "file is not a database" into an error that names the file.</summary>
    public static T Translate<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new InvalidDataException($"'{path}' is not a SQLite database, so it cannot be a Bulwark journal.", ex);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode, TimeSpan busyTimeout)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false, // a closed journal really lets go of its file
            DefaultTimeout = (int)Math.Ceiling(Math.Max(busyTimeout.TotalSeconds, 1)),
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var ms = ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            connection.Execute($"PRAGMA busy_timeout={ms}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
