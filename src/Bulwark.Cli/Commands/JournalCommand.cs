using System.CommandLine;
using Bulwark.Storage;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark journal verify`: checks every record of every bot's journal and names the first bad one. `bulwark journal
/// events`: prints a journal's events (see <see cref="JournalEventsCommand"/>).
/// </summary>
internal static class JournalCommand
{
    public static Command Create()
    {
        var command = new Command("journal", "Inspect bot journals");
        var verify = new Command("verify", "Check every journal record: sequence, checksum, format version, payload");
        verify.SetAction(async (parse, ct) =>
        {
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
                    ? $"{paths.BotId}: ok, {result.RecordsChecked} records"
                    : $"{paths.BotId}: CORRUPT at sequence {result.FirstBadSequence}: {result.Reason} ({result.RecordsChecked} records checked, {paths.Journal})");
            }
            return ok ? ExitCodes.Ok : ExitCodes.Failure;
        });
        command.Subcommands.Add(verify);
        command.Subcommands.Add(JournalEventsCommand.Create());
        return command;
    }
}
