namespace Bulwark.Host.Operations;

/// <summary>
/// The limits a bot's configuration sets on its whole book, beside what the journal says it holds: how many positions
/// may be open, how much it may hold in all and how much it may swing. Null fields are limits not set.
/// </summary>
/// <param name="OpenPositions">Symbols the bot holds a position in now.</param>
/// <param name="MaxOpenPositions">The most it may hold at once (<c>risk.maxOpenPositions</c>); null: no limit.</param>
/// <param name="MaxGrossExposurePercent">The most it may hold in all, long and short alike, in percent of the account (<c>risk.maxGrossExposurePercent</c>).</param>
/// <param name="MaxPortfolioVolatilityPercent">The most its estimated volatility may be a year, in percent of the account (<c>sizing.maxPortfolioVolatilityPercent</c>).</param>
public sealed record BookLimitsStatus(int OpenPositions, int? MaxOpenPositions, decimal? MaxGrossExposurePercent, decimal? MaxPortfolioVolatilityPercent)
{
    /// <summary>How far over the volatility cap the book is trimmed back to it; null when it is not.</summary>
    public decimal? PortfolioVolatilityTrimPercent { get; init; }

    /// <summary>The fall from the account's peak value, in percent, that switches the bot to reduce-only (<c>risk.maxDrawdownPercent</c>).</summary>
    public decimal? MaxDrawdownPercent { get; init; }

    /// <summary>The fall from the account's value when the day began, in percent, that stops new exposure for the day (<c>risk.maxDailyLossPercent</c>).</summary>
    public decimal? MaxDailyLossPercent { get; init; }

    /// <summary>The most one group of instruments may hold together, in percent of the account (<c>risk.maxGroupExposurePercent</c>).</summary>
    public decimal? MaxGroupExposurePercent { get; init; }

    /// <summary>Groups with a concentration limit of their own, by name in order (<c>risk.maxGroupExposurePercents</c>); null when none.</summary>
    public IReadOnlyDictionary<string, decimal>? MaxGroupExposurePercents { get; init; }

    /// <summary>The open loss of one position, in percent of the account's value, that closes it (<c>risk.maxPositionLossPercent</c>).</summary>
    public decimal? MaxPositionLossPercent { get; init; }

    /// <summary>The most orders the bot sends in a trading day (<c>risk.maxOrdersPerDay</c>).</summary>
    public int? MaxOrdersPerDay { get; init; }

    /// <summary>The orders it sent on its trading day, as the journal says.</summary>
    public long OrdersSentToday { get; init; }

    /// <summary>The most orders the bot sends in any minute (<c>risk.maxOrdersPerMinute</c>).</summary>
    public int? MaxOrdersPerMinute { get; init; }

    /// <summary>The orders it sent in the last minute, as the journal says.</summary>
    public int OrdersLastMinute { get; init; }

    /// <summary>How long entries in a symbol wait after a losing round trip there (<c>risk.cooldownAfterLoss</c>).</summary>
    public TimeSpan? CooldownAfterLoss { get; init; }

    /// <summary>Whether any of the limits is set.</summary>
    public bool Any => MaxOpenPositions is not null || MaxGrossExposurePercent is not null || MaxPortfolioVolatilityPercent is not null
        || MaxDrawdownPercent is not null || MaxDailyLossPercent is not null || CooldownAfterLoss is not null || MaxOrdersPerDay is not null
        || MaxOrdersPerMinute is not null || MaxPositionLossPercent is not null || MaxGroupExposurePercent is not null
        || MaxGroupExposurePercents is not null;
}
