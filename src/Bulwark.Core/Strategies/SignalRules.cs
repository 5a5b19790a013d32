namespace Bulwark.Core.Strategies;

/// <summary>
/// The rules every signal strategy takes besides its own: the protective exits, the time stop (in days or sessions),
/// the ADX filter and the volume filter on entries, as the catalog reads them from the parameters. Each null is off.
/// </summary>
public sealed record SignalRules(Risk.ProtectiveStop? Protection, TimeSpan? MaxHold, int? MaxHoldSessions, TrendFilter? TrendFilter)
{
    /// <summary>Entries only on bars whose volume is within the filter's ratios to the mean before; null: off.</summary>
    public VolumeFilter? VolumeFilter { get; init; }
}
