namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds a bot's <c>venue</c> section.</summary>
internal static class VenueBinder
{
    public static VenueConfig Bind(MappingReader venue)
    {
        var defaults = new VenueConfig();
        var commissionReader = venue.Section("commission");
        var commission = BindCommission(commissionReader);
        commissionReader.Finish();
        var financingReader = venue.Section("financing");
        var financing = new FinancingConfig
        {
            LongPercent = financingReader.Value("longPercent", 0m, ValueKinds.Decimal, Rules.Between(-100m, 100m)),
            ShortPercent = financingReader.Value("shortPercent", 0m, ValueKinds.Decimal, Rules.Between(-100m, 100m)),
        };
        financingReader.Finish();

        return new VenueConfig
        {
            Type = TypeName.Read(venue, "type", defaults.Type, VenueConfig.SupportedTypes, "venue") ?? defaults.Type,
            Currency = venue.Value("currency", defaults.Currency, ValueKinds.Text, InstrumentBinder.CheckCurrency),
            InitialCash = venue.Value("initialCash", defaults.InitialCash, ValueKinds.Decimal, Rules.Positive),
            Commission = commission,
            SlippageBps = venue.Value("slippageBps", defaults.SlippageBps, ValueKinds.Decimal, Rules.NonNegative),
            MaxVolumeParticipation = venue.Value("maxVolumeParticipation", defaults.MaxVolumeParticipation,
                ValueKinds.Decimal, Rules.PositiveAtMost(1m)),
            AllowShort = venue.Value("allowShort", defaults.AllowShort, ValueKinds.Bool),
            LimitFill = venue.Value("limitFill", defaults.LimitFill, ValueKinds.Enum<Venues.Paper.PaperLimitFill>()),
            Financing = financing,
            ApiKey = venue.Has("apiKey") ? venue.Value("apiKey", "", ValueKinds.Text) : null,
            ApiSecret = venue.Has("apiSecret") ? venue.Value("apiSecret", "", ValueKinds.Text) : null,
        };
    }

    private static CommissionConfig BindCommission(MappingReader commission) => new()
    {
        PerShare = commission.Value("perShare", 0m, ValueKinds.Decimal, Rules.NonNegative),
        PercentOfNotional = commission.Value("percentOfNotional", 0m, ValueKinds.Decimal, Rules.NonNegative),
        PerFill = commission.Value("perFill", 0m, ValueKinds.Decimal, Rules.NonNegative),
        MinimumPerFill = commission.Value("minimumPerFill", 0m, ValueKinds.Decimal, Rules.NonNegative),
    };
}
