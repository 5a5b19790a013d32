using System.CommandLine;

namespace Bulwark.Cli;

/// <summary>--group NAME=SYMBOL[,SYMBOL...], a research run's groups of instruments for --max-group-exposure (a bot's come from instruments[].group).</summary>
internal static class GroupOption
{
    public static Option<string[]> Create() => new("--group")
    {
        Description = "A group of symbols that move together (a sector, a theme), repeatable, e.g. tech=AAPL,MSFT: what --max-group-exposure holds to its share of the account",
        HelpName = "NAME=SYMBOL[,SYMBOL]",
    };
}
