using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds a bot's <c>feed</c> section and checks that every symbol it produces has an instrument.</summary>
internal static class FeedBinder
{
    /// <param name="instruments">The bot's instrument symbols, or null if they could not be read (then symbols are not checked).</param>
    public static FeedConfig Bind(MappingReader feed, IReadOnlySet<string>? instruments)
    {
        var defaults = new FeedConfig();
        var type = TypeName.Read(feed, "type", defaults.Type, FeedConfig.SupportedTypes, "feed");

        var symbolRefs = new List<SymbolRef>();
        var symbols = feed.Sections("symbols", reader =>
        {
            var symbol = reader.Required("symbol", "", ValueKinds.Text, Rules.NotBlank);
            symbolRefs.Add(new SymbolRef(symbol, reader.SourceOf("symbol"), reader.PathOf("symbol")));
            return new SyntheticSymbolConfig
            {
                Symbol = symbol,
                StartPrice = reader.Value("startPrice", new SyntheticSymbolConfig().StartPrice, ValueKinds.Decimal, Rules.Positive),
            };
        });

        var fileRefs = new List<SymbolRef>();
        var files = feed.Sections("files", reader =>
        {
            var symbol = reader.Required("symbol", "", ValueKinds.Text, Rules.NotBlank);
            fileRefs.Add(new SymbolRef(symbol, reader.SourceOf("symbol"), reader.PathOf("symbol")));
            return new CsvFileConfig { Path = ReadExistingFile(reader, type == FeedConfig.Csv), Symbol = symbol };
        });

        var config = new FeedConfig
        {
            Type = type ?? defaults.Type,
            Seed = feed.Value("seed", defaults.Seed, ValueKinds.Int),
            Interval = feed.Value("interval", defaults.Interval, ValueKinds.Duration, Rules.PositiveDuration),
            BarsPerSecond = feed.Value("barsPerSecond", defaults.BarsPerSecond, ValueKinds.Decimal, Rules.NonNegative),
            Symbols = symbols,
            Files = files,
            TimeZone = feed.Has("timeZone") ? feed.Value("timeZone", "", ValueKinds.Text, Rules.KnownTimeZone).Trim() : null,
            Adjusted = feed.Value("adjusted", defaults.Adjusted, ValueKinds.Bool),
        };

        switch (type)
        {
            case FeedConfig.Synthetic:
                RequireOnly(feed, "symbols", "files", files.Count, "synthetic");
                foreach (var csvOnly in new[] { "timeZone", "adjusted" }.Where(feed.Has))
                    feed.Context.Error(feed.SourceOf(csvOnly), feed.PathOf(csvOnly), "does not apply to a synthetic feed (it is for csv files)");
                CheckSymbols(feed, symbolRefs, instruments);
                break;
            case FeedConfig.Csv:
                RequireOnly(feed, "files", "symbols", symbols.Count, "csv");
                CheckSymbols(feed, fileRefs, instruments);
                break;
        }

        return config;

        static void CheckSymbols(MappingReader feed, List<SymbolRef> refs, IReadOnlySet<string>? instruments)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (symbol, source, path) in refs.Where(r => r.Symbol.Length > 0))
            {
                if (!seen.Add(symbol))
                    feed.Context.Error(source, path, $"symbol '{symbol}' appears twice in the feed");
                else if (instruments is not null && !instruments.Contains(symbol))
                    feed.Context.Error(source, path,
                        $"symbol '{symbol}' has no instrument; add it to the bot's instruments ({StrategyBinder.Describe(instruments)})");
            }
        }

        static void RequireOnly(MappingReader reader, string needed, string other, int otherCount, string typeName)
        {
            reader.RequireItems(needed, $"a {typeName} feed needs at least one entry");
            if (otherCount > 0)
                reader.Context.Error(reader.SourceOf(other), reader.PathOf(other), $"does not apply to a {typeName} feed");
        }
    }

    /// <summary>The full path of <c>path</c>; checked to exist only when the feed will read it.</summary>
    private static string ReadExistingFile(MappingReader reader, bool mustExist)
    {
        var path = reader.Required("path", "", ValueKinds.Text, Rules.NotBlank);
        if (path.Length == 0)
            return "";
        var full = reader.Context.ResolvePath(path);
        if (mustExist && !File.Exists(full))
            reader.Context.Error(reader.SourceOf("path"), reader.PathOf("path"), $"file not found: {full}");
        return full;
    }

    private readonly record struct SymbolRef(string Symbol, ConfigSource Source, string Path);
}
