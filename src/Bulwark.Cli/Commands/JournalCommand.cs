using System.CommandLine;
using Bulwark.Storage;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark journal verify [--file FILE]`: checks every record of every bot's journal (or of one file) and names the first bad one. `bulwark journal
/// events`: prints a journal's events (see <see cref="JournalEventsCommand"/>).
/// </summary>
internal static class JournalCommand
{
    public static Command Create()
    {
        var command = new Command("journal", "Inspect bot journals");
        var verify = new Command("verify", "Check every journal record: sequence, checksum, format version, payload");
        var file = new Option<string?>("--file") { Description = "Verify this journal file instead of the configured bots' (e.g. one `backtest --journal` wrote)", HelpName = "FILE" };
        verify.Options.Add(file);
        verify.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(file) is { } given)
            {
                if (!File.Exists(given)) throw new UsageException($"--file: no such file '{given}'");
                var checkedFile = await VerifyFileAsync(given, ct).ConfigureAwait(false);
                Console.Out.WriteLine(checkedFile.Ok
                    ? $"{given}: ok, {checkedFile.RecordsChecked} records{UnfinishedNote(checkedFile)}"
                    : $"{given}: CORRUPT at sequence {checkedFile.FirstBadSequence}: {checkedFile.Reason} ({checkedFile.RecordsChecked} records checked)");
                return checkedFile.Ok ? ExitCodes.Ok : ExitCodes.Failure;
            }
            var ctx = CommonOptions.Context(parse);
            var ok = true;
            foreach (var (_, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
            {
                if (!File.Exists(paths.Journal))
                {
                    Console.Out.WriteLine($"{paths.BotId}: no journal at {paths.Journal}");
                    continue;
                }
                var result = await JournalVerifier.VerifyAsync(paths.Journal, ct).ConfigureAwait(false);
                ok &= result.Ok;
                Console.Out.WriteLine(result.Ok
                    ? $"{paths.BotId}: ok, {result.RecordsChecked} records{UnfinishedNote(result)}"
                    : $"{paths.BotId}: CORRUPT at sequence {result.FirstBadSequence}: {result.Reason} ({result.RecordsChecked} records checked, {paths.Journal})");
            }
            return ok ? ExitCodes.Ok : ExitCodes.Failure;
        });
        command.Subcommands.Add(verify);
        command.Subcommands.Add(JournalEventsCommand.Create());
        return command;
    }

    /// <summary>What a verified journal cut off at its creation is: said, since its schema is not finished yet.</summary>
    private static string UnfinishedNote(JournalVerifyResult result) => result.Unfinished
        ? " (its creation was cut off before its first event; the bot's next start finishes it)"
        : "";

    /// <exception cref="UsageException">The file is not a journal (not SQLite, or not Bulwark's schema); the message says which.</exception>
    private static async Task<JournalVerifyResult> VerifyFileAsync(string path, CancellationToken ct)
    {
        try
        {
            return await JournalVerifier.VerifyAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or JournalSchemaException)
        {
            throw new UsageException($"--file '{path}': {ex.Message}");
        }
    }
}
