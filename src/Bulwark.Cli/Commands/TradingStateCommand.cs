using System.CommandLine;
using Bulwark.Core.Risk;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>`bulwark kill|reduce|resume [--reason TEXT]`: persisted; a running bot applies it within a second.</summary>
internal static class TradingStateCommand
{
    public static Command Create(string name, TradingState target, string description)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the journal)" };
        var command = new Command(name, description) { reason };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var why = parse.GetValue(reason) ?? $"operator {name}";
            foreach (var (_, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
                Console.Out.WriteLine(await TradingStateCommands.ApplyAsync(paths, target, why, ctx.Time, ct).ConfigureAwait(false));
            return ExitCodes.Ok;
        });
        return command;
    }
}
