namespace Bulwark.Host.Operations;

public sealed record PositionStatus(string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedPnl);
