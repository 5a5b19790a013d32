using System.Globalization;
using Bulwark.Core.Strategies;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Running;

/// <summary>Builds strategies by name from their configuration; names and parameters are checked here.</summary>
public static class StrategyFactory
{
    public static IReadOnlyList<string> KnownNames { get; } = ["sma-cross"];

    /// <summary>Builds every strategy of the bot, or returns the problems with their config key paths.</summary>
    public static (IReadOnlyList<IStrategy> Strategies, IReadOnlyList<ConfigError> Errors) Build(BotConfig bot, int botIndex)
    {
        var strategies = new List<IStrategy>();
        var errors = new List<ConfigError>();
        for (var i = 0; i < bot.Strategies.Count; i++)
        {
            var s = bot.Strategies[i];
            var key = $"bots[{botIndex}].strategies[{i}]";
            switch (s.Name)
            {
                case "sma-cross":
                    var period = IntParam(s, "period", 10, key, errors);
                    if (period is { } p) strategies.Add(new SmaCrossStrategy(s.Source, s.Symbols, p));
                    break;
                default:
                    errors.Add(new ConfigError($"{key}.name",
                        $"unknown strategy '{s.Name}'; known: {string.Join(", ", KnownNames)}", null, null));
                    break;
            }
        }
        return (strategies, errors);
    }

    private static int? IntParam(StrategyConfig s, string name, int fallback, string key, List<ConfigError> errors)
    {
        if (!s.Params.TryGetValue(name, out var text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
        errors.Add(new ConfigError($"{key}.params.{name}", $"expected a whole number >= 1, got '{text}'", null, null));
        return null;
    }
}
