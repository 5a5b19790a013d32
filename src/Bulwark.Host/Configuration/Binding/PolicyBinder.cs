using Bulwark.Core.Calendar;
using Bulwark.Core.Execution;
using Bulwark.Core.MarketData;
using Bulwark.Core.Risk;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds a bot's <c>sizing</c>, <c>risk</c>, <c>fillValidation</c> and <c>router</c> sections; absent keys keep Core's defaults.</summary>
internal static class PolicyBinder
{
    public static SizingOptions Sizing(MappingReader sizing)
    {
        var d = new SizingOptions();
        var options = new SizingOptions
        {
            Mode = sizing.Value("mode", d.Mode, ValueKinds.Enum<SizingMode>()),
            Quantity = sizing.Value("quantity", d.Quantity, ValueKinds.Decimal, Rules.Positive),
            Notional = sizing.Value("notional", d.Notional, ValueKinds.Decimal, Rules.Positive),
            PercentOfEquity = sizing.Value("percentOfEquity", d.PercentOfEquity, ValueKinds.Decimal, Rules.PositiveAtMost(100m)),
            RiskPercent = sizing.Value("riskPercent", d.RiskPercent, ValueKinds.Decimal, Rules.PositiveAtMost(100m)),
            VolatilityPercent = sizing.Value("volatilityPercent", d.VolatilityPercent, ValueKinds.Decimal, Rules.PositiveAtMost(100m)),
            VolatilityPeriod = sizing.Value("volatilityPeriod", d.VolatilityPeriod, ValueKinds.Int, Rules.Positive),
            MaxPercentOfEquity = sizing.Has("maxPercentOfEquity")
                ? sizing.Value("maxPercentOfEquity", 100m, ValueKinds.Decimal, Rules.PositiveAtMost(1000m)) : null,
            MaxPortfolioVolatilityPercent = sizing.Has("maxPortfolioVolatilityPercent")
                ? sizing.Value("maxPortfolioVolatilityPercent", 10m, ValueKinds.Decimal, Rules.PositiveAtMost(1000m)) : null,
            PortfolioVolatilityBars = sizing.Value("portfolioVolatilityBars", d.PortfolioVolatilityBars, ValueKinds.Int, Rules.Positive),
            PortfolioVolatilityTrimPercent = sizing.Has("portfolioVolatilityTrimPercent")
                ? sizing.Value("portfolioVolatilityTrimPercent", 20m, ValueKinds.Decimal, Rules.PositiveAtMost(1000m)) : null,
            UseAdaptiveWeights = sizing.Value("useAdaptiveWeights", d.UseAdaptiveWeights, ValueKinds.Bool),
        };
        if (options.PortfolioVolatilityTrimPercent is not null && options.MaxPortfolioVolatilityPercent is null)
            sizing.Context.Error(sizing.SourceOf("portfolioVolatilityTrimPercent"), sizing.PathOf("portfolioVolatilityTrimPercent"),
                SizingOptions.TrimNeedsACap);
        return options;
    }

    /// <summary>risk's section of the groups' own concentration limits, by group name.</summary>
    public const string GroupLimitsKey = "maxGroupExposurePercents";

