using Bulwark.Core.Strategies;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Running;

/// <summary>Builds a bot's strategies from its configuration through the strategy catalog; problems carry config key paths.</summary>
public static class StrategyFactory
{
    public static (IReadOnlyList<IStrategy> Strategies, IReadOnlyList<ConfigError> Errors) Build(BotConfig bot, int botIndex)
    {
        var strategies = new List<IStrategy>();
        var errors = new List<ConfigError>();
        for (var i = 0; i < bot.Strategies.Count; i++)
        {
            var s = bot.Strategies[i];
            var built = StrategyCatalog.Build(s.Name, s.Source, s.Symbols, s.Params);
            if (built.Ok) strategies.Add(built.Strategy);
            else errors.AddRange(built.Problems.Select(p => new ConfigError($"bots[{botIndex}].strategies[{i}].{p.Key}", p.Message, null, null)));
        }
        return (strategies, errors);
    }
}
