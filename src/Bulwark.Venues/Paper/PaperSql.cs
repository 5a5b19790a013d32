using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Small helpers to run parameterized SQL inside a transaction. Synchronous: Microsoft.Data.Sqlite runs every command
/// synchronously (its async methods complete before they return), so the paper account's rules run as plain calls
/// and the venue's public methods stay asynchronous around them (waiting for the account's gate, and for the caller).
/// </summary>
internal static class PaperSql
{
    public static SqliteCommand Command(SqliteTransaction transaction, string sql,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static int Execute(SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and maps every row with <paramref name="map"/>, in the query's order.</summary>
    public static List<T> Query<T>(SqliteTransaction transaction, string sql, Func<SqliteDataReader, T> map,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
