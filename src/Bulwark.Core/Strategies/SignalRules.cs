namespace Bulwark.Core.Strategies;

/// <summary>
/// The rules every signal strategy takes besides its own: the protective exits, the time stop (in days or sessions) and
/// the ADX filter on entries, as the catalog reads them from the parameters. Each null is off.
/// </summary>
public sealed record SignalRules(Risk.ProtectiveStop? Protection, TimeSpan? MaxHold, int? MaxHoldSessions, TrendFilter? TrendFilter);
