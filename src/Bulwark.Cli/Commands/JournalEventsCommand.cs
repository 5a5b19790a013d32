using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Storage;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark journal events`: a bot's journal as it was written, one event a line, to see what the bot did and why: every
/// event of one order (--correlation ID: its ClientOrderId), of some types (--type), after a sequence (--after) or the
/// last N (--last). Reads a copy-consistent snapshot of the file, so it is safe while the bot runs; --file reads any
/// journal, such as one `backtest --journal` wrote. --json writes one JSON object a line (sequence, type, event).
/// </summary>
internal static class JournalEventsCommand
{
    /// <summary>The event type names as the journal stores them.</summary>
    internal static IReadOnlyList<string> TypeNames { get; } = [.. typeof(BotEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(a => (string)a.TypeDiscriminator!).Order(StringComparer.Ordinal)];

    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "Read this journal file instead of the configured bot's (e.g. one `backtest --journal` wrote)", HelpName = "FILE" };
        var after = new Option<long>("--after") { Description = "Only events after this sequence number", HelpName = "SEQ" };
        var last = new Option<int>("--last") { Description = "Only the last N of the events that match (0: all)", HelpName = "N" };
        var type = new Option<string[]>("--type") { Description = "Only events of this type, repeatable (e.g. OrderFilled, TradingStateChanged)", HelpName = "TYPE" };
        var correlation = new Option<string?>("--correlation")
        {
            Description = "Only the events of one order (its ClientOrderId, from its OrderInitialized on) or of one signal (its id, with the orders it made)",
            HelpName = "ID",
        };
        var json = CommonOptions.Json();
        var command = new Command("events", "Print a journal's events, one a line: sequence, time, type, correlation id and the event's fields")
        {
            file, after, last, type, correlation, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var from = parse.GetValue(after);
            if (from < 0) throw new UsageException($"--after must be >= 0 (was {from})");
            var keep = parse.GetValue(last);
            if (keep < 0) throw new UsageException($"--last must be >= 0 (was {keep})");
            var types = Types(parse.GetValue(type) ?? []);
            var path = parse.GetValue(file) is { } given ? Existing(given) : BotJournal(parse);
            var filter = new EventFilter(types, parse.GetValue(correlation));

            await using var journal = await OpenAsync(path, ct).ConfigureAwait(false);
            if (journal is null)
            {
                await Console.Error.WriteLineAsync($"bulwark: '{path}' has no events: its creation was cut off before its first event (the bot's next start finishes it)").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var tail = keep > 0 ? new Queue<JournaledEvent>(keep) : null;
            await foreach (var e in journal.ReadAsync(from, ct).ConfigureAwait(false))
            {
                if (!filter.Matches(e.Event)) continue;
                if (tail is null)
                {
                    Write(e, parse.GetValue(json));
                    continue;
                }
                if (tail.Count == keep) tail.Dequeue();
                tail.Enqueue(e);
            }
            foreach (var e in tail ?? []) Write(e, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// An order's events carry its ClientOrderId as correlation id, except the first: <see cref="OrderInitialized"/> carries
    /// the signal's (or placement request's) id, tying the order to what asked for it. Asked for an order, its
    /// OrderInitialized is included too; asked for a signal, the orders it made are named by theirs.
    /// </summary>
    private sealed record EventFilter(HashSet<string>? Types, string? Correlation)
    {
        public bool Matches(BotEvent e) =>
            (Types is null || Types.Contains(EventCodec.TypeName(e)))
            && (Correlation is null || string.Equals(e.CorrelationId, Correlation, StringComparison.Ordinal)
                || (e is OrderInitialized o && string.Equals(o.ClientOrderId, Correlation, StringComparison.Ordinal)));
    }

    /// <summary>Printed for people and programs, never embedded in a page: '+' in a time offset stays as written.</summary>
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="UsageException">A name is not an event type; the known ones are listed.</exception>
    private static HashSet<string>? Types(string[] given)
    {
        if (given.Length == 0) return null;
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in given.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var known = TypeNames.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"--type: unknown event type '{name}'; known: {string.Join(", ", TypeNames)}");
            types.Add(known);
        }
        return types;
    }

    /// <returns>The journal; null when its creation was cut off before its first event, so there is nothing to read.</returns>
    /// <exception cref="UsageException">The file is not a journal (not SQLite, or not Bulwark's schema); the message says which.</exception>
    private static async Task<SqliteJournal?> OpenAsync(string path, CancellationToken ct)
    {
        try
        {
            return await SqliteJournal.OpenReadOnlyIfStartedAsync(path, TimeProvider.System, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or JournalSchemaException)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new UsageException($"--file: no such file '{path}'");

    /// <summary>The journal of the one bot asked for (or the only one configured).</summary>
    private static string BotJournal(ParseResult parse)
    {
        var bots = CommonOptions.Context(parse).Bots(parse.GetValue(CommonOptions.Bot)).ToList();
        if (bots.Count > 1)
            throw new UsageException($"several bots are configured ({string.Join(", ", bots.Select(b => b.Bot.Id))}); give --bot ID");
        var paths = bots[0].Paths;
        return File.Exists(paths.Journal) ? paths.Journal
            : throw new UsageException($"bot '{paths.BotId}' has no journal at {paths.Journal} (it has never run with this --data-dir)");
    }

    /// <summary>The stored event with its sequence: a JSON object a line, or "seq time type correlation {fields}".</summary>
    private static void Write(JournaledEvent e, bool json)
    {
        var node = JsonNode.Parse(EventCodec.Encode(e.Event))!.AsObject();
        var type = EventCodec.TypeName(e.Event);
        if (json)
        {
            node.Remove("$type");
            Console.Out.WriteLine(new JsonObject { ["sequence"] = e.Sequence, ["type"] = type, ["event"] = node }.ToJsonString(Output));
            return;
        }
        foreach (var key in new[] { "$type", "time", "correlationId" }) node.Remove(key);
        var time = e.Event.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var correlation = e.Event.CorrelationId.Length > 0 ? e.Event.CorrelationId : "-";
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Sequence,8} {time} {type,-24} {correlation} {node.ToJsonString(Output)}"));
    }
}
