using Dapper;

namespace Bulwark.Storage;

public sealed partial class SqliteJournal
{
    /// <summary>
    /// Queues an operator command for the bot, stamped with the current time. Works while the bot holds the journal
    /// open in another process (SQLite serialises the two writers). Returns the command's id.
    /// </summary>
    public Task<long> EnqueueControlCommandAsync(string kind, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(kind)) throw new ArgumentException("The control command kind is empty.", nameof(kind));
        ArgumentNullException.ThrowIfNull(reason);
        var createdAt = SqliteText.FormatTime(_time.GetUtcNow());
        return WithWriteTransactionAsync(nameof(EnqueueControlCommandAsync), (connection, transaction) =>
            connection.ExecuteScalar<long>(
                "INSERT INTO control_commands (created_at, kind, reason) VALUES (@createdAt, @kind, @reason) RETURNING id",
                new { createdAt, kind, reason }, transaction),
            cancellationToken);
    }

    /// <summary>The commands not yet marked processed, oldest first.</summary>
    public async Task<IReadOnlyList<ControlCommand>> ReadPendingControlCommandsAsync(CancellationToken cancellationToken)
    {
        var rows = await WithConnectionAsync(connection => connection.Query<CommandRow>("""
            SELECT id AS Id, created_at AS CreatedAt, kind AS Kind, reason AS Reason
            FROM control_commands WHERE processed_at IS NULL ORDER BY id
            """).AsList(), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new ControlCommand(r.Id,
            SqliteText.ParseTime(r.CreatedAt, $"control_commands id {r.Id} created_at"), r.Kind, r.Reason))];
    }

    /// <summary>
    /// Marks a command processed, stamped with the current time. Marking an already processed command again changes
    /// nothing; an id that was never queued throws.
    /// </summary>
    public Task MarkControlCommandProcessedAsync(long id, CancellationToken cancellationToken)
    {
        var processedAt = SqliteText.FormatTime(_time.GetUtcNow());
        return WithWriteTransactionAsync(nameof(MarkControlCommandProcessedAsync), (connection, transaction) =>
        {
            var exists = connection.ExecuteScalar<long>(
                "SELECT count(*) FROM control_commands WHERE id = @id", new { id }, transaction) > 0;
            if (!exists) throw new ArgumentException($"There is no control command with id {id}.", nameof(id));
            return connection.Execute(
                "UPDATE control_commands SET processed_at = @processedAt WHERE id = @id AND processed_at IS NULL",
                new { id, processedAt }, transaction);
        }, cancellationToken);
    }

    private sealed class CommandRow
    {
        public long Id { get; init; }
        public string CreatedAt { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Reason { get; init; } = "";
    }
}
