using Bulwark.Core.Strategies;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Running;

/// <summary>Builds a bot's strategies from its configuration through the strategy catalog; problems carry config key paths.</summary>
public static class StrategyFactory
{
    /// <returns>
    /// The strategies; for each configured strategy (in order), every parameter it runs with, defaults included (see
    /// <see cref="StrategyBuildResult.Parameters"/>); and every problem.
    /// </returns>
    public static (IReadOnlyList<IStrategy> Strategies, IReadOnlyList<IReadOnlyDictionary<string, string>> Parameters,
        IReadOnlyList<ConfigError> Errors) Build(BotConfig bot, int botIndex)
    {
        var strategies = new List<IStrategy>();
        var parameters = new List<IReadOnlyDictionary<string, string>>();
        var errors = new List<ConfigError>();
        for (var i = 0; i < bot.Strategies.Count; i++)
        {
            var s = bot.Strategies[i];
            var built = StrategyCatalog.Build(s.Name, s.Source, s.Symbols, s.Params);
            parameters.Add(built.Parameters);
            if (built.Ok) strategies.Add(built.Strategy);
            else errors.AddRange(built.Problems.Select(p => new ConfigError($"bots[{botIndex}].strategies[{i}].{p.Key}", p.Message, null, null)));
        }
        return (strategies, parameters, errors);
    }
}
