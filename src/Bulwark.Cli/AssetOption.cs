using System.CommandLine;

namespace Bulwark.Cli;

/// <summary>--asset SYMBOL=CLASS, a research run's asset class per symbol (default equity): crypto trades in fractions of a
/// coin on its own 24/7 calendar, fx (a currency pair) on the FX calendar.</summary>
internal static class AssetOption
{
    /// <param name="several">What the command does with several classes, said in the option's help.</param>
    public static Option<string[]> Create(string several) => new("--asset")
    {
        Description = $"A symbol's asset class, repeatable: equity (the default), crypto (fractions of a coin, 24/7), fx (a currency pair, on the FX calendar), bond or option. {several}",
        HelpName = "SYMBOL=CLASS",
    };
}
