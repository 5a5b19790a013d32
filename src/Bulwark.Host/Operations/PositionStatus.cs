namespace Bulwark.Host.Operations;

/// <summary>A position held: its size, average entry and what it realized, and which source opened it and when.</summary>
public sealed record PositionStatus(string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedPnl)
{
    /// <summary>When the fill that opened it was made, the time a time stop counts from; null when that fill was journaled by a version that did not keep it.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>The signal source that opened it, whose stops and time stop it keeps.</summary>
    public string? OpenedBy { get; init; }
}
