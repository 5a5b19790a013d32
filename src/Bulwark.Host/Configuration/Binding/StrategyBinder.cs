using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds one entry of a bot's <c>strategies</c>: names and parameters only, implementations are looked up later.</summary>
internal static class StrategyBinder
{
    /// <param name="instruments">The bot's instrument symbols, or null if they could not be read (then symbols are not checked).</param>
    public static StrategyConfig Bind(MappingReader strategy, IReadOnlySet<string>? instruments)
    {
        var name = strategy.Required("name", "", ValueKinds.Text, Rules.NotBlank);
        var source = strategy.Value("source", name, ValueKinds.Text, Rules.NotBlank);
        var symbols = strategy.List("symbols", ValueKinds.Text, Rules.NotBlank);
        strategy.RequireItems("symbols", "at least one symbol is required");

        if (instruments is not null && strategy.Node("symbols") is ConfigSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                if (sequence.Items[i] is ConfigScalar { IsNull: false, Value: { Length: > 0 } symbol }
                    && !instruments.Contains(symbol))
                {
                    strategy.Context.Error(sequence.Items[i].Source, KeyPath.Index(strategy.PathOf("symbols"), i),
                        $"symbol '{symbol}' is not among the bot's instruments ({Describe(instruments)})");
                }
            }
        }

        return new StrategyConfig
        {
            Name = name,
            Source = source,
            Symbols = symbols,
            Swing = strategy.Value("swing", false, ValueKinds.Bool),
            AllocationPercent = strategy.Has("allocationPercent")
                ? strategy.Value("allocationPercent", 100m, ValueKinds.Decimal, Rules.PositiveAtMost(100m)) : null,
            Params = strategy.Dictionary("params"),
        };
    }

    internal static string Describe(IReadOnlySet<string> instruments) =>
        instruments.Count == 0 ? "none" : string.Join(", ", instruments.Order(StringComparer.Ordinal));
}
