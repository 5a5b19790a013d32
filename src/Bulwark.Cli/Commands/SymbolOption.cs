using System.CommandLine;
using Bulwark.Host.Running;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>--symbol S</c> (repeatable) of the operator's commands that act on one symbol: each must be an instrument of a
/// selected bot, and a bot is asked only for the symbols it trades.
/// </summary>
internal static class SymbolOption
{
    public static Option<string[]> Create(string description) => new("--symbol")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The selected bots, each with the asked symbols it trades and those it does not.</summary>
    /// <exception cref="UsageException">A symbol is an instrument of no selected bot.</exception>
    public static List<(BotPaths Paths, List<string> Symbols, List<string> Missing)> Resolve(CliContext ctx, string? bot, IReadOnlyList<string> symbols)
    {
        var bots = ctx.Bots(bot).ToList();
        foreach (var symbol in symbols)
            if (!bots.Any(b => b.Bot.Instruments.Any(i => i.Symbol == symbol)))
                throw new UsageException($"--symbol {symbol}: no such instrument in "
                    + string.Join("; ", bots.Select(b => $"bot '{b.Bot.Id}' (instruments: {string.Join(", ", b.Bot.Instruments.Select(i => i.Symbol))})")));
        return [.. bots.Select(b =>
        {
            var traded = b.Bot.Instruments.Select(i => i.Symbol).ToHashSet(StringComparer.Ordinal);
            return (b.Paths, symbols.Where(traded.Contains).Distinct(StringComparer.Ordinal).ToList(),
                symbols.Where(s => !traded.Contains(s)).Distinct(StringComparer.Ordinal).ToList());
        })];
    }
}
