using System.CommandLine;

namespace Bulwark.Cli;

internal static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "Path to bulwark.yaml (default: the embedded paper defaults)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Where journals and venue files live (default: dataDir from the config, ./.bulwark)",
        Recursive = true,
    };

    public static readonly Option<string?> Bot = new("--bot")
    {
        Description = "Only this bot (default: every bot in the configuration)",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output" };

    public static CliContext Context(ParseResult parse) =>
        CliContext.Load(parse.GetValue(Config), parse.GetValue(DataDir));
}
