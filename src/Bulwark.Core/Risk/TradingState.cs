namespace Bulwark.Core.Risk;

/// <summary>The kill switch. Persisted; survives restart.</summary>
public enum TradingState
{
    /// <summary>Trading normally.</summary>
    Active,
    /// <summary>Only orders that reduce a position are allowed.</summary>
    Reducing,
    /// <summary>No new orders at all.</summary>
    Halted,
}
