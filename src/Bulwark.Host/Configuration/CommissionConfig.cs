namespace Bulwark.Host.Configuration;

/// <summary>
/// Commission charged per fill: the sum of the parts, at least <see cref="MinimumPerFill"/>, at most
/// <see cref="MaximumPercentOfNotional"/> percent of the fill's value when given.
/// </summary>
public sealed record CommissionConfig
{
    public decimal PerShare { get; init; }

    public decimal PercentOfNotional { get; init; }

    public decimal PerFill { get; init; }

    public decimal MinimumPerFill { get; init; }

    /// <summary>The cap, in percent of the fill's notional (1 at Interactive Brokers); null: none.</summary>
    public decimal? MaximumPercentOfNotional { get; init; }
}
