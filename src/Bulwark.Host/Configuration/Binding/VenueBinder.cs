using Bulwark.Host.Configuration.Tree;
using Bulwark.Venues.Paper;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds a bot's <c>venue</c> section.</summary>
internal static class VenueBinder
{
    /// <param name="financedSymbols">
    /// The symbols <c>financing.symbols</c> names, with where each is written: the bot's binder checks them against its
    /// instruments, which are bound after the venue (they take its currency).
    /// </param>
    public static VenueConfig Bind(MappingReader venue, out IReadOnlyList<(string Symbol, ConfigSource Source, string Path)> financedSymbols)
    {
        var defaults = new VenueConfig();
        var commissionReader = venue.Section("commission");
        var commission = BindCommission(commissionReader);
        commissionReader.Finish();
        var financingReader = venue.Section("financing");
        var financing = BindFinancing(financingReader, out financedSymbols);
        financingReader.Finish();

        return new VenueConfig
        {
            Type = TypeName.Read(venue, "type", defaults.Type, VenueConfig.SupportedTypes, "venue") ?? defaults.Type,
            Currency = venue.Value("currency", defaults.Currency, ValueKinds.Text, InstrumentBinder.CheckCurrency),
            InitialCash = venue.Value("initialCash", defaults.InitialCash, ValueKinds.Decimal, Rules.Positive),
            Commission = commission,
            SlippageBps = venue.Value("slippageBps", defaults.SlippageBps, ValueKinds.Decimal, Rules.NonNegative),
            ImpactPercent = venue.Value("impactPercent", defaults.ImpactPercent, ValueKinds.Decimal, Rules.Between(0m, 100m)),
            MaxVolumeParticipation = venue.Value("maxVolumeParticipation", defaults.MaxVolumeParticipation,
                ValueKinds.Decimal, Rules.PositiveAtMost(1m)),
            AllowShort = venue.Value("allowShort", defaults.AllowShort, ValueKinds.Bool),
            LimitFill = venue.Value("limitFill", defaults.LimitFill, ValueKinds.Enum<Venues.Paper.PaperLimitFill>()),
            Financing = financing,
            Dividends = BindDividends(venue),
            ApiKey = venue.Has("apiKey") ? venue.Value("apiKey", "", ValueKinds.Text) : null,
            ApiSecret = venue.Has("apiSecret") ? venue.Value("apiSecret", "", ValueKinds.Text) : null,
        };
    }

    private static FinancingConfig BindFinancing(MappingReader financing,
        out IReadOnlyList<(string Symbol, ConfigSource Source, string Path)> named)
    {
        var longPercent = financing.Value("longPercent", 0m, ValueKinds.Decimal, Rate);
        var shortPercent = financing.Value("shortPercent", 0m, ValueKinds.Decimal, Rate);
        var cashPercent = financing.Value("cashPercent", 0m, ValueKinds.Decimal, Rate);
        var cashFree = financing.Value("cashFreeBalance", 0m, ValueKinds.Decimal, Rules.NonNegative);
        var symbols = new Dictionary<string, FinancingRates>(StringComparer.Ordinal);
        var found = new List<(string, ConfigSource, string)>();
        named = found;
        switch (financing.Node("symbols"))
        {
            case null:
                break;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var path = KeyPath.Child(financing.PathOf("symbols"), entry.Key);
                    if (entry.Value is not ConfigMapping { Entries.Count: > 0 } rates)
                    {
                        // Said once, as what it is: no further error that the symbol is not traded.
                        financing.Context.Error(entry.Value.Source, path, entry.Value is ConfigMapping or ConfigScalar { IsNull: true }
                            ? "give its longPercent, its shortPercent or both"
                            : $"expected its rates as a section of keys ({{shortPercent: 35}}), got {entry.Value.Describe()}");
                        continue;
                    }
                    var reader = MappingReader.Open(financing.Context, rates, path, entry.KeySource);
                    // A side the symbol does not give is the venue's: a hard-to-borrow share names its short rate only.
                    symbols[entry.Key] = new FinancingRates(
                        reader.Value("longPercent", longPercent, ValueKinds.Decimal, Rate),
                        reader.Value("shortPercent", shortPercent, ValueKinds.Decimal, Rate));
                    reader.Finish();
                    found.Add((entry.Key, entry.KeySource, path));
                }
                break;
            case var other:
                financing.Context.Error(other.Source, financing.PathOf("symbols"),
                    $"expected a section of instruments' rates (GME: {{shortPercent: 35}}), got {other.Describe()}");
                break;
        }
        var config = new FinancingConfig { LongPercent = longPercent, ShortPercent = shortPercent, CashPercent = cashPercent, CashFreeBalance = cashFree };
        return symbols.Count == 0 ? config : config with { Symbols = symbols };
    }

    /// <summary>
    /// <c>dividends</c>: a CSV file of cash dividends (see <see cref="DividendCsv"/>; a relative path is taken against the
    /// configuration file's directory), read now so a bad row is a configuration error naming the file and line.
    /// </summary>
    private static DividendsConfig? BindDividends(MappingReader venue)
    {
        if (KeyFile.ReadLines(venue, "dividends", out var full) is not { } lines) return null;
        if (DividendCsv.Parse(lines, out var problem) is { } bySymbol) return new DividendsConfig(full, bySymbol);
        KeyFile.Error(venue, "dividends", problem!.Value.In(full));
        return null;
    }

    private static readonly Func<decimal, string?> Rate = Rules.Between(-FinancingRates.MaxPercent, FinancingRates.MaxPercent);

    private static CommissionConfig BindCommission(MappingReader commission) => new()
    {
        PerShare = commission.Value("perShare", 0m, ValueKinds.Decimal, Rules.NonNegative),
        PercentOfNotional = commission.Value("percentOfNotional", 0m, ValueKinds.Decimal, Rules.NonNegative),
        PerFill = commission.Value("perFill", 0m, ValueKinds.Decimal, Rules.NonNegative),
        MinimumPerFill = commission.Value("minimumPerFill", 0m, ValueKinds.Decimal, Rules.NonNegative),
        MaximumPercentOfNotional = commission.Has("maximumPercentOfNotional")
            ? commission.Value("maximumPercentOfNotional", 0m, ValueKinds.Decimal, Rules.PositiveAtMost(100m)) : null,
    };
}
