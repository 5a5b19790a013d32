using System.CommandLine;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark flatten [--symbol S ...] [--reason TEXT]`: close every position and cancel every working order, then stay
/// reduce-only; with <c>--symbol</c>, only in those symbols, which stay reduce-only while the rest trades on.
/// </summary>
internal static class FlattenCommand
{
    public static Command Create()
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the journal)" };
        var symbols = SymbolOption.Create("Flatten only this symbol (repeatable): it turns reduce-only until `resume --symbol`, and the rest of the book trades on");
        var command = new Command("flatten", "Close every position at market and cancel every working order, then stay reduce-only until resume (persisted: a stopped bot does it when it next runs)") { reason, symbols };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var why = parse.GetValue(reason) ?? "operator flatten";
            var only = parse.GetValue(symbols) ?? [];
            if (only.Length == 0)
            {
                foreach (var (_, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
                    Console.Out.WriteLine(await FlattenCommands.ApplyAsync(paths, why, ctx.Time, ct).ConfigureAwait(false));
                return ExitCodes.Ok;
            }
            foreach (var (paths, traded, missing) in SymbolOption.Resolve(ctx, parse.GetValue(CommonOptions.Bot), only))
            {
                foreach (var symbol in traded)
                    Console.Out.WriteLine(await SymbolCommands.FlattenAsync(paths, symbol, why, ctx.Time, ct).ConfigureAwait(false));
                if (missing.Count > 0) Console.Out.WriteLine($"{paths.BotId}: does not trade {string.Join(", ", missing)}; skipped");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
