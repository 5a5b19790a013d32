using Bulwark.Host.Configuration;
using Bulwark.Host.Running;

namespace Bulwark.Cli;

/// <summary>What every command needs: the validated configuration, the data directory, the clock.</summary>
internal sealed class CliContext
{
    private CliContext(BulwarkConfig config, string dataDir)
    {
        Config = config;
        DataDir = dataDir;
    }

    public BulwarkConfig Config { get; }
    public string DataDir { get; }
    public TimeProvider Time { get; } = TimeProvider.System;

    /// <exception cref="UsageException">The configuration is invalid: every problem is listed.</exception>
    public static CliContext Load(string? configPath, string? dataDir)
    {
        var result = ConfigLoader.Load(configPath, ConfigLoader.ReadProcessEnvironment());
        if (!result.Succeeded)
            throw new UsageException("invalid configuration:\n" + string.Join('\n', ConfigErrorFormatter.FormatAll(result.Errors)));
        return new CliContext(result.Config, dataDir ?? result.Config.DataDir);
    }

    public IEnumerable<(BotConfig Bot, int Index, BotPaths Paths)> Bots(string? only)
    {
        if (only is not null && Config.Bots.All(b => b.Id != only))
            throw new UsageException($"no bot '{only}' in the configuration; bots: {string.Join(", ", Config.Bots.Select(b => b.Id))}");
        for (var i = 0; i < Config.Bots.Count; i++)
        {
            var bot = Config.Bots[i];
            if (only is null || bot.Id == only) yield return (bot, i, new BotPaths(DataDir, bot.Id));
        }
    }
}
