namespace Bulwark.Core.Execution;

/// <summary>Limits a fill is checked against. A fill outside them is still applied and raises an alert.</summary>
public sealed record FillValidationOptions
{
    /// <summary>Maximum adverse slippage against the expected price, in percent.</summary>
    public decimal MaxSlippagePercent { get; init; } = 2.0m;

    /// <summary>Maximum age of a fill when the engine learns of it, in seconds.</summary>
    public int MaxFillAgeSeconds { get; init; } = 300;

    /// <summary>An order that ends partially filled must have filled at least this fraction of its quantity.</summary>
    public decimal MinPartialFillRatio { get; init; } = 0.5m;
}