    /// <summary>Each group's own concentration limit, percent in (0, 10000].</summary>
    private static GroupExposureLimits GroupLimits(MappingReader groups)
    {
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var group in groups.Keys)
            limits[group] = groups.Value(group, 100m, ValueKinds.Decimal, Rules.PositiveAtMost(10_000m));
        groups.Finish();
        return limits.Count == 0 ? default : new GroupExposureLimits(limits);
    }

    public static RiskLimits Risk(MappingReader risk)
    {
        var d = new RiskLimits();
        return new RiskLimits
        {
            MaxPositionNotional = risk.Value("maxPositionNotional", d.MaxPositionNotional, ValueKinds.Decimal, Rules.Positive),
            MaxOrderNotional = risk.Value("maxOrderNotional", d.MaxOrderNotional, ValueKinds.Decimal, Rules.Positive),
            MaxDailyLoss = risk.Value("maxDailyLoss", d.MaxDailyLoss, ValueKinds.Decimal, Rules.NonNegative),
            MaxConsecutiveLosses = risk.Value("maxConsecutiveLosses", d.MaxConsecutiveLosses, ValueKinds.Int, Rules.NonNegative),
            BreakerCooldown = risk.Value("breakerCooldown", d.BreakerCooldown, ValueKinds.Duration, Rules.NonNegativeDuration),
            MaxOpenPositions = risk.Value("maxOpenPositions", d.MaxOpenPositions, ValueKinds.Int, Rules.NonNegative),
            MaxOrdersPerDay = risk.Value("maxOrdersPerDay", d.MaxOrdersPerDay, ValueKinds.Int, Rules.NonNegative),
            MaxOrdersPerMinute = risk.Value("maxOrdersPerMinute", d.MaxOrdersPerMinute, ValueKinds.Int, Rules.NonNegative),
            MaxPriceDeviationPercent = risk.Has("maxPriceDeviationPercent")
                ? risk.Value("maxPriceDeviationPercent", 10m, ValueKinds.Decimal, Rules.PositiveAtMost(10_000m)) : null,
            MaxGroupExposurePercent = risk.Has("maxGroupExposurePercent")
                ? risk.Value("maxGroupExposurePercent", 100m, ValueKinds.Decimal, Rules.PositiveAtMost(10_000m)) : null,
            MaxGroupExposurePercents = GroupLimits(risk.Section(GroupLimitsKey)),
            MaxGrossExposurePercent = risk.Has("maxGrossExposurePercent")
                ? risk.Value("maxGrossExposurePercent", 100m, ValueKinds.Decimal, Rules.PositiveAtMost(10_000m)) : null,
            CooldownAfterLoss = risk.Has("cooldownAfterLoss")
                ? risk.Value("cooldownAfterLoss", TimeSpan.FromHours(1), ValueKinds.Duration, Rules.PositiveDuration) : null,
            MaxDrawdownPercent = risk.Has("maxDrawdownPercent")
                ? risk.Value("maxDrawdownPercent", 10m, ValueKinds.Decimal, Rules.Between(0.01m, 99.99m)) : null,
            MaxPositionLossPercent = risk.Has("maxPositionLossPercent")
                ? risk.Value("maxPositionLossPercent", 2m, ValueKinds.Decimal, Rules.Between(0.01m, 99.99m)) : null,
            MaxDailyLossPercent = risk.Has("maxDailyLossPercent")
                ? risk.Value("maxDailyLossPercent", 3m, ValueKinds.Decimal, Rules.Between(0.01m, 99.99m)) : null,
        };
    }

    public static FillValidationOptions FillValidation(MappingReader fill)
    {
        var d = new FillValidationOptions();
        return new FillValidationOptions
        {
            MaxSlippagePercent = fill.Value("maxSlippagePercent", d.MaxSlippagePercent, ValueKinds.Decimal, Rules.NonNegative),
            MaxFillAgeSeconds = fill.Value("maxFillAgeSeconds", d.MaxFillAgeSeconds, ValueKinds.Int, Rules.Positive),
            MinPartialFillRatio = fill.Value("minPartialFillRatio", d.MinPartialFillRatio, ValueKinds.Decimal, Rules.Between(0m, 1m)),
        };
    }

    public static RouterConfig Router(MappingReader router)
    {
        var d = new RouterConfig();
        return new RouterConfig
        {
            SubmitTimeout = router.Value("submitTimeout", d.SubmitTimeout, ValueKinds.Duration, Rules.PositiveDuration),
            MaxAttempts = router.Value("maxAttempts", d.MaxAttempts, ValueKinds.Int, Rules.Positive),
            Backoff = router.Value("backoff", d.Backoff, ValueKinds.Duration, Rules.NonNegativeDuration),
        };
    }

    public static DataQualityOptions DataQuality(MappingReader quality) => new()
    {
        MaxJumpPercent = quality.Has("maxJumpPercent")
            ? quality.Value("maxJumpPercent", 20m, ValueKinds.Decimal, Rules.PositiveAtMost(10_000m)) : null,
        StaleAfter = quality.Has("staleAfter")
            ? quality.Value("staleAfter", TimeSpan.FromMinutes(5), ValueKinds.Duration, Rules.PositiveDuration) : null,
    };

    public static TradingHoursConfig TradingHours(MappingReader hours)
    {
        var d = new TradingHoursConfig();
        var config = new TradingHoursConfig
        {
            Enforce = hours.Value("enforce", d.Enforce, ValueKinds.Bool),
            Extended = hours.Value("extended", d.Extended, ValueKinds.Bool),
            FlattenAtClose = hours.Value("flattenAtClose", d.FlattenAtClose, ValueKinds.Bool),
            FlattenBeforeClose = hours.Value("flattenBeforeClose", d.FlattenBeforeClose, ValueKinds.Duration, Rules.NonNegativeDuration),
            FlattenBeforeWeekend = hours.Value("flattenBeforeWeekend", d.FlattenBeforeWeekend, ValueKinds.Bool),
            NoEntriesAfterOpen = hours.Value("noEntriesAfterOpen", d.NoEntriesAfterOpen, ValueKinds.Duration, Rules.DurationUnder(TradingHoursOptions.MaxEntryWindow)),
            NoEntriesBeforeClose = hours.Value("noEntriesBeforeClose", d.NoEntriesBeforeClose, ValueKinds.Duration, Rules.DurationUnder(TradingHoursOptions.MaxEntryWindow)),
        };
        if (config.FlattenBeforeWeekend && !config.FlattenAtClose)
            hours.Context.Error(hours.SourceOf("flattenBeforeWeekend"), hours.PathOf("flattenBeforeWeekend"),
                "the weekend's flatten is the end-of-day flatten's, and flattenAtClose is false: set flattenAtClose: true, or leave this out");
        return config;
    }
}
