namespace Bulwark.Core.Model;

/// <summary>What a signal asks the position to become.</summary>
public enum SignalDirection
{
    /// <summary>Be long (size decided by the sizer, or by <see cref="Signal.TargetQuantity"/>).</summary>
    Long,
    /// <summary>Be short.</summary>
    Short,
    /// <summary>Be flat: close the position. Always allowed while reducing.</summary>
    Flat,
}
