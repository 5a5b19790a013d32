using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds the top level of <c>bulwark.yaml</c>.</summary>
internal static class RootBinder
{
    public static BulwarkConfig Bind(BindContext context, ConfigMapping root)
    {
        var reader = MappingReader.Open(context, root, "", root.Source);
        var defaults = new BulwarkConfig();
        var dataDir = reader.Value("dataDir", defaults.DataDir, ValueKinds.Text, Rules.NotBlank);
        var snapshotEvery = reader.Value("snapshotEveryEvents", defaults.SnapshotEveryEvents, ValueKinds.Int, Rules.Positive);

        var firstLineOfId = new Dictionary<string, ConfigSource>(StringComparer.Ordinal);
        var bots = reader.Sections("bots", bot =>
        {
            var config = BotBinder.Bind(bot);
            if (config.Id.Length > 0 && !firstLineOfId.TryAdd(config.Id, bot.SourceOf("id")))
            {
                var first = firstLineOfId[config.Id].Line is { } line ? $" (first at line {line})" : "";
                context.Error(bot.SourceOf("id"), bot.PathOf("id"), $"duplicate bot id '{config.Id}'{first}");
            }

            return config;
        });
        reader.RequireItems("bots", "at least one bot is required");
        var calendars = CalendarBinder.Bind(reader);

        reader.Finish();
        return new BulwarkConfig
        {
            DataDir = context.ResolvePath(dataDir),
            SnapshotEveryEvents = snapshotEvery,
            Bots = bots,
            Calendars = calendars,
        };
    }
}
