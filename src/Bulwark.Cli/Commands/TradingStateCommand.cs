using System.CommandLine;
using Bulwark.Core.Risk;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark kill|reduce|resume [--reason TEXT]`: persisted; a running bot applies it within a second. reduce and resume
/// take <c>--symbol S</c> (repeatable) to act on those symbols alone; kill and reduce take <c>--cancel-entries</c> to pull
/// the working orders that would add as well.
/// </summary>
internal static class TradingStateCommand
{
    public static Command Create(string name, TradingState target, string description)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the journal)" };
        var symbols = SymbolOption.Create(target switch
        {
            TradingState.Reducing => "Make only this symbol reduce-only (repeatable); the rest of the book trades on",
            TradingState.Active => "Lift this symbol's reduce-only (repeatable), ending its flatten if one is under way; the bot's own state is left as it is",
            _ => "Not for kill, which stops the whole bot: `reduce --symbol S` stops new exposure in one symbol, `flatten --symbol S` closes it",
        });
        symbols.Hidden = target == TradingState.Halted;
        var cancelEntries = new Option<bool>("--cancel-entries")
        {
            Description = "Also cancel every working order that would add to a position (entries not yet filled, a grid's resting levels on the adding side); exits and protective stops keep working",
            Hidden = target == TradingState.Active,
        };
        var command = new Command(name, description) { reason, symbols, cancelEntries };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var why = parse.GetValue(reason) ?? $"operator {name}";
            var only = parse.GetValue(symbols) ?? [];
            if (target == TradingState.Halted && only.Length > 0)
                throw new UsageException($"kill --symbol {only[0]}: kill stops the whole bot; `reduce --symbol {only[0]}` stops new exposure in one symbol and `flatten --symbol {only[0]}` closes it");
            var cancel = parse.GetValue(cancelEntries);
            if (cancel && target == TradingState.Active)
                throw new UsageException("resume --cancel-entries: resume lets entries go out again; `reduce --cancel-entries` or `kill --cancel-entries` pulls the working ones");
            if (cancel && only.Length > 0)
                throw new UsageException($"{name} --symbol {only[0]} --cancel-entries: --cancel-entries is the whole bot's; `flatten --symbol {only[0]}` cancels that symbol's orders and closes it");
            if (only.Length == 0)
            {
                foreach (var (_, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
                    Console.Out.WriteLine(await TradingStateCommands.ApplyAsync(paths, target, why, ctx.Time, ct, cancel).ConfigureAwait(false));
                return ExitCodes.Ok;
            }
            foreach (var (paths, traded, missing) in SymbolOption.Resolve(ctx, parse.GetValue(CommonOptions.Bot), only))
            {
                foreach (var symbol in traded)
                    Console.Out.WriteLine(await SymbolCommands.SetReduceOnlyAsync(paths, symbol, target == TradingState.Reducing, why, ctx.Time, ct).ConfigureAwait(false));
                if (missing.Count > 0) Console.Out.WriteLine($"{paths.BotId}: does not trade {string.Join(", ", missing)}; skipped");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
