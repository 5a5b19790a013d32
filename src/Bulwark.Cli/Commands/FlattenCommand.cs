using System.CommandLine;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark flatten [--reason TEXT]`: close every position and cancel every working order, then stay reduce-only.</summary>
internal static class FlattenCommand
{
    public static Command Create()
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the journal)" };
        var command = new Command("flatten", "Close every position at market and cancel every working order, then stay reduce-only until resume (persisted: a stopped bot does it when it next runs)") { reason };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var why = parse.GetValue(reason) ?? "operator flatten";
            foreach (var (_, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
                Console.Out.WriteLine(await FlattenCommands.ApplyAsync(paths, why, ctx.Time, ct).ConfigureAwait(false));
            return ExitCodes.Ok;
        });
        return command;
    }
}
