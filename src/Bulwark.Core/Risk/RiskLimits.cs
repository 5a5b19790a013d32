namespace Bulwark.Core.Risk;

/// <summary>The minimal risk layer: position and order size, daily loss and losing streak breakers.</summary>
public sealed record RiskLimits
{
    /// <summary>Largest absolute position notional per symbol, in account currency.</summary>
    public decimal MaxPositionNotional { get; init; } = 100_000m;

    /// <summary>Largest notional of a single order.</summary>
    public decimal MaxOrderNotional { get; init; } = 25_000m;

    /// <summary>Realized daily loss (positive number) that trips the circuit breaker; 0 disables.</summary>
    public decimal MaxDailyLoss { get; init; }

    /// <summary>Losing round trips in a row that trip the circuit breaker; 0 disables.</summary>
    public int MaxConsecutiveLosses { get; init; }

    /// <summary>How long the breaker stays open once tripped.</summary>
    public TimeSpan BreakerCooldown { get; init; } = TimeSpan.FromMinutes(30);
}
