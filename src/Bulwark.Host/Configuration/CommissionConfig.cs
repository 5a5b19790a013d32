namespace Bulwark.Host.Configuration;

/// <summary>Commission charged per fill: the sum of the parts, at least <see cref="MinimumPerFill"/>.</summary>
public sealed record CommissionConfig
{
    public decimal PerShare { get; init; }

    public decimal PercentOfNotional { get; init; }

    public decimal PerFill { get; init; }

    public decimal MinimumPerFill { get; init; }
}
